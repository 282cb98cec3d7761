package org.rollcall.attendance.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The development face data in /work/shared/faces/lfw-dev (not in the repository; benchmarks only): people with 3+
 * photos from identities.txt, and everybody else as strangers.
 */
record LfwDev(Path images, Map<String, List<Path>> identities, List<Path> strangers) {

    static LfwDev load(Path root) {
        Path images = root.resolve("images");
        try {
            Map<String, List<Path>> identities = new LinkedHashMap<>();
            for (String line : Files.readAllLines(root.resolve("identities.txt"))) {
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split("\t");
                identities.put(
                        fields[0],
                        Arrays.stream(fields).skip(1).map(images::resolve).toList());
            }
            List<Path> strangers = new ArrayList<>();
            Set<String> known = identities.keySet();
            try (Stream<Path> people = Files.list(images)) {
                for (Path person : people.sorted().toList()) {
                    if (!known.contains(person.getFileName().toString())) {
                        try (Stream<Path> photos = Files.list(person)) {
                            photos.sorted().findFirst().ifPresent(strangers::add);
                        }
                    }
                }
            }
            return new LfwDev(images, identities, strangers);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + root + " (development data, not in the repository)", e);
        }
    }

    static String personOf(Path photo) {
        return photo.getParent().getFileName().toString();
    }

    Set<String> names() {
        return new TreeSet<>(identities.keySet());
    }
}
