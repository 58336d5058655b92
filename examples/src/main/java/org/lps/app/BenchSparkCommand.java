package org.lps.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.result.JsonOutput;
import org.lps.homotopy.solve.Endpoint;
import org.lps.homotopy.solve.PathRunner;
import org.lps.homotopy.solve.SolveOptions;
import org.lps.homotopy.solve.SolvePlan;
import org.lps.homotopy.solve.SolveResult;
import org.lps.homotopy.solve.Solver;
import org.lps.homotopy.start.StartKind;
import org.lps.init.lps.block.BlockProblem;
import org.lps.init.lps.block.BlockSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lps bench spark}: what Spark costs over the in-process solver, on the LPS block of width 2 (the block of
 * {@code lps demo}, docs/lps.md) by its linear-product homotopy: 10761 paths, 273 finite. The same seed in process on
 * N threads and on Spark {@code local[N]}, alternating, best of each kept; the Spark context is opened once and its
 * start-up reported apart. The two results must be identical (everything but the times), else the run fails.
 */
@Command(name = "spark", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Overhead of Spark (local[N] or a cluster) over the in-process solver on N threads, on the LPS",
                "block of width 2 (10761 linear-product paths). Runs through ./lps, which puts Spark on the class path."})
final class BenchSparkCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "2",
            description = "in-process threads, and the cores of the default master local[N] (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--spark", paramLabel = "MASTER", description = "the Spark master (default: local[N])")
    String master;

    @Option(names = "--start", paramLabel = "S", defaultValue = "lps",
            description = "lps (the design's set structure, 10761 paths) or polyhedral (1089) (default: ${DEFAULT-VALUE})")
    String start;

    @Option(names = "--repeats", paramLabel = "R", defaultValue = "2",
            description = "alternating pairs, best of each kept (default: ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "(default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--json", description = "print one JSON object instead of the table")
    boolean json;

    @Option(names = "--sample", paramLabel = "N",
            description = "instead: track N paths spread over the block of width --width (linear product) in process"
                    + " on --threads, and extrapolate the cost of all its paths per core (no Spark)")
    Integer sample;

    @Option(names = "--width", paramLabel = "K", defaultValue = "3",
            description = "the block's width for --sample (default: ${DEFAULT-VALUE}: 1129797 paths)")
    int width;

    @Override
    public Integer call() throws Exception {
        if (threads < 1) {
            throw new UserInputException("--threads must be at least 1, got " + threads);
        }
        if (repeats < 1) {
            throw new UserInputException("--repeats must be at least 1, got " + repeats);
        }
        if (sample != null) {
            return sample();
        }
        String m = master == null ? "local[" + threads + "]" : master;
        SparkRoute.checkMaster(m);
        BlockProblem block = BlockProblem.of(BlockSpec.defaults().width(2));
        PolynomialSystem s = block.gradientSystem();
        SolveOptions o = options(block);
        BlockProblem small = BlockProblem.of(BlockSpec.defaults().width(1));
        SolveOptions smallOptions = options(small);
        long t0 = System.nanoTime();
        double[] contextSeconds = new double[1];
        SolveResult[] best = SparkRoute.withSpark(m, spark -> {
            contextSeconds[0] = (System.nanoTime() - t0) * 1e-9;
            // warm-up, untimed: the JIT compiles the tracker for both (in local mode they share this JVM)
            Solver.solve(small.gradientSystem(), smallOptions);
            spark.apply(small.gradientSystem(), smallOptions);
            SolveResult local = null;
            SolveResult distributed = null;
            for (int r = 0; r < repeats; r++) {
                SolveResult a = Solver.solve(s, o);
                SolveResult b = spark.apply(s, o);
                local = local == null || a.seconds() < local.seconds() ? a : local;
                distributed = distributed == null || b.seconds() < distributed.seconds() ? b : distributed;
            }
            return new SolveResult[] {local, distributed};
        });
        SolveResult local = best[0], distributed = best[1];
        boolean same = comparable(local).equals(comparable(distributed));
        double ratio = distributed.seconds() / local.seconds();
        double withContext = (distributed.seconds() + contextSeconds[0]) / local.seconds();
        int cores = m.startsWith("local") ? threads : 0;
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("system", "lps block k=2 (lps demo)");
            j.put("start", local.startSystem());
            j.put("paths", local.paths());
            j.put("finite", local.solutions().size());
            j.put("threads", threads);
            j.put("master", m);
            j.put("repeats", repeats);
            j.put("inProcessSeconds", local.seconds());
            j.put("sparkSeconds", distributed.seconds());
            j.put("contextSeconds", contextSeconds[0]);
            j.put("overhead", ratio);
            j.put("overheadWithContext", withContext);
            j.put("identical", same);
            out.println(new ObjectMapper().writeValueAsString(j));
        } else {
            out.printf(Locale.ROOT, "LPS block k = 2 (lps demo), %s start, %d paths, %d finite; seed %d, best of %d"
                    + " alternating pair%s after a warm-up%n", local.startSystem(), local.paths(),
                    local.solutions().size(), seed, repeats, repeats == 1 ? "" : "s");
            out.printf(Locale.ROOT, "  in process, %d thread%s %8.2f s  %7.0f paths/s  %6.0f paths/s per core%n", threads,
                    threads == 1 ? " " : "s", local.seconds(), local.paths() / local.seconds(),
                    local.paths() / local.seconds() / threads);
            out.printf(Locale.ROOT, "  Spark %-14s %8.2f s  %7.0f paths/s%s%n", m, distributed.seconds(),
                    distributed.paths() / distributed.seconds(), cores == 0 ? "" : String.format(Locale.ROOT,
                            "  %6.0f paths/s per core", distributed.paths() / distributed.seconds() / cores));
            out.printf(Locale.ROOT, "  overhead           %8.2fx (%.2fx with the context's start-up, %.2f s once per"
                    + " run)%n", ratio, withContext, contextSeconds[0]);
            out.printf(Locale.ROOT, "  same solutions, same order: %s%n", same ? "yes" : "NO");
        }
        out.flush();
        if (!same) {
            throw new IllegalStateException("Spark and in-process results differ");
        }
        return 0;
    }

    /** The solve's options for a block: its set structure (or polyhedral), the seed, the threads. */
    private SolveOptions options(BlockProblem block) {
        SolveOptions options = switch (start) {
            case "lps" -> SolveOptions.defaults().setStructure(block.designStructure());
            case "polyhedral" -> SolveOptions.defaults().start(StartKind.POLYHEDRAL);
            default -> throw new UserInputException("--start '" + start + "': expected lps or polyhedral");
        };
        return options.seed(seed).threads(threads);
    }

    /**
     * Tracks {@code sample} paths of the block's linear-product homotopy, evenly spaced in index order, in process on
     * {@code threads} threads; what a path costs there, times the path count, is the cost of the whole solve per core,
     * an extrapolation (the retries and the classification at the end are not in it).
     */
    private int sample() throws Exception {
        if (sample < 1) {
            throw new UserInputException("--sample must be at least 1, got " + sample);
        }
        if (width < 1 || width > 4) {
            throw new UserInputException("--width must be 1 to 4, got " + width);
        }
        BlockProblem block = BlockProblem.of(BlockSpec.defaults().width(width));
        SolveOptions o = SolveOptions.defaults().setStructure(block.designStructure()).seed(seed).threads(threads);
        long t0 = System.nanoTime();
        SolvePlan plan = SolvePlan.of(block.gradientSystem(), o);
        double planSeconds = (System.nanoTime() - t0) * 1e-9;
        int paths = plan.pathCount();
        int n = Math.min(sample, paths);
        int[] which = new int[n];
        for (int k = 0; k < n; k++) {
            which[k] = (int) ((long) k * paths / n);
        }
        // warm-up, untimed: the JIT compiles the tracker on other paths (the next index of the first 100)
        int[] warm = new int[Math.min(n, 100)];
        for (int k = 0; k < warm.length; k++) {
            warm[k] = Math.min(paths - 1, which[k] + 1);
        }
        AtomicInteger finite = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        track(plan, o, warm, new AtomicInteger(), new AtomicInteger());
        long t1 = System.nanoTime();
        track(plan, o, which, finite, failed);
        double seconds = (System.nanoTime() - t1) * 1e-9;
        double perCore = n / seconds / threads;
        double coreHours = paths / perCore / 3600;
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "LPS block k = %d (lps demo data), %s start: %d paths (plan %.2f s); seed %d%n", width,
                plan.startName(), paths, planSeconds, seed);
        out.printf(Locale.ROOT, "  sample        %d paths, every %d-th, on %d thread%s after 100 untimed: %.2f s, %d finite,"
                + " %d failed%n", n,
                Math.max(1, paths / n), threads, threads == 1 ? "" : "s", seconds, finite.get(), failed.get());
        out.printf(Locale.ROOT, "  rate          %.1f paths/s per core%n", perCore);
        out.printf(Locale.ROOT, "  extrapolated  %.1f core-hours for all %d paths (%.2f h on %d cores), before retries%n",
                coreHours, paths, coreHours / threads, threads);
        out.flush();
        return 0;
    }

    /** Tracks the paths {@code which} on {@code threads} threads, each with its runner; counts finite and failed. */
    private void track(SolvePlan plan, SolveOptions o, int[] which, AtomicInteger finite, AtomicInteger failed)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                jobs.add(pool.submit(() -> {
                    PathRunner runner = plan.runner();
                    for (int k = next.getAndIncrement(); k < which.length; k = next.getAndIncrement()) {
                        Endpoint e = runner.track(which[k], o.preset());
                        if (e.failed()) {
                            failed.incrementAndGet();
                        } else if (e.finite()) {
                            finite.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> f : jobs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String comparable(SolveResult r) {
        ObjectNode j = JsonOutput.toJson(r, true);
        j.remove("seconds");
        ((ObjectNode) j.get("start")).remove("seconds");
        return j.toString();
    }
}
