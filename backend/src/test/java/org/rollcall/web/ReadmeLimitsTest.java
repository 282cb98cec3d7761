package org.rollcall.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.rollcall.face.FaceEngineSettings;
import org.rollcall.support.RollcallIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

/**
 * The limits the README quotes are the ones the running application has (its configuration is the one source): a
 * changed setting fails here until the README says the same. Line breaks in the README do not matter.
 */
@RollcallIntegrationTest
class ReadmeLimitsTest {

    private static final Path README = Path.of("..", "README.md");

    @Autowired
    Environment environment;

    @Autowired
    FaceEngineSettings face;

    private <T> T setting(String name, Class<T> type) {
        return Binder.get(environment).bind(name, type).orElseThrow(() -> new AssertionError(name + " is not set"));
    }

    private int number(String name) {
        return setting(name, Integer.class);
    }

    private long minutes(String name) {
        return setting(name, Duration.class).toMinutes();
    }

    private long seconds(String name) {
        return setting(name, Duration.class).toSeconds();
    }

    private long megabytes(String name) {
        return setting(name, DataSize.class).toMegabytes();
    }

    private static String readme() throws IOException {
        return Files.readString(README).replaceAll("\\s+", " ");
    }

    @Test
    void theConfigurationSummaryQuotesTheSettings() throws IOException {
        assertThat(minutes("rollcall.login-throttle.per-address.refill-period"))
                .as("README: per minute")
                .isEqualTo(1);
        assertThat(minutes("rollcall.face-work.marking-period"))
                .as("README says 'per minute'")
                .isEqualTo(1);
        assertThat(number("rollcall.face-work.concurrency"))
                .as("README says 'one photo per core'")
                .isZero();
        long perEmailRefill = seconds("rollcall.login-throttle.per-email.refill-period")
                / number("rollcall.login-throttle.per-email.capacity");
        String summary = ("(token lifetime %d min; OTP lifetime %d min, %d tries, %d s resend cooldown, %d codes per"
                        + " hour and email; login throttle %d attempts per email and client address per %d min, %d per email"
                        + " from new addresses per %d min refilled one every %d s, %d per client address per minute; uploads"
                        + " %d MB per file; face work `rollcall.face-work.*`: one photo per core, %d waiting per teacher, %d in"
                        + " all, %d s longest wait, %d marking photos per teacher per minute)")
                .formatted(
                        minutes("rollcall.auth.token-lifetime"),
                        minutes("rollcall.otp.lifetime"),
                        number("rollcall.otp.max-attempts"),
                        seconds("rollcall.otp.resend-cooldown"),
                        number("rollcall.otp.hourly-cap"),
                        number("rollcall.login-throttle.per-pair.capacity"),
                        minutes("rollcall.login-throttle.per-pair.refill-period"),
                        number("rollcall.login-throttle.per-email.capacity"),
                        minutes("rollcall.login-throttle.per-email.refill-period"),
                        perEmailRefill,
                        number("rollcall.login-throttle.per-address.capacity"),
                        DataSize.ofBytes(face.limits().maxImageBytes()).toMegabytes(),
                        number("rollcall.face-work.per-teacher-waiting"),
                        number("rollcall.face-work.max-waiting"),
                        seconds("rollcall.face-work.max-wait"),
                        number("rollcall.face-work.marking-photos"));

        assertThat(readme()).contains(summary);
    }

    @Test
    void theAttendanceAndEnrolmentSectionsQuoteTheirLimits() throws IOException {
        int defaultDays = number("rollcall.attendance.default-range-days");
        int maxDays = number("rollcall.attendance.max-range-days");

        assertThat(readme())
                .contains("Without `from`/`to` the range is the last %d days; at most %d."
                        .formatted(defaultDays, maxDays))
                .contains("`max-photos` per request (%d / %d)"
                        .formatted(number("rollcall.students.max-photos"), number("rollcall.attendance.max-photos")))
                .contains("`attendance.max-range-days` (%d), `attendance.default-range-days` (%d)"
                        .formatted(maxDays, defaultDays));
    }

    @Test
    void theRosterAndBulkPhotoSectionsQuoteTheirLimits() throws IOException {
        int rows = number("rollcall.roster.max-roster-rows");
        String thousands = rows >= 1000 ? "%d %03d".formatted(rows / 1000, rows % 1000) : String.valueOf(rows);
        int files = number("rollcall.roster.max-photo-files");

        assertThat(readme())
                .contains("Limits: %d MB, %s rows.".formatted(megabytes("rollcall.roster.max-roster-bytes"), thousands))
                .contains("multipart `photo` 1..%d files".formatted(files))
                .contains("at most %d entries, %d photos, %d MB expanded and %d times its own size"
                        .formatted(
                                number("rollcall.roster.max-zip-entries"),
                                files,
                                megabytes("rollcall.roster.max-photo-bytes"),
                                number("rollcall.roster.max-zip-expansion")))
                .contains(
                        "bound by the %d MB part limit".formatted(megabytes("spring.servlet.multipart.max-file-size")))
                .contains("raised to %d (`server.tomcat.max-part-count`)"
                        .formatted(number("server.tomcat.max-part-count")));
    }

    @Test
    void theReadmeListsExactlyThePublicEndpoints() throws IOException {
        String list = PublicEndpoints.ALL.stream()
                .map(open -> open.method() + " " + open.path())
                .collect(Collectors.joining(", "));

        assertThat(readme()).contains("OpenAPI document read it; a test checks this list): " + list + ".");
    }
}
