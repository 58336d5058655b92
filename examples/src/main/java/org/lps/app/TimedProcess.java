package org.lps.app;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One external process, timed from launch to exit as a user would time it, with a time limit. Its standard
 * output and error go to files in a scratch directory (a pipe could fill and stall it); its CPU time (user +
 * sys, which load on the machine barely changes) is read from GNU time where /usr/bin/time exists.
 */
final class TimedProcess {

    enum Status { OK, FAILED, TIMEOUT }

    /**
     * How a run ended: wall seconds, CPU seconds (NaN if unmeasured), the exit code (-1 after a timeout), and
     * what it printed.
     */
    record Outcome(Status status, double seconds, double cpuSeconds, int exit, String stdout, String stderr) {

        /** The first non-blank line of stderr, or the exit code: why a run failed, in one line. */
        String reason() {
            if (status == Status.TIMEOUT) {
                return "timeout";
            }
            return stderr.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("exit " + exit);
        }
    }

    private static final Path GNU_TIME = Path.of("/usr/bin/time");

    private TimedProcess() {
    }

    /** Runs {@code command} in {@code dir} (standard input empty) for at most {@code limit}. */
    static Outcome run(List<String> command, Path dir, Duration limit) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "stdout", ".txt");
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        Path cpu = Files.createTempFile(dir, "cpu", ".txt");
        List<String> full = new ArrayList<>();
        boolean timed = Files.isExecutable(GNU_TIME);
        if (timed) {
            full.addAll(List.of(GNU_TIME.toString(), "-f", "%U %S", "-o", cpu.toString()));
        }
        full.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(full).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        long t0 = System.nanoTime();
        Process p = pb.start();
        boolean done = p.waitFor(limit.toNanos(), TimeUnit.NANOSECONDS);
        double seconds = (System.nanoTime() - t0) * 1e-9;
        if (!done) {
            // the solver first: GNU time would otherwise leave it running, orphaned
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor();
        }
        String stdout = Files.readString(out, StandardCharsets.ISO_8859_1);
        String stderr = Files.readString(err, StandardCharsets.ISO_8859_1);
        double cpuSeconds = done && timed ? cpuSeconds(Files.readString(cpu, StandardCharsets.ISO_8859_1)) : Double.NaN;
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        Files.deleteIfExists(cpu);
        if (!done) {
            return new Outcome(Status.TIMEOUT, seconds, Double.NaN, -1, stdout, stderr);
        }
        int exit = p.exitValue();
        return new Outcome(exit == 0 ? Status.OK : Status.FAILED, seconds, cpuSeconds, exit, stdout, stderr);
    }

    /** User + sys from GNU time's "%U %S" line (its last line: earlier ones may say the command failed). */
    static double cpuSeconds(String timeOutput) {
        List<String> lines = timeOutput.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            return Double.NaN;
        }
        String[] f = lines.get(lines.size() - 1).trim().split("\\s+");
        try {
            return f.length == 2 ? Double.parseDouble(f[0]) + Double.parseDouble(f[1]) : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
