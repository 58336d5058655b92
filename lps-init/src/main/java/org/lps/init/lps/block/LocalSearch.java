package org.lps.init.lps.block;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.ConvergenceChecker;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.MaxIter;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleValueChecker;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunctionGradient;
import org.hipparchus.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer;

/**
 * The independent check of the homotopy's minima (issue #7, Done when): many local minimizations of J from random
 * starts, each by Hipparchus' nonlinear conjugate gradient (Polak-Ribiere) with the exact gradient of
 * {@link BlockFunction}, then polished by Newton ({@link Criticality}) so that its end point can be compared with
 * the homotopy's to full accuracy. A local method finds only minima, and only those whose basins the starts hit;
 * what it must never find is a minimum the homotopy missed.
 *
 * <p>Starts are theta ~ N(0, s^2 I) with s cycling through 0.5, 1, 2, 4 (the minima of small-lambda blocks sit
 * several units out), drawn in order from one seeded generator, so results do not depend on the thread count.
 */
public final class LocalSearch {

    /** Conjugate gradient stops when max |dJ/dtheta_i| is below this; Newton takes it from there. */
    static final double GRADIENT_TOLERANCE = 1e-7;

    /** Start scales, cycled. */
    static final double[] SCALES = {0.5, 1, 2, 4};

    /**
     * @param starts     local searches run
     * @param minima     the distinct minima found (orbit representatives, {@code copies} = searches that ended there)
     * @param otherEnds  searches that ended on a saddle or a degenerate point (a gradient method can stop there)
     * @param failed     searches whose end point Newton could not turn into a critical point
     */
    public record Result(int starts, List<CriticalPoint> minima, int otherEnds, int failed, double seconds) {
        public Result {
            minima = List.copyOf(minima);
        }
    }

    private LocalSearch() {
    }

    public static Result run(BlockProblem problem, int starts, long seed, int threads) {
        long t0 = System.nanoTime();
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = problem.unknowns();
        double[][] x0 = new double[starts][n];
        for (int s = 0; s < starts; s++) {
            double scale = SCALES[s % SCALES.length];
            for (int i = 0; i < n; i++) {
                x0[s][i] = scale * rnd.nextGaussian();
            }
        }
        List<Optional<CriticalPoint>> ends = parallel(threads, starts, s -> descend(problem, x0[s]));
        List<CriticalPoint> minima = new ArrayList<>();
        int other = 0;
        int failed = 0;
        for (Optional<CriticalPoint> e : ends) {
            if (e.isEmpty()) {
                failed++;
            } else if (e.get().isMinimum()) {
                minima.add(e.get());
            } else {
                other++;
            }
        }
        return new Result(starts, Orbits.distinct(minima, problem.symmetry()), other, failed,
                (System.nanoTime() - t0) * 1e-9);
    }

    /** One local search: conjugate gradient to a loose tolerance, Newton for the last digits. */
    static Optional<CriticalPoint> descend(BlockProblem problem, double[] start) {
        BlockFunction f = problem.function();
        int n = f.unknowns();
        double[] g = new double[n];
        // stop on a small gradient, or when J stalls (the line search's accuracy is the limit); Newton then takes
        // over, which needs to start inside the minimum's region of quadratic convergence, not at the minimum
        SimpleValueChecker stalled = new SimpleValueChecker(1e-15, 1e-15);
        ConvergenceChecker<PointValuePair> stationary = (iteration, previous, current) -> {
            f.evaluate(current.getPoint(), g);
            double norm = 0;
            for (double x : g) {
                norm = Math.max(norm, Math.abs(x));
            }
            return norm <= GRADIENT_TOLERANCE || stalled.converged(iteration, previous, current);
        };
        NonLinearConjugateGradientOptimizer cg = new NonLinearConjugateGradientOptimizer(
                NonLinearConjugateGradientOptimizer.Formula.POLAK_RIBIERE, stationary, 1e-12, 1e-14, 1e-2);
        double[] end;
        try {
            PointValuePair p = cg.optimize(new MaxEval(200_000), new MaxIter(20_000), GoalType.MINIMIZE,
                    new InitialGuess(start),
                    new ObjectiveFunction(f::value),
                    new ObjectiveFunctionGradient(x -> {
                        double[] grad = new double[n];
                        f.evaluate(x, grad);
                        return grad;
                    }));
            end = p.getPoint();
        } catch (MathIllegalStateException tooManyEvaluations) {
            return Optional.empty();
        }
        // Newton is polishing here, not searching: it may move a little only, and must not raise J
        double before = f.value(end);
        return new Criticality(problem).polish(end, 1e-2)
                .filter(c -> c.loss() <= before + 1e-12 * Math.max(1, Math.abs(before)));
    }

    interface Task<T> {
        T run(int index);
    }

    /** Runs task(0..count-1) on {@code threads} threads; results in index order. */
    static <T> List<T> parallel(int threads, int count, Task<T> task) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "lps-local-search");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> task.run(index)));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
