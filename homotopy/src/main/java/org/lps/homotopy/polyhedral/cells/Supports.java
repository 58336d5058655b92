package org.lps.homotopy.polyhedral.cells;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lps.homotopy.poly.Polynomial;
import org.lps.homotopy.poly.PolynomialSystem;

/**
 * The supports of a square system: for each equation, the exponent vectors of its terms, the constant term
 * (the origin) included. Their convex hulls are the Newton polytopes whose mixed volume bounds the solutions
 * with no zero coordinate (Bernstein, Kushnirenko, Khovanskii). Immutable.
 *
 * <p>Points keep the order of the polynomial's terms (duplicates dropped), so the k-th point of equation i
 * is a stable name for a term: the polyhedral start system puts its random coefficients on exactly these.
 */
public final class Supports {

    private final int n;
    /** points[i][k]: exponent vector (length n) of the k-th point of equation i. */
    private final int[][][] points;

    private Supports(int n, int[][][] points) {
        this.n = n;
        this.points = points;
    }

    /** The supports of a square system's equations. */
    public static Supports of(PolynomialSystem system) {
        int n = system.variableCount();
        if (system.equationCount() != n) {
            throw new IllegalArgumentException("supports of a square system only: " + system.equationCount()
                    + " equations in " + n + " unknowns");
        }
        int[][][] pts = new int[n][][];
        for (int i = 0; i < n; i++) {
            Polynomial p = system.equation(i);
            if (p.isZero()) {
                throw new IllegalArgumentException("equation " + (i + 1) + " is identically zero");
            }
            Set<List<Integer>> seen = new LinkedHashSet<>();
            List<int[]> list = new ArrayList<>();
            for (int t = 0; t < p.termCount(); t++) {
                int[] a = p.exponents(t, n);
                if (seen.add(Arrays.stream(a).boxed().toList())) {
                    list.add(a);
                }
            }
            pts[i] = list.toArray(new int[0][]);
        }
        return new Supports(n, pts);
    }

    /** Supports given as points[i][k][j] (copied): equation i, point k, coordinate j. */
    public static Supports of(int[][][] points) {
        int n = points.length;
        int[][][] copy = new int[n][][];
        for (int i = 0; i < n; i++) {
            if (points[i].length == 0) {
                throw new IllegalArgumentException("support " + (i + 1) + " is empty");
            }
            copy[i] = new int[points[i].length][];
            for (int k = 0; k < points[i].length; k++) {
                if (points[i][k].length != n) {
                    throw new IllegalArgumentException("point " + k + " of support " + (i + 1) + " has "
                            + points[i][k].length + " coordinates, expected " + n);
                }
                for (int c : points[i][k]) {
                    if (c < 0) {
                        throw new IllegalArgumentException("negative exponent in support " + (i + 1));
                    }
                }
                copy[i][k] = points[i][k].clone();
            }
        }
        return new Supports(n, copy);
    }

    /** The number of unknowns, which is also the number of supports. */
    public int dimension() {
        return n;
    }

    /** The number of points of support i. */
    public int size(int i) {
        return points[i].length;
    }

    /** Coordinate j of point k of support i. */
    public int coordinate(int i, int k, int j) {
        return points[i][k][j];
    }

    /** A copy of point k of support i. */
    public int[] point(int i, int k) {
        return points[i][k].clone();
    }

    /** The point itself, for this package's inner loops: never modify. */
    int[] pointRef(int i, int k) {
        return points[i][k];
    }

    /** The index of the origin in support i, or -1 if equation i has no constant term. */
    public int originIndex(int i) {
        for (int k = 0; k < points[i].length; k++) {
            if (isZero(points[i][k])) {
                return k;
            }
        }
        return -1;
    }

    /** Whether every equation has a constant term. */
    public boolean allContainOrigin() {
        for (int i = 0; i < n; i++) {
            if (originIndex(i) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The supports with the origin appended (as the last point) to each support that lacks it: the supports
     * of a system with constant terms added, whose mixed volume bounds the isolated solutions in C^n
     * (Li and Wang).
     */
    public Supports withOrigins() {
        int[][][] pts = new int[n][][];
        for (int i = 0; i < n; i++) {
            if (originIndex(i) >= 0) {
                pts[i] = points[i];
            } else {
                pts[i] = Arrays.copyOf(points[i], points[i].length + 1);
                pts[i][points[i].length] = new int[n];
            }
        }
        return new Supports(n, pts);
    }

    /** The largest coordinate sum of a point of support i: the degree of equation i. */
    public int degree(int i) {
        int d = 0;
        for (int[] a : points[i]) {
            d = Math.max(d, Arrays.stream(a).sum());
        }
        return d;
    }

    private static boolean isZero(int[] a) {
        for (int c : a) {
            if (c != 0) {
                return false;
            }
        }
        return true;
    }
}
