package org.rollcall.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's error-code table and {@link ErrorCode} list the same codes with the same statuses. */
class ErrorCodeTableTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Pattern ROW = Pattern.compile("^\\| `([A-Z_]+)` \\| ([^|]+) \\|");
    private static final Pattern STATUS = Pattern.compile("\\b\\d{3}\\b");

    @Test
    void theReadmeTableListsEveryCodeWithItsStatuses() throws IOException {
        Map<String, Set<Integer>> table = table(Files.readAllLines(README));
        Map<String, Set<Integer>> codes = Arrays.stream(ErrorCode.values())
                .collect(Collectors.groupingBy(
                        ErrorCode::code,
                        TreeMap::new,
                        Collectors.mapping(code -> code.status().value(), Collectors.toCollection(TreeSet::new))));

        assertThat(codes.keySet()).as("codes missing from the README's table").isSubsetOf(table.keySet());
        assertThat(table.keySet())
                .as("codes in the README's table that ErrorCode does not have")
                .isSubsetOf(codes.keySet());
        assertThat(table).as("statuses in the README's table").isEqualTo(codes);
    }

    @Test
    void codesAreNotRenamedByAccident() {
        // the one code two constants share, each with its own status
        assertThat(ErrorCode.TOO_MANY_PHOTO_FILES.code()).isEqualTo(ErrorCode.TOO_MANY_PHOTOS.code());
        assertThat(Arrays.stream(ErrorCode.values()).filter(code -> !code.code().equals(code.name())))
                .containsExactly(ErrorCode.TOO_MANY_PHOTO_FILES);
    }

    /** The rows of the table under "### Error codes": code → the statuses named in its status column. */
    private static Map<String, Set<Integer>> table(List<String> readme) {
        int heading = readme.indexOf("### Error codes");
        assertThat(heading).as("README section \"### Error codes\"").isNotNegative();
        Map<String, Set<Integer>> rows = new TreeMap<>();
        for (String line : readme.subList(heading + 1, readme.size())) {
            if (line.startsWith("#")) {
                break;
            }
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                Set<Integer> statuses = STATUS.matcher(row.group(2))
                        .results()
                        .map(status -> Integer.parseInt(status.group()))
                        .collect(Collectors.toCollection(TreeSet::new));
                assertThat(rows.put(row.group(1), statuses))
                        .as("second row for " + row.group(1))
                        .isNull();
            }
        }
        return rows;
    }
}
