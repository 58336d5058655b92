package org.lps.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lps.io.AtomicFile;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.hipparchus.complex.Complex;
import org.lps.homotopy.certify.Certification;
import org.lps.homotopy.certify.Certifier;
import org.lps.homotopy.certify.IntervalSystem;
import org.lps.homotopy.result.CertificationJson;
import org.lps.homotopy.family.StandardSystems;
import org.lps.homotopy.parse.Format;
import org.lps.homotopy.parse.SystemParser;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.result.CsvOutput;
import org.lps.homotopy.result.JsonOutput;
import org.lps.homotopy.result.PhcOutput;
import org.lps.homotopy.solve.Solution;
import org.lps.homotopy.solve.SolveOptions;
import org.lps.homotopy.solve.SolveResult;
import org.lps.homotopy.solve.Solver;
import org.lps.homotopy.start.StartKind;
import org.lps.homotopy.track.TrackerOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lps solve}: all isolated solutions of a square polynomial system, every path accounted for. */
@Command(name = "solve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Solve a polynomial system: every isolated solution, every path accounted for.",
                "Paths are tracked in projective space from a start system by a gamma-trick homotopy; each ends",
                "nonsingular, singular (with multiplicity), at infinity, on a positive-dimensional component, or",
                "failed (after a retry with the conservative preset). Same seed, same output, on any thread count."})
final class SolveCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "the system: PHCpack, Bertini or plain format (one equation per line); - reads standard input")
    String file;

    @Option(names = "--system", paramLabel = "NAME",
            description = "a standard system instead of a file: cyclicN, katsuraN, noonN, ecoN, chandraN, reimerN,"
                    + " or lps-k2-d3 (LPS block system of width k, activation degree d, generic data)")
    String system;

    @Option(names = "--format", paramLabel = "F", defaultValue = "auto",
            description = "input format: auto, phc, bertini or plain (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--start", paramLabel = "S", defaultValue = "auto",
            description = "start system: auto (least estimated work), total-degree, lps (linear product) or"
                    + " polyhedral (mixed cells: one path per solution the mixed volume counts)"
                    + " (default: ${DEFAULT-VALUE})")
    String start;

    @Option(names = "--preset", paramLabel = "P", defaultValue = "default",
            description = "tracker settings: default, fast or conservative (default: ${DEFAULT-VALUE})")
    String preset;

    @Option(names = "--json", description = "print one JSON object instead of the summary")
    boolean json;

    @Option(names = "--solutions", description = "list the solutions (in the summary or the JSON)")
    boolean solutions;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: all cores)")
    Integer threads;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + SolveOptions.DEFAULT_SEED,
            description = "seed of every random choice (gamma, patch, start system) (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", paramLabel = "FILE",
            description = "also write the solutions to FILE: .json, .csv, or .txt/.phc (PHCpack format)")
    Path out;

    @Option(names = "--quiet", description = "no progress bar on stderr")
    boolean quiet;

    @Option(names = "--certify", description = "prove each solution by Krawczyk's interval test: a unique zero in a box,"
            + " real or not; adds certified counts (JSON: certified, certifiedReal per solution; certifiedDistinct,"
            + " certifiedReal overall)")
    boolean certify;

    @Option(names = "--spark", paramLabel = "MASTER",
            description = "track the paths on Apache Spark: local[N], spark://HOST:7077, yarn, ...; the same solutions in"
                    + " the same order as without (see docs/distributed.md; run through ./lps or spark-submit)")
    String spark;

    @CommandLine.Mixin
    ParameterOptions parameters = new ParameterOptions();

    @Override
    public Integer call() throws IOException {
        // every flag and the output path before the system is even read: a typo costs a second, not the solve
        Format f = parseFormat(format);
        StartKind startKind = UserInputException.forFlag("--start", () -> StartKind.parse(start));
        TrackerOptions tracker = UserInputException.forFlag("--preset", () -> TrackerOptions.preset(preset));
        if (threads != null && threads < 1) {
            throw new UserInputException("--threads must be at least 1, got " + threads);
        }
        if (spark != null) {
            SparkRoute.checkMaster(spark);
            parameters.checkSpark();
        }
        if (out != null) {
            outputKind(out);
            Outputs.require("--out", out, file == null || file.equals(SystemInput.STDIN) ? null : Path.of(file));
        }
        SystemInput.Loaded loaded = SystemInput.load(file, system, f, System.in);
        PolynomialSystem s = loaded.system();
        if (!parameters.active(s)) {
            loaded.requireSquare("the solver", f, true);   // with parameters: the unknowns are counted once split
        }
        SolveOptions options = SolveOptions.defaults().seed(seed).start(startKind).preset(tracker);
        if (threads != null) {
            options = options.threads(threads);
        }
        boolean parameterized = parameters.active(s);
        if (parameterized) {
            if (certify && parameters.declaresParameters(s)) {
                throw new UserInputException("--certify does not take a system with parameters yet: write the system at"
                        + " the point and certify its solutions with lps certify FILE --solutions S.json");
            }
            parameters.check(s, out);
            if (parameters.manyTargets()) {
                parameters.solveTargets(s, options, solutions, spec.commandLine().getOut(),
                        spec.commandLine().getErr(), spark);
                return 0;
            }
        }
        ProgressBar bar = quiet || parameterized ? null : new ProgressBar(spec.commandLine().getErr());
        SolveResult r;
        try {
            r = parameterized ? parameters.solve(s, options, spec.commandLine().getErr())
                    : spark != null ? SparkRoute.solve(spark, s, options, bar == null ? null : bar::update)
                    : Solver.solve(s, bar == null ? options : options.progress(bar::update));
        } finally {
            if (bar != null) {
                bar.close();
            }
        }
        Certification cert = certify ? Certifier.certify(IntervalSystem.of(s), r, r.threads()) : null;
        PrintWriter pw = spec.commandLine().getOut();
        if (json) {
            ObjectNode root = JsonOutput.toJson(r, solutions);
            parameters.decorate(root);
            if (cert != null) {
                CertificationJson.addTo(root, cert);
            }
            pw.println(root);
        } else {
            summary(pw, file == null ? system : file.equals(SystemInput.STDIN) ? "<stdin>" : file, s, r);
            parameters.summary(pw);
            if (cert != null) {
                CertifyCommand.summary(pw, cert);
            }
        }
        pw.flush();
        if (out != null) {
            writeFile(r, cert, out, parameters);
        }
        return 0;
    }

    private static Format parseFormat(String f) {
        try {
            return Format.valueOf(f.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserInputException("unknown --format '" + f + "': expected auto, phc, bertini or plain");
        }
    }

    private static String outputKind(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return "json";
        }
        if (name.endsWith(".csv")) {
            return "csv";
        }
        if (name.endsWith(".txt") || name.endsWith(".phc")) {
            return "phc";
        }
        throw new UserInputException("--out " + p + ": the file name must end in .json, .csv, .txt or .phc");
    }

    private static void writeFile(SolveResult r, Certification cert, Path p, ParameterOptions parameters)
            throws IOException {
        AtomicFile.writeText(p, w -> {
            switch (outputKind(p)) {
                case "json" -> {
                    ObjectNode root = JsonOutput.toJson(r, true);
                    parameters.decorate(root);   // the parameter values, which --from needs
                    if (cert != null) {
                        CertificationJson.addTo(root, cert);
                    }
                    w.write(root.toPrettyString() + "\n");
                }
                case "csv" -> CsvOutput.write(r, w);
                default -> PhcOutput.write(r, w);
            }
        });
    }

    private void summary(PrintWriter pw, String name, PolynomialSystem s, SolveResult r) {
        int unknowns = s.variableCount() - parameters.parameterCount(s);
        pw.printf(Locale.ROOT, "%s: %d equations in %d unknowns%s%n", name, s.equationCount(), unknowns,
                unknowns == s.variableCount() ? "" : " and " + parameters.parameterCount(s) + " parameters");
        pw.printf(Locale.ROOT, "  start system         %s, %d paths%n", r.startSystem(), r.startSolutionCount());
        pw.printf(Locale.ROOT, "  nonsingular          %d%n", r.nonsingular());
        pw.printf(Locale.ROOT, "  singular             %d%s%n", r.singular(), multiplicities(r));
        pw.printf(Locale.ROOT, "  real                 %d%n", r.real());
        pw.printf(Locale.ROOT, "  at infinity          %d paths%n", r.atInfinity());
        pw.printf(Locale.ROOT, "  positive-dimensional %d paths%n", r.positiveDimensional());
        pw.printf(Locale.ROOT, "  failed               %d paths%n", r.failed());
        pw.printf(Locale.ROOT, "  time                 %.3f s (start system %.3f s, %d thread%s, seed %d, preset %s,"
                + " %d path%s re-tracked)%n", r.seconds(), r.startSeconds(), r.threads(), r.threads() == 1 ? "" : "s",
                r.seed(), r.preset(), r.retracked(), r.retracked() == 1 ? "" : "s");
        r.pathResults().stream().filter(p -> p.failure() != null).limit(10).forEach(p ->
                pw.printf(Locale.ROOT, "  path %d failed: %s%n", p.index() + 1, p.failure()));
        if (solutions) {
            int k = 1;
            for (Solution sol : r.solutions()) {
                pw.printf(Locale.ROOT, "%nsolution %d: %s%s, %s, condition %.2e, residual %.1e%n", k++,
                        sol.status().label(), sol.multiplicity() > 1 ? " (multiplicity " + sol.multiplicity() + ")" : "",
                        sol.isReal() ? "real" : "complex", sol.condition(), sol.residual());
                Complex[] x = sol.coordinates();
                for (int v = 0; v < x.length; v++) {
                    pw.printf(Locale.ROOT, "  %-8s % .15e %+.15e i%n", r.variables().get(v), x[v].getReal(),
                            x[v].getImaginary());
                }
            }
        }
    }

    /** " (multiplicities 2, 3)" for the singular solutions, or nothing. */
    private static String multiplicities(SolveResult r) {
        String m = r.solutions().stream().filter(Solution::isSingular).map(x -> Integer.toString(x.multiplicity()))
                .reduce((a, b) -> a + ", " + b).orElse("");
        return m.isEmpty() ? "" : " (multiplicit" + (m.contains(",") ? "ies " : "y ") + m + ")";
    }

    /**
     * Paths done / total and the rate, on one stderr line redrawn in place; silent for the first two seconds
     * so short runs print nothing.
     */
    static final class ProgressBar implements AutoCloseable {
        private static final long DELAY_NANOS = 2_000_000_000L;
        private final PrintWriter err;
        private final long t0 = System.nanoTime();
        private final AtomicLong done = new AtomicLong();
        private volatile long total;
        private volatile boolean shown;
        private final Thread painter;

        ProgressBar(PrintWriter err) {
            this.err = err;
            this.painter = new Thread(this::paintLoop, "lps-progress");
            painter.setDaemon(true);
            painter.start();
        }

        /**
         * A new total is a new plan (AUTO tracks the total-degree paths while the counts run, then may switch to a
         * start system with fewer paths): its count starts afresh. Within a plan the workers report out of order.
         */
        synchronized void update(long pathsDone, long pathsTotal) {
            if (pathsTotal != total) {
                total = pathsTotal;
                done.set(pathsDone);
            } else {
                done.accumulateAndGet(pathsDone, Math::max);
            }
        }

        private void paintLoop() {
            try {
                Thread.sleep(DELAY_NANOS / 1_000_000);
                while (!Thread.currentThread().isInterrupted()) {
                    paint();
                    Thread.sleep(250);
                }
            } catch (InterruptedException e) {
                // closed
            }
        }

        synchronized void paint() {
            long t = total, d = Math.min(done.get(), t);
            if (t == 0) {
                return;
            }
            double secs = (System.nanoTime() - t0) * 1e-9;
            int width = 30, filled = (int) (width * d / t);
            double rate = d / secs;
            String left = d == 0 ? "" : String.format(Locale.ROOT, ", about %.0f s left", (t - d) / rate);
            err.printf(Locale.ROOT, "\r[%s%s] %d/%d paths  %.0f paths/s%s ", "#".repeat(filled),
                    ".".repeat(width - filled), d, t, rate, left);
            err.flush();
            shown = true;
        }

        @Override
        public synchronized void close() {
            painter.interrupt();
            if (shown) {
                err.print("\r" + " ".repeat(70) + "\r");
                err.flush();
            }
        }
    }
}
