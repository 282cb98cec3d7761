package org.rollcall.attendance.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.rollcall.face.FaceEngine;
import org.rollcall.support.RollcallIntegrationTest;
import org.rollcall.support.TestApi;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The speed and accuracy figures of issue 4 (a benchmark, not a test: its name keeps it out of the suite, and it
 * asserts nothing). Needs the development faces, which are not in the repository. Run with
 * {@code scripts/bench-attendance.sh} (or {@code -Dtest=AttendanceBenchmark -Drollcall.faces=/work/shared/faces});
 * the figures are printed and written to backend/target/attendance-benchmark.txt.
 */
@RollcallIntegrationTest
class AttendanceBenchmark {

    @Autowired
    TestApi api;

    @Autowired
    FaceEngine engine;

    @Test
    void figures() throws IOException {
        Path faces = Path.of(System.getProperty("rollcall.faces", "/work/shared/faces"));
        LfwDev lfw = LfwDev.load(faces.resolve("lfw-dev"));
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(new TeeStream(System.out, report), true, StandardCharsets.UTF_8);
        out.printf(
                "processors: %d, max heap %d MB, load average at start: %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, loadAverage());
        TestApi.Client teacher = api.client(api.newTeacher().token());
        AttendanceFigures figures = new AttendanceFigures(teacher, engine, lfw, out);
        String what = System.getProperty("rollcall.bench", "speed,accuracy");
        if (what.contains("speed")) {
            figures.speed(40, 30, 5, Integer.getInteger("rollcall.bench.rounds", 20));
        }
        if (what.contains("accuracy")) {
            figures.accuracy(20, 10);
        }
        out.printf(
                "load average at the end: %s (the machine is shared: figures are only comparable at low load)%n",
                loadAverage());
        Files.write(Path.of("target", "attendance-benchmark.txt"), report.toByteArray());
    }

    private static String loadAverage() {
        Path proc = Path.of("/proc/loadavg");
        try {
            return Files.exists(proc) ? Files.readString(proc).strip() : "unknown";
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Prints to the console and keeps a copy for the report file. */
    private static final class TeeStream extends java.io.OutputStream {

        private final PrintStream console;
        private final ByteArrayOutputStream copy;

        TeeStream(PrintStream console, ByteArrayOutputStream copy) {
            this.console = console;
            this.copy = copy;
        }

        @Override
        public void write(int b) {
            console.write(b);
            copy.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            console.write(b, off, len);
            copy.write(b, off, len);
        }
    }
}
