package org.lps.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * PHCpack's blackbox solver, {@code phc -b [-tN] input output}, run as a process in a scratch directory (it
 * writes more files beside its output), with its solution count read from the output file.
 */
final class PhcProcess {

    private static final Pattern REFINED = Pattern.compile("A list of (\\d+) solutions has been refined");

    /** A run: how the process ended, and the solutions phc reports (null unless it ended well). */
    record Run(TimedProcess.Outcome outcome, Long solutions, String problem) {

        boolean ok() {
            return solutions != null;
        }

        /** Why there is no count: the timeout, phc's own message, or a missing summary line. */
        String reason() {
            return problem != null ? problem : outcome.reason();
        }
    }

    private PhcProcess() {
    }

    /** Solves the system in {@code input} (copied, so phc sees it by a plain name) with {@code threads} threads; 0 for phc's default. */
    static Run run(Path exe, Path input, int threads, Duration limit) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("lps-phc");
        try {
            Path in = dir.resolve("input");
            Files.copy(input, in);
            List<String> cmd = new ArrayList<>(List.of(exe.toString(), "-b"));
            if (threads > 0) {
                cmd.add("-t" + threads);
            }
            cmd.add(in.getFileName().toString());
            cmd.add("output");
            TimedProcess.Outcome o = TimedProcess.run(cmd, dir, limit);
            if (o.status() != TimedProcess.Status.OK) {
                return new Run(o, null, null);
            }
            Path outFile = dir.resolve("output");
            String output = Files.exists(outFile) ? Files.readString(outFile, StandardCharsets.ISO_8859_1) : "";
            if (!REFINED.matcher(output).find()) {
                // seen under load: phc exited 0 with a truncated output file; or it refused the input
                return new Run(o, null, "phc exited 0 but its output has no 'A list of N solutions has been refined'"
                        + " line (" + output.length() + " characters)");
            }
            return new Run(o, solutionCount(output), null);
        } finally {
            deleteTree(dir);
        }
    }

    /**
     * The number of solutions phc reports: the sum over its refined solution lists ("A list of N solutions has
     * been refined"). With the polyhedral homotopy there can be two: the mixed-volume solutions and those with
     * zero coordinates found from the stable mixed volume (katsura-9: 504 + 8).
     */
    static long solutionCount(String phcOutput) {
        Matcher m = REFINED.matcher(phcOutput);
        long total = 0;
        boolean any = false;
        while (m.find()) {
            total += Long.parseLong(m.group(1));
            any = true;
        }
        if (!any) {
            throw new IllegalStateException("no 'A list of N solutions has been refined' line in phc's output");
        }
        return total;
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
