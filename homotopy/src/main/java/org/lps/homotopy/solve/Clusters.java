package org.lps.homotopy.solve;

import java.util.Arrays;
import java.util.List;

/**
 * Groups points of C^n that are within a tolerance of each other (infinity norm), in O(N log N + pairs): the
 * points are sorted by a fixed real linear functional, and only points whose functional values are within the
 * largest tolerance (times the functional's norm) are compared. Groups are closed transitively (union-find).
 */
final class Clusters {

    private Clusters() {
    }

    /**
     * For each point, the smallest index in its group. Points i and j are linked when
     * |x_i - x_j|_inf <= max(tol_i, tol_j).
     */
    static int[] group(List<double[]> points, double[] tol) {
        int m = points.size();
        int[] parent = new int[m];
        for (int i = 0; i < m; i++) {
            parent[i] = i;
        }
        if (m == 0) {
            return parent;
        }
        int dim = points.get(0).length;
        // a fixed functional with irrational-looking weights, so symmetric solutions do not tie
        double[] w = new double[dim];
        double wNorm = 0;
        for (int k = 0; k < dim; k++) {
            w[k] = Math.cos(1.0 + 0.7548776662 * k);
            wNorm += Math.abs(w[k]);
        }
        double[] key = new double[m];
        Integer[] order = new Integer[m];
        double maxTol = 0;
        for (int i = 0; i < m; i++) {
            double[] x = points.get(i);
            double s = 0;
            for (int k = 0; k < dim; k++) {
                s += w[k] * x[k];
            }
            key[i] = s;
            order[i] = i;
            maxTol = Math.max(maxTol, tol[i]);
        }
        Arrays.sort(order, (a, b) -> Double.compare(key[a], key[b]));
        double window = wNorm * maxTol * 1.0000001;
        for (int a = 0; a < m; a++) {
            int i = order[a];
            for (int b = a + 1; b < m && key[order[b]] - key[i] <= window; b++) {
                int j = order[b];
                if (distance(points.get(i), points.get(j)) <= Math.max(tol[i], tol[j])) {
                    DisjointSets.union(parent, i, j);
                }
            }
        }
        int[] root = new int[m];
        for (int i = 0; i < m; i++) {
            root[i] = DisjointSets.find(parent, i);
        }
        // relabel to the smallest member
        int[] smallest = new int[m];
        Arrays.fill(smallest, Integer.MAX_VALUE);
        for (int i = 0; i < m; i++) {
            smallest[root[i]] = Math.min(smallest[root[i]], i);
        }
        int[] out = new int[m];
        for (int i = 0; i < m; i++) {
            out[i] = smallest[root[i]];
        }
        return out;
    }

    static double distance(double[] a, double[] b) {
        double m = 0;
        for (int k = 0; k < a.length; k += 2) {
            double dr = a[k] - b[k], di = a[k + 1] - b[k + 1];
            m = Math.max(m, dr * dr + di * di);
        }
        return Math.sqrt(m);
    }
}
