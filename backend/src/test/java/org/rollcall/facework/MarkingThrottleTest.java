package org.rollcall.facework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rollcall.support.ApiResponse;
import org.rollcall.support.RollcallIntegrationTest;
import org.rollcall.support.TestApi;
import org.rollcall.support.TestTeacher;
import org.springframework.beans.factory.annotation.Autowired;

/** Marking is limited per teacher (60 photos a minute by default, a bucket in Redis); other teachers go on. */
@RollcallIntegrationTest
class MarkingThrottleTest {

    @Autowired
    TestApi api;

    @Test
    void aTeacherSendingPhotosFasterThanAClassNeedsGets429AndOthersAreNotAffected() {
        TestTeacher flooder = api.newTeacher();
        UUID classId = api.client(flooder.token()).createClass("Flood", "UTC");
        byte[][] tenPhotos = new byte[10][];
        for (int i = 0; i < 10; i++) {
            tenPhotos[i] = new byte[] {1, 2, 3, (byte) i}; // refused by the engine at once, but counted
        }
        for (int i = 0; i < 6; i++) {
            ApiResponse refused = mark(flooder, classId, tenPhotos);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        }
        ApiResponse limited = mark(flooder, classId, tenPhotos);
        assertThat(limited.status()).as(limited.toString()).isEqualTo(429);
        assertThat(limited.isProblem()).isTrue();
        assertThat(limited.code()).isEqualTo("TOO_MANY_MARKINGS");
        assertThat(Long.parseLong(limited.headers().getFirst("Retry-After"))).isBetween(1L, 60L);

        TestTeacher other = api.newTeacher();
        UUID otherClass = api.client(other.token()).createClass("Calm", "UTC");
        assertThat(mark(other, otherClass, tenPhotos[0]).status()).isEqualTo(422);
    }

    private ApiResponse mark(TestTeacher teacher, UUID classId, byte[]... photos) {
        return api.post("/api/classes/" + classId + "/attendance")
                .as(teacher)
                .multipart(TestApi.markParts(null, photos))
                .send();
    }
}
