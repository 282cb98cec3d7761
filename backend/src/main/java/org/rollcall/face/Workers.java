package org.rollcall.face;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.rollcall.face.embed.Parallel;

/**
 * The engine's threads: one platform thread per photo being analysed, and workers that share a photo's faces.
 *
 * <p>Callers may be virtual threads (the web app's request threads). Inference is long, CPU-bound native work that
 * would pin their few carrier threads and starve requests that hold a database connection, so each photo is
 * analysed on a platform thread; the pool's size also caps how many photos are decoded at once.
 */
final class Workers implements Parallel, AutoCloseable {

    private final int threads;
    private final ExecutorService workers;
    private final ExecutorService photos;

    Workers(int threads) {
        this.threads = threads;
        this.workers = platformThreads(threads, "face-engine");
        this.photos = platformThreads(threads, "face-photo");
    }

    /** Runs a photo's analysis on a photo thread and waits for it. */
    <R> R forPhoto(Callable<R> analysis) {
        return await(photos.submit(analysis));
    }

    @Override
    public <T, R> List<R> map(List<T> items, Function<T, R> work) {
        if (items.size() == 1 || threads <= 1) {
            return items.stream().map(work).toList();
        }
        List<Future<R>> futures = items.stream()
                .map(item -> workers.submit(() -> work.apply(item)))
                .toList();
        List<R> results = new ArrayList<>(items.size());
        for (Future<R> f : futures) {
            results.add(await(f));
        }
        return results;
    }

    private static <R> R await(Future<R> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static ExecutorService platformThreads(int count, String name) {
        return Executors.newFixedThreadPool(Math.max(1, count), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void close() {
        photos.shutdownNow();
        workers.shutdownNow();
    }
}
