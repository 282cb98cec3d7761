package org.rollcall.facework;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.rollcall.web.BusyException;
import org.rollcall.web.ErrorCode;
import org.springframework.stereotype.Component;

/**
 * Photos go through the face engine a few at a time (one per core), taken from the waiting teachers in turn, so one
 * teacher sending many large photos delays only their own: another teacher's photo starts at once on the place a
 * flood never takes, or waits for at most one of the photos already running. The queue is bounded per teacher and in all, and a photo waits a bounded
 * time; beyond that the request answers 503 with Retry-After instead of piling up.
 */
@Component
public class FaceWorkQueue {

    private final FaceWorkProperties limits;
    private final int concurrency;
    private int running;
    private int waitingTotal;
    private final Map<UUID, Integer> runningBy = new HashMap<>();
    /** Waiting photos per teacher; the order of the teachers is the order of their turns. */
    private final LinkedHashMap<UUID, ArrayDeque<CompletableFuture<Void>>> waiting = new LinkedHashMap<>();

    FaceWorkQueue(FaceWorkProperties limits) {
        this.limits = limits;
        this.concurrency = limits.effectiveConcurrency();
    }

    /** Runs {@code work} (one photo's face work) when it is this teacher's turn; 503 when the queue is full. */
    public <T> T run(UUID teacher, Supplier<T> work) {
        CompletableFuture<Void> turn = enter(teacher);
        try {
            turn.get(limits.maxWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            if (abandon(teacher, turn)) {
                throw busy("Rollcall is busy recognising faces; try again in a moment.");
            }
            // granted just as the wait ran out: the turn is ours, use it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (abandon(teacher, turn)) {
                throw busy("The request was stopped while waiting for its turn.");
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
        try {
            return work.get();
        } finally {
            leave(teacher);
        }
    }

    private synchronized CompletableFuture<Void> enter(UUID teacher) {
        CompletableFuture<Void> turn = new CompletableFuture<>();
        ArrayDeque<CompletableFuture<Void>> mine = waiting.get(teacher);
        int myWaiting = mine == null ? 0 : mine.size();
        if (myWaiting >= limits.perTeacherWaiting()) {
            throw busy("You have sent many photos at once; wait for them to be recognised, then try again.");
        }
        if (waitingTotal >= limits.maxWaiting()) {
            throw busy("Rollcall is busy recognising faces; try again in a moment.");
        }
        waiting.computeIfAbsent(teacher, id -> new ArrayDeque<>()).add(turn);
        waitingTotal++;
        grantTurns();
        return turn;
    }

    /** True when the photo was still waiting (and is now removed); false when its turn had already come. */
    private synchronized boolean abandon(UUID teacher, CompletableFuture<Void> turn) {
        ArrayDeque<CompletableFuture<Void>> mine = waiting.get(teacher);
        if (mine != null && mine.remove(turn)) {
            waitingTotal--;
            if (mine.isEmpty()) {
                waiting.remove(teacher);
            }
            return true;
        }
        return false;
    }

    private synchronized void leave(UUID teacher) {
        running--;
        runningBy.merge(teacher, -1, Integer::sum);
        if (runningBy.get(teacher) <= 0) {
            runningBy.remove(teacher);
        }
        grantTurns();
    }

    /**
     * Gives free places to the next waiting teachers in turn; a teacher served goes to the back of the line. Teachers
     * under their own running limit come first; a place nobody under the limit wants goes to the next in line anyway,
     * except the last one, so another teacher's photo starts at once instead of waiting for one of a flood's.
     */
    private void grantTurns() {
        while (running < concurrency && waitingTotal > 0) {
            UUID next = null;
            for (Map.Entry<UUID, ArrayDeque<CompletableFuture<Void>>> line : waiting.entrySet()) {
                if (runningBy.getOrDefault(line.getKey(), 0) < limits.perTeacherRunning()) {
                    next = line.getKey();
                    break;
                }
            }
            if (next == null) {
                if (concurrency > 1 && running >= concurrency - 1) {
                    // kept for a teacher with nothing running: the engine already spreads one photo over the cores,
                    // so a second flood photo gains the flooder little and would double everyone else's wait
                    break;
                }
                next = waiting.keySet().iterator().next();
            }
            ArrayDeque<CompletableFuture<Void>> turns = waiting.remove(next);
            CompletableFuture<Void> turn = turns.poll();
            waitingTotal--;
            if (!turns.isEmpty()) {
                waiting.put(next, turns); // back of the line
            }
            start(next, turn);
        }
    }

    private void start(UUID teacher, CompletableFuture<Void> turn) {
        running++;
        runningBy.merge(teacher, 1, Integer::sum);
        turn.complete(null);
    }

    /** For tests and the benchmark: photos running and waiting now. */
    synchronized int[] load() {
        return new int[] {running, waitingTotal};
    }

    private BusyException busy(String message) {
        // a photo takes a second or two: by then some of the queue has moved
        return new BusyException(
                ErrorCode.FACE_WORK_BUSY,
                message,
                Duration.ofSeconds(Math.max(2, limits.maxWait().toSeconds() / 4)));
    }
}
