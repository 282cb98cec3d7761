package org.rollcall.students;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.rollcall.web.ApiException;
import org.rollcall.web.ErrorCode;

/**
 * Reads an uploaded ZIP into memory without trusting it: the sizes its headers declare are ignored, what it really
 * expands to is counted while inflating and reading stops at the first limit (entries, total bytes, expansion per
 * archive byte), so a zip bomb costs at most the limit. Entry names that climb out of the archive ("../", absolute
 * paths) and ZIPs inside the ZIP are refused outright: nothing is ever written to disk, but such an archive was not
 * made by someone zipping a folder of photos.
 */
final class UploadedZip {

    /** One file of the archive: its path inside the archive and its bytes. */
    record Entry(String path, byte[] content) {

        /** The file name without folders. */
        String fileName() {
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    /** @param maxExpansion bytes the archive may expand to per byte of its own size */
    record Limits(int maxEntries, long maxTotalBytes, int maxExpansion) {}

    private static final Charset DOS_NAMES = Charset.forName("IBM437");

    private UploadedZip() {}

    /** A local file header: every ZIP, and so every XLSX, starts with one. */
    static boolean isZip(byte[] content) {
        return content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    /** The files of the archive, folders left out. */
    static List<Entry> read(byte[] archive, Limits limits) {
        try {
            return read(archive, limits, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notUtf8) {
            // ZIPs made by Windows' "Send to compressed folder" name their files in the old DOS code page
            return read(archive, limits, DOS_NAMES);
        }
    }

    private static List<Entry> read(byte[] archive, Limits limits, Charset names) {
        long byRatio = (long) archive.length * limits.maxExpansion();
        boolean ratioBinds = byRatio < limits.maxTotalBytes();
        long allowed = ratioBinds ? byRatio : limits.maxTotalBytes();
        List<Entry> entries = new ArrayList<>();
        long total = 0;
        int seen = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive), names)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++seen > limits.maxEntries()) {
                    throw new ApiException(
                            ErrorCode.ZIP_TOO_MANY_ENTRIES,
                            "The ZIP holds more than " + limits.maxEntries() + " files; send at most "
                                    + limits.maxEntries() + " at once.");
                }
                String path = entry.getName().replace('\\', '/');
                if (climbsOut(path)) {
                    throw new ApiException(
                            ErrorCode.ZIP_UNSAFE_PATH,
                            "The ZIP contains a file named \"" + entry.getName() + "\", which points outside the"
                                    + " archive; zip the folder of photos again.");
                }
                if (entry.isDirectory()) {
                    continue;
                }
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    total += n;
                    if (total > allowed) {
                        throw ratioBinds ? bomb(limits) : tooBig(limits);
                    }
                    content.write(buffer, 0, n);
                }
                byte[] bytes = content.toByteArray();
                if (isZip(bytes) || path.toLowerCase().endsWith(".zip")) {
                    throw new ApiException(
                            ErrorCode.ZIP_NESTED,
                            "The ZIP contains another ZIP (\"" + entry.getName() + "\"); put the photos themselves in"
                                    + " one ZIP.");
                }
                entries.add(new Entry(path, bytes));
            }
        } catch (ZipException e) {
            throw unreadable();
        } catch (IOException e) {
            throw unreadable();
        }
        if (seen == 0) {
            throw unreadable();
        }
        return entries;
    }

    private static boolean climbsOut(String path) {
        if (path.startsWith("/") || path.matches("^[A-Za-z]:.*")) {
            return true;
        }
        for (String part : path.split("/")) {
            if (part.equals("..")) {
                return true;
            }
        }
        return false;
    }

    private static ApiException tooBig(Limits limits) {
        return new ApiException(
                ErrorCode.ZIP_TOO_LARGE,
                "The ZIP expands to more than " + limits.maxTotalBytes() / (1024 * 1024)
                        + " MB; send the photos in smaller parts.");
    }

    private static ApiException bomb(Limits limits) {
        return new ApiException(
                ErrorCode.ZIP_BOMB,
                "The ZIP expands to more than " + limits.maxExpansion() + " times its own size, which photos never"
                        + " do; it was refused unread.");
    }

    private static ApiException unreadable() {
        return new ApiException(
                ErrorCode.ZIP_UNREADABLE,
                "The ZIP file is damaged, encrypted or not a ZIP; zip the folder of photos again without a password.");
    }
}
