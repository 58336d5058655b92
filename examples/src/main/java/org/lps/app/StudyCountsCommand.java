package org.lps.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lps.homotopy.solve.SolveOptions;
import org.lps.init.lps.block.BlockSolver;
import org.lps.init.study.BlockCounts;
import org.lps.init.study.DyingRelu;
import org.lps.init.study.StudyOutput;
import org.lps.polyapprox.activation.Activation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lps study counts}: root counts and solves of LPS block systems over k and d; JSON, CSV and PNG. */
@Command(name = "counts", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Root counts and solutions of LPS block systems (grad J = 0, docs/design.md, LPS step 3) over block width k and degree d.",
                "Bounds (total degree, m-homogeneous Bezout with one group per neuron and one for V, the design's linear-product "
                        + "bound, mixed volume when its cell search stays within a work limit) are those of the generic system of (k, d). "
                        + "Systems within --path-budget are solved for the activation's block: paths, failed, finite, real, minima up to "
                        + "symmetry, time, and --starts random-start local searches whose minima must all be among the homotopy's.",
                "--solver none: the bounds and the local searches alone (their minima are a lower bound, not a solve).",
                "Writes BASE.json, BASE.csv and BASE.png; progress on stderr."})
final class StudyCountsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--ks", defaultValue = "1,2,3,4", description = "Block widths k; default: ${DEFAULT-VALUE}")
    String ks;

    @Option(names = "--degrees", defaultValue = "2,3,4", description = "Fit degrees d; default: ${DEFAULT-VALUE}")
    String degrees;

    @Option(names = "--activation", defaultValue = "relu", description = "The block's activation; default: ${DEFAULT-VALUE}")
    String activation;

    @Option(names = "--lambda", defaultValue = "0.1", description = "Ridge weight; default: ${DEFAULT-VALUE}")
    double lambda;

    @Option(names = "--path-budget", paramLabel = "N", defaultValue = "20000",
            description = "Solve only systems with at most N paths; default: ${DEFAULT-VALUE}")
    long budget;

    @Option(names = "--loop-budget", paramLabel = "N", defaultValue = "" + BlockSolver.DEFAULT_LOOP_BUDGET,
            description = "monodromy: stop a solve after N loop paths (its row then says so and the study goes on);"
                    + " default: ${DEFAULT-VALUE}")
    long loopBudget;

    @Option(names = "--starts", defaultValue = "1000", description = "Random-start local searches per solved system,"
            + " or per system with --solver none (0: none); default: ${DEFAULT-VALUE}")
    int starts;

    @CommandLine.Mixin
    StudyRunOptions run = new StudyRunOptions();

    @Option(names = "--out", paramLabel = "BASE", defaultValue = "counts",
            description = "BASE of BASE.json/.csv/.png; default: ${DEFAULT-VALUE}")
    String out;

    @Option(names = "--solver", defaultValue = "homotopy", split = ",",
            description = "homotopy (every path of the linear-product start system, within --path-budget), monodromy (the"
                    + " block's symmetric family, any k, within --loop-budget), none (no solve: the bounds and --starts local"
                    + " searches), or several, in the same run: homotopy,monodromy; default: ${DEFAULT-VALUE}")
    List<String> solvers;

    @Option(names = "--certify", description = "Also prove each solved system's counts (Krawczyk interval test per solution,"
            + " minima by a positive definite interval Hessian): adds certifiedFinite, certifiedReal, certifiedMinima")
    boolean certify;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int[] k = list("--ks", ks);
        int[] d = list("--degrees", degrees);
        for (int x : k) {
            if (x > 8) {
                throw new UserInputException("--ks '" + ks + "': k is at most 8");
            }
        }
        for (int x : d) {
            if (x < 2 || x > 8) {
                throw new UserInputException("--degrees '" + degrees + "': d must be between 2 and 8");
            }
        }
        if (!(lambda > 0) || !Double.isFinite(lambda)) {
            throw new UserInputException("--lambda must be finite and > 0, got " + lambda);
        }
        if (budget < 0) {
            throw new UserInputException("--path-budget must be at least 0, got " + budget);
        }
        if (loopBudget < 1) {
            throw new UserInputException("--loop-budget must be at least 1 loop path, got " + loopBudget);
        }
        if (starts < 0) {
            throw new UserInputException("--starts must be at least 0, got " + starts);
        }
        int nThreads = run.threads();
        UserInputException.forFlag("--activation", () -> Activation.parse(activation));
        List<BlockCounts.Solve> methods = new java.util.ArrayList<>();
        for (String m : solvers) {
            methods.add(UserInputException.forFlag("--solver", () -> BlockCounts.Solve.parse(m.trim())));
        }
        if (methods.stream().distinct().count() < methods.size()) {
            throw new UserInputException("--solver '" + String.join(",", solvers) + "': a solver is given twice");
        }
        if (out.isBlank()) {
            throw new UserInputException("--out: empty path");
        }
        Path base = Path.of(out);
        Path dir = base.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new UserInputException("--out '" + out + "': the directory " + dir + " does not exist");
        }
        Outputs.requireStudy("--out", base);
        int cells = k.length * d.length;
        long t0 = System.nanoTime();
        int[] done = {0};
        // one bar per solve (a system's paths can take an hour at k = 3), opened by its first report, closed by its row
        SolveCommand.ProgressBar[] bar = {null};
        SolveOptions.Progress paths = (pathsDone, total) -> {
            synchronized (bar) {
                if (bar[0] == null) {
                    bar[0] = new SolveCommand.ProgressBar(err);
                }
                bar[0].update(pathsDone, total);
            }
        };
        BlockSolver.Listener stages = status -> {
            err.println("counts: monodromy " + status.line());
            err.flush();
        };
        List<BlockCounts.Row> rows = BlockCounts.run(activation, k, d, lambda, budget, loopBudget, starts, run.seed,
                nThreads, certify, methods, paths, stages, r -> {
            synchronized (bar) {
                if (bar[0] != null) {
                    bar[0].close();
                    bar[0] = null;
                }
            }
            done[0]++;
            err.printf(Locale.ROOT, "counts [%d/%d] k %d d %d %s: linear product %s, %s, %.1f s%n", done[0],
                    cells * methods.size(), r.k(), r.d(), r.solver(),
                    r.linearProductBound(), r.paths() == null ? r.reason() + (r.randomMinima() == null ? ""
                            : "; " + r.randomMinima() + " minima from " + r.randomStarts() + " local searches")
                            : r.paths() + " paths, " + r.finite() + " finite, " + r.real() + " real, " + r.minima() + " minima"
                            + (r.certifiedFinite() == null ? "" : " (certified: " + r.certifiedFinite() + " finite, "
                            + r.certifiedReal() + " real, " + r.certifiedMinima() + " minima)"),
                    (System.nanoTime() - t0) / 1e9);
            err.flush();
        });
        StudyOutput output = new StudyOutput(base);
        BlockCounts.write(output, rows, activation, lambda, budget, loopBudget, starts, run.seed);
        if (run.json) {
            o.println(Files.readString(output.json()));
        } else {
            o.printf("%2s %2s %3s %12s %12s %12s %12s %9s %7s %6s %7s %5s %6s %8s %7s %9s %-15s%s%n", "k", "d", "n",
                    "totalDegree", "mhomBezout", "linProduct", "mixedVolume", "solver", "paths", "failed", "finite", "real",
                    "minima", "seconds", "random", "missed", "trace", certify ? String.format("  %9s %9s %9s %8s", "certFin", "certReal", "certMin", "certSec") : "");
            for (BlockCounts.Row r : rows) {
                o.printf(Locale.ROOT, "%2d %2d %3d %12s %12s %12s %12s %9s %7s %6s %7s %5s %6s %8s %7s %9s %-15s%s%n",
                        r.k(), r.d(), r.unknowns(), r.totalDegree(), r.mhomBezout(), r.linearProductBound(),
                        dash(r.mixedVolume()), r.solver(), dash(r.paths()), dash(r.failed()), dash(r.finite()), dash(r.real()), dash(r.minima()),
                        r.seconds() == null ? "-" : String.format(Locale.ROOT, "%.1f", r.seconds()), dash(r.randomMinima()),
                        dash(r.missedByHomotopy()), dash(r.traceTest()), !certify ? "" : String.format(Locale.ROOT, "  %9s %9s %9s %8s",
                                dash(r.certifiedFinite()), dash(r.certifiedReal()), dash(r.certifiedMinima()),
                                r.certifySeconds() == null ? "-" : String.format(Locale.ROOT, "%.1f", r.certifySeconds())));
            }
            o.printf(Locale.ROOT, "%.1f s; wrote %s, %s, %s%n", (System.nanoTime() - t0) / 1e9, output.json(), output.csv(),
                    output.png());
        }
        o.flush();
        return 0;
    }

    private static String dash(Object x) {
        return x == null ? "-" : x.toString();
    }

    private static int[] list(String flag, String s) {
        try {
            return DyingRelu.parseList(flag, s);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
    }
}
