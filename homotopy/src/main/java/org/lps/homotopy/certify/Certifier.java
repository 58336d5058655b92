package org.lps.homotopy.certify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.lps.homotopy.solve.DisjointSets;
import org.lps.homotopy.solve.Jobs;
import org.lps.homotopy.solve.Solution;
import org.lps.homotopy.solve.SolveResult;

/**
 * Certifies approximate solutions of a polynomial system: for each point, Newton's method in double refines it (it
 * may move at most {@link #MAX_MOVE} relative to max(1, |x|), else the point is not an approximate solution and is
 * refused), then Krawczyk's test in double interval arithmetic ({@link Krawczyk}), and where that fails (and the
 * Jacobian is invertible) the same test in {@value BigKrawczyk#DIGITS}-digit arithmetic ({@link BigKrawczyk}).
 *
 * <p>Reality: for a system with real coefficients, complex conjugation maps zeros to zeros. If the enclosure misses
 * the real subspace in some coordinate, the zero is proved not real. Otherwise the point is projected to the real
 * subspace, refined there, and tested again on a box symmetric about the real subspace: its unique zero z has its
 * conjugate in the same box, so z is real.
 *
 * <p>Points are certified independently on {@code threads} workers; the result does not depend on the thread count.
 */
public final class Certifier {

    /** How far Newton's refinement may move a point, relative to max(1, |x|_inf). */
    public static final double MAX_MOVE = 1e-6;
    /** Newton steps of the refinement at most. */
    static final int NEWTON_STEPS = 30;

    private Certifier() {
    }

    /** Certifies each point (2n doubles, interleaved re, im) on {@code threads} worker threads. */
    public static Certification certify(IntervalSystem system, List<double[]> points, int threads) {
        long t0 = System.nanoTime();
        int n = system.dimension();
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).length != 2 * n) {
                throw new IllegalArgumentException("point " + (i + 1) + " has " + points.get(i).length / 2
                        + " coordinates; the system has " + n + " unknowns");
            }
        }
        Certificate[] out = new Certificate[points.size()];
        int workers = Math.max(1, Math.min(threads, points.size()));
        AtomicInteger next = new AtomicInteger();
        Runnable work = () -> {
            Worker w = new Worker(system);
            for (int i = next.getAndIncrement(); i < out.length; i = next.getAndIncrement()) {
                out[i] = w.certify(points.get(i));
            }
        };
        if (workers == 1) {
            work.run();
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
                Thread t = new Thread(r, "lps-certify");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> fs = new ArrayList<>();
                for (int k = 0; k < workers; k++) {
                    fs.add(pool.submit(work));
                }
                Jobs.await(fs);
            } finally {
                pool.shutdownNow();
            }
        }
        return summarize(system, Arrays.asList(out), (System.nanoTime() - t0) * 1e-9, workers);
    }

    /** Certifies a solve's solutions (all of them, singular ones included: those are reported uncertified). */
    public static Certification certify(IntervalSystem system, SolveResult result, int threads) {
        List<double[]> points = new ArrayList<>();
        for (Solution s : result.solutions()) {
            points.add(s.interleaved());
        }
        return certify(system, points, threads);
    }

    /** Certifies one point (single-threaded convenience). */
    public static Certificate certify(IntervalSystem system, double[] point) {
        return new Worker(system).certify(point);
    }

    /** Groups certified boxes into distinct zeros and counts them (see {@link Certification}). */
    static Certification summarize(IntervalSystem system, List<Certificate> certs, double seconds, int threads) {
        int m = certs.size();
        int[] parent = new int[m];
        for (int i = 0; i < m; i++) {
            parent[i] = i;
        }
        // sweep over the first coordinate's real part: only boxes whose domains overlap there can interact
        Integer[] order = new Integer[m];
        int certified = 0;
        int k = 0;
        for (int i = 0; i < m; i++) {
            if (certs.get(i).certified()) {
                order[k++] = i;
                certified++;
            }
        }
        Integer[] sorted = Arrays.copyOf(order, k);
        double[][] enc = new double[m][];
        double[][] dom = new double[m][];
        for (int i : sorted) {
            enc[i] = certs.get(i).enclosure();
            dom[i] = certs.get(i).domain();
        }
        Arrays.sort(sorted, (a, b) -> Double.compare(dom[a][0], dom[b][0]));
        int ambiguous = 0;
        for (int s = 0; s < sorted.length; s++) {
            int a = sorted[s];
            for (int t = s + 1; t < sorted.length && dom[sorted[t]][0] <= dom[a][1]; t++) {
                int b = sorted[t];
                boolean same = Boxes.inside(enc[a], dom[b]) || Boxes.inside(enc[b], dom[a]);
                if (same) {
                    DisjointSets.union(parent, a, b);
                } else if (Boxes.intersect(enc[a], enc[b])) {
                    DisjointSets.union(parent, a, b);
                    ambiguous++;
                }
            }
        }
        int[] sameAs = new int[m];
        Arrays.fill(sameAs, -1);
        int[] first = new int[m];
        Arrays.fill(first, -1);
        boolean[] realRoot = new boolean[m];
        int distinct = 0;
        for (int i = 0; i < m; i++) {
            if (!certs.get(i).certified()) {
                continue;
            }
            int root = DisjointSets.find(parent, i);
            if (first[root] < 0) {
                first[root] = i;
                distinct++;
            } else {
                sameAs[i] = first[root];
            }
            realRoot[root] |= certs.get(i).certifiedReal();
        }
        int real = 0;
        for (int i = 0; i < m; i++) {
            if (realRoot[i]) {
                real++;
            }
        }
        return new Certification(certs, certified, distinct, real, sameAs, ambiguous, system.hasRealCoefficients(),
                seconds, threads);
    }

    /** One thread's workspace. */
    private static final class Worker {
        private final IntervalSystem system;
        private final Krawczyk krawczyk;
        private final double[] y;
        private BigKrawczyk big;

        Worker(IntervalSystem system) {
            this.system = system;
            this.krawczyk = new Krawczyk(system);
            int n = system.dimension();
            this.y = new double[2 * n * n];
        }

        Certificate certify(double[] given) {
            for (double v : given) {
                if (!Double.isFinite(v)) {
                    return Certificate.failed(given.clone(), Double.NaN, "the point has a coordinate that is not finite");
                }
            }
            double[] x = given.clone();
            krawczyk.newton(x, false, NEWTON_STEPS);
            double moved = maxDiff(x, given);
            double scale = Math.max(1, maxAbs(given));
            if (!(moved <= MAX_MOVE * scale)) {
                return Certificate.failed(given.clone(), moved, String.format(Locale.ROOT,
                        "not an approximate solution: Newton's method moved it by %.3g (allowed %.1g relative to"
                                + " max(1, |x|))", moved, MAX_MOVE));
            }
            Krawczyk.Attempt a = attempt(x, false);
            if (!a.ok()) {
                String why = a.reason();
                if (krawczyk.inverse(x, y)) {
                    double cond = krawczyk.lastCondition(y);
                    why += String.format(Locale.ROOT, "; cond(J) ~ %.1e%s", cond,
                            cond > 1e10 ? ": a singular zero, or nearly (Krawczyk certifies nonsingular zeros only)" : "");
                }
                return Certificate.failed(x, moved, why);
            }
            String precision = a == lastDouble ? "double" : BigKrawczyk.DIGITS + " digits";
            if (!system.hasRealCoefficients()) {
                return new Certificate(true, Certificate.Reality.NOT_APPLICABLE, a.enclosure(), a.domain(), x, moved,
                        precision, null);
            }
            if (!Boxes.meetsRealSubspace(a.enclosure())) {
                return new Certificate(true, Certificate.Reality.NOT_REAL, a.enclosure(), a.domain(), x, moved,
                        precision, null);
            }
            double[] xr = x.clone();
            for (int i = 1; i < xr.length; i += 2) {
                xr[i] = 0;
            }
            krawczyk.newton(xr, true, NEWTON_STEPS);
            double movedReal = maxDiff(xr, given);
            Krawczyk.Attempt ra = movedReal <= MAX_MOVE * scale ? attempt(xr, true) : null;
            if (ra != null && ra.ok()) {
                return new Certificate(true, Certificate.Reality.REAL, ra.enclosure(), ra.domain(), xr, movedReal,
                        ra == lastDouble ? "double" : BigKrawczyk.DIGITS + " digits", null);
            }
            return new Certificate(true, Certificate.Reality.UNDECIDED, a.enclosure(), a.domain(), x, moved, precision,
                    null);
        }

        /** The last attempt that succeeded in double precision (to tell which precision proved it). */
        private Krawczyk.Attempt lastDouble;

        private Krawczyk.Attempt attempt(double[] x, boolean real) {
            Krawczyk.Attempt a = krawczyk.test(x, real);
            if (a.ok()) {
                lastDouble = a;
                return a;
            }
            if (a.singular() || !krawczyk.inverse(x, y)) {
                return a;
            }
            if (big == null) {
                big = new BigKrawczyk(system);
            }
            return big.test(x, y, real);
        }
    }

    static double maxAbs(double[] v) {
        double s = 0;
        for (double d : v) {
            s = Math.max(s, Math.abs(d));
        }
        return s;
    }

    static double maxDiff(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s = Math.max(s, Math.abs(a[i] - b[i]));
        }
        return s;
    }
}
