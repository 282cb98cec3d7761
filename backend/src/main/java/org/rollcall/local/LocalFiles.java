package org.rollcall.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Local mode keeps a teacher's data on a shared computer: the data dir and its folders are for this OS user only
 * (700), the files in them too (600), and the embedded servers' passwords are generated once into it.
 */
public final class LocalFiles {

    static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private LocalFiles() {}

    /** Creates the folder (and missing parents) and makes it owner-only, also when it existed before. */
    public static Path ownerOnlyDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
            if (supportsPosix(dir)) {
                Files.setPosixFilePermissions(dir, OWNER_DIR);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + dir, e);
        }
    }

    /** Makes a file owner-only (where the file system knows POSIX permissions). */
    public static void ownerOnlyFile(Path file) {
        try {
            if (Files.isRegularFile(file) && supportsPosix(file)) {
                Files.setPosixFilePermissions(file, OWNER_FILE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot protect " + file, e);
        }
    }

    /** Every regular file directly in {@code dir} becomes owner-only (e.g. Redis's append-only files). */
    static void ownerOnlyFilesIn(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.forEach(path -> {
                if (Files.isDirectory(path)) {
                    ownerOnlyDirectory(path);
                } else {
                    ownerOnlyFile(path);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot protect " + dir, e);
        }
    }

    /** The password kept in {@code file}, generated (256 random bits) and written owner-only the first time. */
    static String password(Path file) {
        try {
            if (Files.exists(file)) {
                ownerOnlyFile(file);
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            // URL-safe base64: no quote, space or backslash that a config file or a connection URL would mangle.
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            ownerOnlyDirectory(file.getParent());
            try {
                if (supportsPosix(file.getParent())) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
                } else {
                    Files.createFile(file);
                }
            } catch (FileAlreadyExistsException e) {
                return password(file); // another start got there first
            }
            Files.writeString(file, password, StandardCharsets.UTF_8);
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create " + file, e);
        }
    }

    private static boolean supportsPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
