package org.lps.homotopy.solve;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * An incremental set of distinct points of C^n that deduplicates as points arrive: a point within
 * {@code tolerance * max(1, |x|)} (max norm) of one already in the set is the same point. The last stage of a
 * solve that finds solutions one at a time (monodromy); points keep their order of arrival, which is what makes
 * the result deterministic when the arrivals are.
 *
 * <p>Lookups go through a sorted index on a random real projection of the points (|projection difference| is at
 * most n times the max-norm distance), so an insertion costs a logarithmic search plus the few candidates whose
 * projections are close. Not thread-safe: the caller adds points in a fixed order.
 */
public final class SolutionSet {

    private final double tolerance;
    private final double[] direction;
    private final List<double[]> points = new ArrayList<>();
    private final TreeMap<Double, List<Integer>> index = new TreeMap<>();

    /**
     * @param dimension the number of complex coordinates
     * @param tolerance relative distance below which two points are one (1e-6 is HomotopyContinuation.jl's
     *                  default, the square root of a refined solution's accuracy)
     */
    public SolutionSet(int dimension, double tolerance) {
        this.tolerance = tolerance;
        SplittableRandom r = new SplittableRandom(0x9E3779B97F4A7C15L);
        this.direction = new double[2 * dimension];
        for (int k = 0; k < direction.length; k++) {
            direction[k] = r.nextDouble(-1, 1);
        }
    }

    /** Adds x (interleaved) unless it is already in the set; true if added. The array is kept: don't reuse it. */
    public boolean add(double[] x) {
        if (indexOf(x) >= 0) {
            return false;
        }
        double key = project(x);
        index.computeIfAbsent(key, k -> new ArrayList<>(1)).add(points.size());
        points.add(x);
        return true;
    }

    /** The index of a point of the set equal to x within the tolerance, or -1. */
    public int indexOf(double[] x) {
        double radius = tolerance * Math.max(1, maxAbs(x));
        double key = project(x), width = x.length * radius;
        for (Map.Entry<Double, List<Integer>> e : index.subMap(key - width, true, key + width, true).entrySet()) {
            for (int i : e.getValue()) {
                if (distance(points.get(i), x) <= radius) {
                    return i;
                }
            }
        }
        return -1;
    }

    public int size() {
        return points.size();
    }

    public double[] get(int i) {
        return points.get(i);
    }

    /** The points in order of arrival (unmodifiable view). */
    public List<double[]> points() {
        return Collections.unmodifiableList(points);
    }

    private double project(double[] x) {
        double s = 0;
        for (int k = 0; k < x.length; k++) {
            s += direction[k] * x[k];
        }
        return s;
    }

    static double distance(double[] x, double[] y) {
        double m = 0;
        for (int k = 0; k < x.length; k += 2) {
            m = Math.max(m, Math.hypot(x[k] - y[k], x[k + 1] - y[k + 1]));
        }
        return m;
    }

    private static double maxAbs(double[] x) {
        double m = 0;
        for (int k = 0; k < x.length; k += 2) {
            m = Math.max(m, Math.hypot(x[k], x[k + 1]));
        }
        return m;
    }
}
