package org.lps.app;

import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lps.homotopy.rootcount.LinearProductBound;
import org.lps.init.lps.block.BlockSpec;
import org.lps.init.lps.block.LpsBlockSystem;
import org.lps.init.lps.block.Target;
import org.lps.init.study.DyingRelu;
import org.lps.init.study.LambdaStudy;
import org.lps.init.study.StudyOutput;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lps study lambda}: the LPS block's real critical points and minima along lambda; JSON, CSV and PNG. */
@Command(name = "lambda", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The LPS block's real critical points and local minima along the ridge weight lambda (docs/lps.md).",
                "Per block width k the block is solved once at a random complex lambda (the design's linear-product start "
                        + "system) and followed to every lambda of a log grid by parameter homotopy; where the number of real "
                        + "critical points changes between grid points (a pair meets and leaves the real line) the change is "
                        + "bracketed by bisection in lambda; at the --checks lambdas the tracked points are compared with a direct solve.",
                "Writes BASE.json, BASE.csv and BASE.png; progress on stderr."})
final class StudyLambdaCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--ks", defaultValue = "1,2", description = "Block widths k; default: ${DEFAULT-VALUE}")
    String ks;

    @Option(names = "--lambda-min", defaultValue = "1e-3", description = "default: ${DEFAULT-VALUE}")
    double lambdaMin;

    @Option(names = "--lambda-max", defaultValue = "1", description = "default: ${DEFAULT-VALUE}")
    double lambdaMax;

    @Option(names = "--points", defaultValue = "50", description = "Log-spaced grid points, ends included; default: ${DEFAULT-VALUE}")
    int points;

    @Option(names = "--tolerance", defaultValue = "1e-6",
            description = "Bisect each crossing until its bracket's relative width is at most this (0: the grid interval); default: ${DEFAULT-VALUE}")
    double tolerance;

    @Option(names = "--checks", defaultValue = "0.01,0.1,0.5", paramLabel = "L,L,...",
            description = "Lambdas at which the tracked points are compared with a direct solve (none: empty); default: ${DEFAULT-VALUE}")
    String checks;

    @Option(names = "--activation", defaultValue = "relu", description = "default: ${DEFAULT-VALUE}")
    String activation;

    @Option(names = "--degree", defaultValue = "2", description = "Fit degree d; default: ${DEFAULT-VALUE}")
    int degree;

    @Option(names = "--target", defaultValue = "identity", description = "identity or activation; default: ${DEFAULT-VALUE}")
    String target;

    @Option(names = "--path-budget", paramLabel = "N", defaultValue = "20000",
            description = "Refuse blocks whose generic solve has more than N paths (k = 2, d = 2: 10761); default: ${DEFAULT-VALUE}")
    long budget;

    @CommandLine.Mixin
    StudyRunOptions run = new StudyRunOptions();

    @Option(names = "--out", paramLabel = "BASE", defaultValue = "lambda",
            description = "BASE of BASE.json/.csv/.png; default: ${DEFAULT-VALUE}")
    String out;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LambdaStudy.Settings settings = settings();
        Path base = Path.of(out);
        Outputs.requireStudy("--out", base);
        long t0 = System.nanoTime();
        SolveCommand.ProgressBar[] bar = {null};
        List<LambdaStudy.Result> results = LambdaStudy.run(settings, new LambdaStudy.Progress() {
            @Override
            public void genericStart(int k, BigInteger paths) {
                err.printf(Locale.ROOT, "lambda k %d: generic solve at a random complex lambda, %s paths%n", k, paths);
                err.flush();
                synchronized (bar) {
                    bar[0] = new SolveCommand.ProgressBar(err);
                }
            }

            @Override
            public void genericPaths(long done, long total) {
                synchronized (bar) {
                    if (bar[0] != null) {
                        bar[0].update(done, total);
                    }
                }
            }

            @Override
            public void genericDone(int k, long starts, double seconds) {
                synchronized (bar) {
                    bar[0].close();
                    bar[0] = null;
                }
                err.printf(Locale.ROOT, "lambda k %d: %d nonsingular solutions to track, %.1f s%n", k, starts, seconds);
                err.flush();
            }

            @Override
            public void point(int k, int index, int total, LambdaStudy.Point p) {
                err.printf(Locale.ROOT, "lambda k %d [%d/%d] lambda %.4g: %d finite, %d real, %d minima%s, %.1f s%n", k, index,
                        total, p.lambda(), p.finite(), p.real(), p.minima(), p.failed() > 0 ? ", " + p.failed() + " paths failed" : "",
                        (System.nanoTime() - t0) / 1e9);
                err.flush();
            }

            @Override
            public void crossing(int k, LambdaStudy.Crossing c) {
                err.printf(Locale.ROOT, "lambda k %d: real points %d -> %d at lambda %.6g (%d tracks)%n", k, c.realBelow(),
                        c.realAbove(), c.lambda(), c.evaluations());
                err.flush();
            }

            @Override
            public void check(int k, LambdaStudy.Check c) {
                err.printf(Locale.ROOT, "lambda k %d: check at %.4g: tracked %d real / %d minima, direct %d / %d: %s%n", k,
                        c.lambda(), c.trackedReal(), c.trackedMinima(), c.directReal(), c.directMinima(),
                        c.agrees() ? "agree" : "DIFFER");
                err.flush();
            }
        });
        StudyOutput output = new StudyOutput(base);
        LambdaStudy.write(output, settings, results);
        if (run.json) {
            o.println(Files.readString(output.json()));
        } else {
            print(o, results);
            o.printf(Locale.ROOT, "%.1f s; wrote %s, %s, %s%n", (System.nanoTime() - t0) / 1e9, output.json(), output.csv(),
                    output.png());
        }
        o.flush();
        boolean disagree = results.stream().flatMap(r -> r.checks().stream()).anyMatch(c -> !c.agrees());
        if (disagree) {
            err.println("lps study lambda: a check found the tracked critical points different from the direct solve (see the JSON's checks)");
            return 1;
        }
        return 0;
    }

    private LambdaStudy.Settings settings() {
        int[] k = list("--ks", ks);
        if (!(lambdaMin > 0) || !Double.isFinite(lambdaMin)) {
            throw new UserInputException("--lambda-min must be a finite number > 0, got " + lambdaMin);
        }
        if (!(lambdaMax > 0) || !Double.isFinite(lambdaMax)) {
            throw new UserInputException("--lambda-max must be a finite number > 0, got " + lambdaMax);
        }
        if (!(lambdaMin < lambdaMax)) {
            throw new UserInputException("--lambda-min " + lambdaMin + " must be less than --lambda-max " + lambdaMax);
        }
        if (points < 2) {
            throw new UserInputException("--points must be at least 2, got " + points);
        }
        if (!(tolerance >= 0) || !Double.isFinite(tolerance)) {
            throw new UserInputException("--tolerance must be a finite number >= 0, got " + tolerance);
        }
        if (budget < 1) {
            throw new UserInputException("--path-budget must be at least 1, got " + budget);
        }
        int nThreads = run.threads();
        BlockSpec block = UserInputException.forFlag("--activation", () -> BlockSpec.defaults().activation(activation));
        block = block.target(UserInputException.forFlag("--target", () -> Target.parse(target)));
        BlockSpec withDegree = block;
        block = UserInputException.forFlag("--degree", () -> withDegree.degree(degree));
        List<Integer> widths = new ArrayList<>();
        for (int x : k) {
            if (x > BlockSpec.MAX_WIDTH) {
                throw new UserInputException("--ks '" + ks + "': k is at most " + BlockSpec.MAX_WIDTH);
            }
            BigInteger paths = LinearProductBound.count(LpsBlockSystem.designStructure(x, degree));
            if (paths.compareTo(BigInteger.valueOf(budget)) > 0) {
                throw new UserInputException("--ks '" + ks + "': the block k = " + x + ", d = " + degree + " has " + paths
                        + " paths, over --path-budget " + budget + "; raise --path-budget to solve it anyway");
            }
            widths.add(x);
        }
        List<Double> at = new ArrayList<>();
        if (!checks.isBlank()) {
            for (String s : checks.split(",")) {
                double l;
                try {
                    l = Double.parseDouble(s.trim());
                } catch (NumberFormatException e) {
                    throw new UserInputException("--checks '" + checks + "': '" + s.trim() + "' is not a number");
                }
                if (!(l > 0) || !Double.isFinite(l)) {
                    throw new UserInputException("--checks '" + checks + "': every lambda must be finite and > 0, got " + s.trim());
                }
                at.add(l);
            }
        }
        return new LambdaStudy.Settings(block, widths, lambdaMin, lambdaMax, points, tolerance, at, run.seed, nThreads);
    }

    private static void print(PrintWriter o, List<LambdaStudy.Result> results) {
        for (LambdaStudy.Result r : results) {
            o.printf(Locale.ROOT, "k = %d: generic solve %d paths (%d failed), %d solutions tracked to each lambda, %.1f s;"
                    + " %d parameter-homotopy paths in all, %.1f s%n", r.k(), r.genericPaths(), r.genericFailed(),
                    r.genericStarts(), r.genericSeconds(), r.trackedPaths(), r.seconds());
            o.printf("%10s %6s %6s %5s %6s %6s  %s%n", "lambda", "finite", "failed", "real", "orbits", "minima",
                    "best minimum: J, neurons (w, b)");
            for (LambdaStudy.Point p : r.grid()) {
                LambdaStudy.Orbit b = p.best();
                StringBuilder best = new StringBuilder();
                if (b != null) {
                    best.append(String.format(Locale.ROOT, "%.4f", b.loss()));
                    for (int j = 0; j < r.k(); j++) {
                        best.append(String.format(Locale.ROOT, " (%.3f, %.3f)", b.w()[j], b.b()[j]));
                    }
                }
                o.printf(Locale.ROOT, "%10.4g %6d %6d %5d %6d %6d  %s%n", p.lambda(), p.finite(), p.failed(), p.real(),
                        p.realOrbits(), p.minima(), best);
            }
            for (LambdaStudy.Crossing c : r.crossings()) {
                StringBuilder meet = new StringBuilder();
                for (LambdaStudy.Orbit x : c.meeting()) {
                    meet.append(String.format(Locale.ROOT, " %s J=%.4f", x.kind(), x.loss()));
                }
                o.printf(Locale.ROOT, "crossing at lambda %.6g (bracket [%.7g, %.7g]): real %d -> %d, minima %d -> %d; meeting:%s%n",
                        c.lambda(), c.low(), c.high(), c.realBelow(), c.realAbove(), c.minimaBelow(), c.minimaAbove(), meet);
            }
            for (LambdaStudy.Check c : r.checks()) {
                o.printf(Locale.ROOT, "check at lambda %.4g: tracked real %d, minima %d, saddles %d; direct solve (%d paths, %.1f s)"
                        + " real %d, minima %d, saddles %d: %s%n", c.lambda(), c.trackedReal(), c.trackedMinima(),
                        c.trackedSaddles(), c.directPaths(), c.directSeconds(), c.directReal(), c.directMinima(),
                        c.directSaddles(), c.agrees() ? "agree" : "DIFFER");
            }
        }
    }

    private static int[] list(String flag, String s) {
        try {
            return DyingRelu.parseList(flag, s);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
    }
}
