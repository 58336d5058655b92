package org.lps.homotopy.solve;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.lps.homotopy.eval.CompiledSystem;
import org.lps.homotopy.param.CompiledFamily;
import org.lps.homotopy.param.ParameterHomotopy;
import org.lps.homotopy.param.ParameterizedSystem;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.track.TrackerOptions;

/**
 * Parameter homotopy (Morgan-Sommese coefficient-parameter continuation): solve a {@link ParameterizedSystem} once at
 * a random complex parameter point, then reach any other point by tracking those solutions along a gamma-trick path
 * in parameter space ({@link ParameterHomotopy}), with the endgame and endpoint checks of the ordinary solver at the
 * end. The number of solutions at a generic point bounds the number at every point; paths whose endpoint diverges at
 * a special target are reported at infinity there, paths that meet are singular solutions with multiplicity.
 *
 * <pre>{@code
 * ParameterizedSystem f = ParameterizedSystem.of(system, "a", "b");
 * try (ParameterSolver ps = new ParameterSolver(f, SolveOptions.defaults().seed(1))) {
 *     ParameterSolver.Generic g = ps.solveGeneric();          // all solutions at a random complex point
 *     SolveResult r = ps.track(g.parameters(), g.solutions(), new double[] {1, 0, 2, 0});
 * }
 * }</pre>
 *
 * <p>Deterministic: the generic point and each homotopy's gamma and patch come from the seed, a path's result depends
 * only on its index, so the output is the same on any number of threads. Holds a pool of worker threads: close it.
 */
public final class ParameterSolver implements AutoCloseable {

    /** Solutions of the family at one parameter point: the start of parameter homotopies. */
    public record Generic(double[] parameters, List<double[]> solutions, SolveResult result) {
    }

    private final ParameterizedSystem family;
    private final CompiledFamily compiled;
    private final SolveOptions options;
    private final PathPool pool;
    private volatile Generic lastGeneric;

    public ParameterSolver(ParameterizedSystem family, SolveOptions options) {
        this(family, new CompiledFamily(family), options);
    }

    public ParameterSolver(ParameterizedSystem family, CompiledFamily compiled, SolveOptions options) {
        this.family = family;
        this.compiled = compiled;
        this.options = options;
        this.pool = new PathPool(options.threads(), "lps-parameter-tracker");
    }

    public ParameterizedSystem family() {
        return family;
    }

    public CompiledFamily compiled() {
        return compiled;
    }

    /** A random complex point of parameter space (each parameter standard complex normal), from {@code random}. */
    public static double[] randomParameters(int count, SplittableRandom random) {
        double[] p = new double[2 * count];
        for (int k = 0; k < p.length; k++) {
            p[k] = random.nextGaussian() / Math.sqrt(2);
        }
        return p;
    }

    /**
     * Solves the family at a random complex point (drawn from the seed) with the ordinary solver; its nonsingular
     * solutions are the start solutions of every later {@link #track}. At a generic point every isolated solution
     * is nonsingular, so nothing is lost.
     */
    public Generic solveGeneric() {
        double[] p = randomParameters(family.parameterCount(), new SplittableRandom(options.seed() ^ 0x5DEECE66DL));
        SolveResult r = Solver.solve(family.at(p), options);
        List<double[]> xs = new ArrayList<>();
        for (Solution s : r.nonsingularSolutions()) {
            xs.add(s.interleaved());
        }
        return new Generic(p, xs, r);
    }

    /**
     * Solves the family at {@code target}: {@link #solveGeneric()}, then {@link #track} from there. The result's time
     * includes the generic solve, reported as its start-system time.
     */
    public SolveResult solve(double[] target) {
        long t0 = System.nanoTime();
        Generic g = solveGeneric();
        lastGeneric = g;
        double generic = (System.nanoTime() - t0) * 1e-9;
        SolveResult r = track(g.parameters(), g.solutions(), target);
        return new SolveResult(r.variables(), r.solutions(), r.pathResults(), r.startSystem(), r.startSolutionCount(),
                r.seed(), r.preset(), r.threads(), (System.nanoTime() - t0) * 1e-9, r.retracked(), generic);
    }

    /**
     * Tracks the solutions {@code starts} of the family at {@code from} to the point {@code to} along a gamma-trick
     * path, with the endgame at the end; failed paths are re-tracked with the conservative preset, as in
     * {@link Solver}. The result is classified like an ordinary solve of the system at {@code to}.
     */
    public SolveResult track(double[] from, List<double[]> starts, double[] to) {
        return track(from, starts, to, null);
    }

    /**
     * {@link #track(double[], List, double[])} with {@code progress} (or null) told of every path as it ends, from the
     * worker threads: (done, starts.size()) for the first pass, then the same for each path the retry ladder tracks
     * again, counted from 1 in each of its rungs (as the workers report, slightly out of order). So every call is
     * one path tracked: a listener that counts calls beyond {@code starts.size()} counts the re-tracked paths.
     */
    public SolveResult track(double[] from, List<double[]> starts, double[] to, SolveOptions.Progress progress) {
        long t0 = System.nanoTime();
        PolynomialSystem target = family.at(to);
        ParameterHomotopy h = new ParameterHomotopy(compiled, from, to, ParameterHomotopy.Path.GAMMA,
                new SplittableRandom(options.seed()));
        CompiledSystem original = CompiledSystem.compile(target);
        CompiledSystem absolute = Refiner.absolute(target.equations(), target.variableCount());
        Endpoint[] ends = new Endpoint[starts.size()];
        Supplier<PathRunner> runners = () -> new PathRunner(h, fromSolutions(h, starts), original, absolute,
                options.endgame(), options.endpoint());
        pool.track(runners, ends, PathPool.all(ends.length), options.preset(), progress);
        int retracked = RetryLadder.PARAMETER.climb(pool, runners, ends, options.classification(), progress);
        Classification c = Classification.of(target, ends, options.classification());
        double seconds = (System.nanoTime() - t0) * 1e-9;
        return new SolveResult(family.variables(), c.solutions(), c.paths(), "parameter homotopy", ends.length,
                options.seed(), options.preset().name(), pool.threads(), seconds, retracked, 0);
    }

    /** Known affine solutions as the start points of a parameter homotopy. */
    static StartPoints fromSolutions(ParameterHomotopy h, List<double[]> xs) {
        return new StartPoints() {
            @Override
            public boolean point(long index, TrackerOptions options, double[] z) {
                h.toPatch(xs.get((int) index), z);
                return true;
            }

            @Override
            public String failure() {
                return "none";
            }
        };
    }

    /** The generic solve the last {@link #solve(double[])} started from (its failures, its singular solutions). */
    public Generic lastGeneric() {
        return lastGeneric;
    }

    @Override
    public void close() {
        pool.close();
    }
}
