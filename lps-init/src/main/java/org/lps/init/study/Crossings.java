package org.lps.init.study;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.ToIntFunction;

/**
 * Where an integer count along a positive parameter changes (the real critical points of the LPS block along lambda:
 * a pair of real points meets and leaves the real line, or the reverse), located between the points of a grid and
 * refined by bisection in log scale.
 *
 * <p>Between two grid points whose counts differ the interval is cut at its geometric midpoint and each half with
 * differing end counts is cut again, until it is narrower than the tolerance; so several changes inside one grid
 * interval (3 -> 5 -> 1) are separated as soon as the halves are narrower than the gap between them. A change that
 * comes back within one grid interval (3 -> 5 -> 3) leaves equal end counts and is not seen: the grid's resolution.
 */
public final class Crossings {

    /**
     * One change of the count, bracketed by {@code [low, high]} (high / low - 1 at most the tolerance).
     *
     * @param below       the evaluation at {@code low}
     * @param above       the evaluation at {@code high}
     * @param evaluations evaluations spent refining this change (besides the grid's)
     */
    public record Event<T>(double low, double high, T below, T above, int evaluations) {
        /** The bracket's geometric midpoint: the estimate of where the count changes. */
        public double at() {
            return Math.sqrt(low * high);
        }
    }

    private Crossings() {
    }

    /**
     * @param grid      increasing positive parameters
     * @param values    the evaluations at the grid points
     * @param evaluate  evaluates the parameter for the bisection
     * @param count     the count of an evaluation
     * @param tolerance the relative width high / low - 1 at which a bracket counts as refined (> 0); at least
     *                  the grid's own spacing means no refinement
     */
    public static <T> List<Event<T>> find(double[] grid, List<T> values, DoubleFunction<T> evaluate,
                                          ToIntFunction<T> count, double tolerance) {
        if (grid.length != values.size()) {
            throw new IllegalArgumentException(grid.length + " grid points but " + values.size() + " values");
        }
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("the tolerance must be > 0, got " + tolerance);
        }
        List<Event<T>> events = new ArrayList<>();
        for (int i = 0; i + 1 < grid.length; i++) {
            if (!(grid[i] > 0) || !(grid[i + 1] > grid[i])) {
                throw new IllegalArgumentException("the grid must be positive and increasing, at index " + i);
            }
            refine(grid[i], grid[i + 1], values.get(i), values.get(i + 1), evaluate, count, tolerance, events);
        }
        return events;
    }

    private static <T> int refine(double low, double high, T below, T above, DoubleFunction<T> evaluate,
                                  ToIntFunction<T> count, double tolerance, List<Event<T>> events) {
        if (count.applyAsInt(below) == count.applyAsInt(above)) {
            return 0;
        }
        if (high / low - 1 <= tolerance) {
            events.add(new Event<>(low, high, below, above, 0));
            return 0;
        }
        double mid = Math.sqrt(low * high);
        T middle = evaluate.apply(mid);
        int before = events.size();
        int spent = 1 + refine(low, mid, below, middle, evaluate, count, tolerance, events);
        spent += refine(mid, high, middle, above, evaluate, count, tolerance, events);
        // charge the evaluations to the first event they produced, so the events' sum is the total spent
        if (events.size() > before) {
            Event<T> e = events.get(before);
            events.set(before, new Event<>(e.low(), e.high(), e.below(), e.above(), e.evaluations() + spent));
            return 0;
        }
        return spent;
    }
}
