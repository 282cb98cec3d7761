package org.rollcall.face.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.concurrent.atomic.AtomicReference;

/** Creates ONNX Runtime sessions for in-memory models. */
public final class OnnxRuntimeLoader {

    /**
     * ONNX Runtime 1.29's one-time native initialisation needs more stack than a default JVM thread has (it
     * crashes the JVM with SIGSEGV on a 1-4 MB stack on this machine), so the environment is first created on a
     * thread with a large stack; later calls return the same process-wide environment.
     */
    private static final long INIT_STACK_BYTES = 64L << 20;

    private OnnxRuntimeLoader() {}

    public static OrtEnvironment environment() {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<OrtEnvironment> env = new AtomicReference<>();
        Thread init = new Thread(
                null,
                () -> {
                    try {
                        env.set(OrtEnvironment.getEnvironment());
                    } catch (Throwable t) {
                        failure.set(t);
                    }
                },
                "onnxruntime-init",
                INIT_STACK_BYTES);
        init.start();
        try {
            init.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while loading ONNX Runtime", e);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("ONNX Runtime could not be loaded", failure.get());
        }
        return env.get();
    }

    public static OrtSession session(OrtEnvironment env, byte[] model, int intraOpThreads) {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            return env.createSession(model, options);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime rejected a converted model", e);
        }
    }
}
