package org.rollcall.facework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.rollcall.web.BusyException;

class FaceWorkQueueTest {

    private final UUID flooder = UUID.randomUUID();
    private final UUID other = UUID.randomUUID();

    @Test
    void anotherTeachersPhotoWaitsOnlyForThePhotoRunningNotForTheFlood() throws Exception {
        FaceWorkQueue queue = new FaceWorkQueue(
                new FaceWorkProperties(1, 1, 10, 40, Duration.ofSeconds(30), 60, Duration.ofMinutes(1)));
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> jobs = new ArrayList<>();
            jobs.add(pool.submit(() -> queue.run(flooder, () -> {
                firstRunning.countDown();
                await(release);
                order.add("flood-0");
                return null;
            })));
            assertThat(firstRunning.await(5, TimeUnit.SECONDS)).isTrue();
            for (int i = 1; i <= 5; i++) {
                int n = i;
                jobs.add(pool.submit(() -> queue.run(flooder, () -> order.add("flood-" + n))));
            }
            awaitWaiting(queue, 5);
            jobs.add(pool.submit(() -> queue.run(other, () -> order.add("other"))));
            awaitWaiting(queue, 6);
            release.countDown();
            for (Future<?> job : jobs) {
                job.get(10, TimeUnit.SECONDS);
            }
        }
        assertThat(order).hasSize(7);
        // the other teacher is served right after one more of the flooder's photos at most, not after all five
        assertThat(order.indexOf("other")).isLessThanOrEqualTo(2);
    }

    @Test
    void aLoneTeachersBurstUsesEveryPlaceButOneWhichAnotherTeacherGetsAtOnce() throws Exception {
        FaceWorkQueue queue = new FaceWorkQueue(
                new FaceWorkProperties(3, 1, 10, 40, Duration.ofSeconds(30), 60, Duration.ofMinutes(1)));
        CountDownLatch twoRunning = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Boolean>> flood = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                flood.add(pool.submit(() -> queue.run(flooder, () -> {
                    twoRunning.countDown();
                    return await(release);
                })));
            }
            assertThat(twoRunning.await(5, TimeUnit.SECONDS))
                    .as("two of the burst run at the same time")
                    .isTrue();
            awaitWaiting(queue, 1);
            assertThat(queue.load())
                    .as("the third waits: the last place is kept")
                    .containsExactly(2, 1);
            // another teacher's photo runs while the whole burst still holds its places
            Future<Boolean> other = pool.submit(() -> queue.run(this.other, () -> true));
            assertThat(other.get(5, TimeUnit.SECONDS)).isTrue();
            release.countDown();
            for (Future<Boolean> job : flood) {
                assertThat(job.get(10, TimeUnit.SECONDS)).isTrue();
            }
        }
        assertThat(queue.load()).containsExactly(0, 0);
    }

    @Test
    void aFullQueueAnswers503WithRetryAfterInsteadOfWaiting() throws Exception {
        FaceWorkQueue queue = new FaceWorkQueue(
                new FaceWorkProperties(1, 1, 2, 3, Duration.ofMillis(300), 60, Duration.ofMinutes(1)));
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            pool.submit(() -> queue.run(flooder, () -> await(release)));
            awaitRunning(queue);
            List<Future<?>> waiting = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                waiting.add(pool.submit(() -> queue.run(flooder, () -> true)));
            }
            awaitWaiting(queue, 2);
            assertThatThrownBy(() -> queue.run(flooder, () -> true)).isInstanceOfSatisfying(BusyException.class, e -> {
                assertThat(e.status().value()).isEqualTo(503);
                assertThat(e.code().code()).isEqualTo("FACE_WORK_BUSY");
                assertThat(e.retryAfterSeconds()).isPositive();
            });
            // another teacher still gets a place in the line, but waits no longer than max-wait
            long started = System.nanoTime();
            assertThatThrownBy(() -> queue.run(other, () -> true)).isInstanceOf(BusyException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
            release.countDown();
        }
        assertThat(queue.load()).containsExactly(0, 0);
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void awaitWaiting(FaceWorkQueue queue, int waiting) throws InterruptedException {
        for (int i = 0; i < 200 && queue.load()[1] < waiting; i++) {
            Thread.sleep(10);
        }
        assertThat(queue.load()[1]).isEqualTo(waiting);
    }

    private static void awaitRunning(FaceWorkQueue queue) throws InterruptedException {
        for (int i = 0; i < 200 && queue.load()[0] < 1; i++) {
            Thread.sleep(10);
        }
        assertThat(queue.load()[0]).isEqualTo(1);
    }
}
