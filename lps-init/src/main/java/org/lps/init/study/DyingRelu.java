package org.lps.init.study;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.hipparchus.distribution.continuous.BetaDistribution;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;
import org.lps.init.Initializer;
import org.lps.init.Initializers;
import org.lps.init.MethodSpec;
import org.lps.nets.layer.Activations;
import org.lps.nets.layer.ParameterizedLayer;
import org.lps.nets.model.Model;
import org.lps.nets.model.ModelBuilder;
import org.lps.nets.tensor.Shape;

/**
 * The born-dead probability of deep narrow relu networks (Lu, Shin, Su and Karniadakis, "Dying ReLU and
 * initialization"): a network with a 1-D input, {@code depth} hidden relu layers of {@code width} units and
 * a linear output unit is born dead when its output is constant over the inputs, here when its derivative
 * is exactly zero at {@value #GRID_POINTS} equally spaced points of [-1, 1] (docs/init-schemes.md's grid;
 * see {@link Forward} for why the derivative). Each method, width and depth gets {@code trials}
 * independent networks. Also counted: networks that are not dead but whose output varies by less than
 * 2^-20 of its size over the grid ("collapsed"; their outputs look constant in float32).
 *
 * <p>Reproducible on any thread count: trial t of the cell (width, depth) initializes its network with the
 * seed {@link #trialSeed}, a hash of (seed, width, depth, t), whoever runs it; threads only share out the
 * trials of a cell and the dead networks are counted, an order-free sum. Every thread parses its own
 * {@link Initializer} and builds its own network, so schemes need not be thread-safe.
 */
public final class DyingRelu {

    /** Inputs per network: the grid -1, -1 + 1/200, ..., 1. */
    public static final int GRID_POINTS = 401;

    private DyingRelu() {
    }

    /** One cell of the study, with the 95% Clopper-Pearson interval of the born-dead probability. */
    @JsonPropertyOrder({"method", "width", "depth", "trials", "dead", "bornDead", "ciLow", "ciHigh", "collapsed"})
    public record Result(String method, int width, int depth, int trials, int dead, double bornDead, double ciLow, double ciHigh,
                         double collapsed) {
    }

    /**
     * Runs every (method, width, depth) cell, methods outermost, in the order given; {@code progress} hears
     * about each cell as it completes, in that order.
     *
     * @param methods method strings as {@link Initializers#parse(String)} takes them
     */
    public static List<Result> run(List<String> methods, int[] widths, int[] depths, int trials, long seed, int threads,
                                   Consumer<Result> progress) {
        check(widths, "width");
        check(depths, "depth");
        if (trials < 1) {
            throw new IllegalArgumentException("trials must be at least 1, got " + trials);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        for (String m : methods) {
            // Unknown names and bad parameters fail here, before any work, and so does a scheme that cannot
            // handle a relu network.
            Initializers.parse(m).initialize(network(2, 1), seed);
        }
        float[] grid = grid();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "dying-relu");
            t.setDaemon(true);
            return t;
        });
        try {
            record Cell(String method, int width, int depth, List<Future<int[]>> parts) {
            }
            List<Cell> cells = new ArrayList<>();
            for (String method : methods) {
                for (int width : widths) {
                    for (int depth : depths) {
                        List<Future<int[]>> parts = new ArrayList<>();
                        // a few chunks per thread, so that threads finishing early pick up work
                        int chunks = Math.min(trials, threads * 4);
                        for (int c = 0; c < chunks; c++) {
                            int lo = (int) ((long) trials * c / chunks);
                            int hi = (int) ((long) trials * (c + 1) / chunks);
                            parts.add(pool.submit(() -> count(method, width, depth, lo, hi, seed, grid)));
                        }
                        cells.add(new Cell(method, width, depth, parts));
                    }
                }
            }
            List<Result> results = new ArrayList<>();
            for (Cell c : cells) {
                int dead = 0;
                int collapsed = 0;
                for (Future<int[]> f : c.parts()) {
                    int[] counts = get(f);
                    dead += counts[0];
                    collapsed += counts[1];
                }
                Result r = result(MethodSpec.parse(c.method()).method(), c.width(), c.depth(), trials, dead, collapsed);
                results.add(r);
                progress.accept(r);
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    static Result result(String method, int width, int depth, int trials, int dead, int collapsed) {
        double[] ci = clopperPearson(dead, trials, 0.95);
        return new Result(method, width, depth, trials, dead, (double) dead / trials, ci[0], ci[1], (double) collapsed / trials);
    }

    /**
     * The exact (Clopper-Pearson) interval for a binomial proportion, x successes in n trials, from Beta
     * quantiles: lower = B(alpha/2; x, n - x + 1), upper = B(1 - alpha/2; x + 1, n - x), with 0 and 1 at
     * the ends.
     */
    static double[] clopperPearson(int x, int n, double confidence) {
        double alpha = 1 - confidence;
        double lo = x == 0 ? 0 : new BetaDistribution(x, n - x + 1.0).inverseCumulativeProbability(alpha / 2);
        double hi = x == n ? 1 : new BetaDistribution(x + 1.0, n - x).inverseCumulativeProbability(1 - alpha / 2);
        return new double[] {lo, hi};
    }

    private static int[] get(Future<int[]> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(c);
        }
    }

    /** Trials lo..hi-1 of one cell, on this thread's own network and scheme: {dead, collapsed} counts. */
    private static int[] count(String method, int width, int depth, int lo, int hi, long seed, float[] grid) {
        Initializer init = Initializers.parse(method);
        Model net = network(width, depth);
        Forward f = new Forward(net, grid);
        int[] counts = new int[2];
        for (int t = lo; t < hi; t++) {
            init.initialize(net, trialSeed(seed, width, depth, t));
            Outcome o = f.run();
            counts[0] += o == Outcome.DEAD ? 1 : 0;
            counts[1] += o != Outcome.ALIVE ? 1 : 0;
        }
        return counts;
    }

    /** What a network is at birth. */
    enum Outcome {
        /** Constant in x: f'(x) = 0 exactly at every grid point. */
        DEAD,
        /** Not dead, but its output varies over the grid by at most {@link #COLLAPSE} of its magnitude. */
        COLLAPSED,
        ALIVE
    }

    /** 2^-20: a relative variation float32 arithmetic can barely resolve. */
    static final double COLLAPSE = 0x1p-20;

    /**
     * The network's forward pass over the grid, in double precision with the scheme's float weights, carrying
     * the derivative f'(x) along (forward-mode: dz = W dh, and dh = dz where the relu is active, 0 where it
     * is not).
     *
     * <p>Death is decided on the derivative, not on equal outputs. An exact 0 in f'(x) only arises when every
     * path from the input is cut by an inactive relu (products of nonzero doubles do not round to 0), so
     * the verdict does not depend on the precision. Equal outputs do: deep RAI networks shrink the input's
     * influence by many orders of magnitude while their positive biases keep the output large, and their
     * outputs then compare equal in float32 (and, less often, in double) although every layer lets the
     * signal through. At width 5 and depth 50, of the same 4000 RAI networks, 0.836 were "dead" by float32
     * equality of the outputs, 0.0705 by double equality and 0.0703 by the derivative. Such networks are
     * counted as {@link Outcome#COLLAPSED}.
     *
     * <p>The pass stops at the first layer whose derivative is 0 at every grid point.
     */
    static final class Forward {
        private final Model net;
        private final double[] x;
        private final double[] ones;
        private final double[][] h = new double[2][];
        private final double[][] dh = new double[2][];

        Forward(Model net, float[] grid) {
            this.net = net;
            this.x = new double[grid.length];
            for (int i = 0; i < grid.length; i++) {
                x[i] = grid[i];
            }
            this.ones = new double[grid.length];
            java.util.Arrays.fill(ones, 1);
        }

        /**
         * Activations are stored unit by unit ({@code h[i * n + p]} for unit i at grid point p), so the inner
         * loops run over the grid with unit stride, which the JIT vectorizes.
         */
        Outcome run() {
            int n = x.length;
            double[] in = x;
            double[] din = ones;
            int inWidth = 1;
            List<ParameterizedLayer> layers = net.parameterizedLayers();
            for (int k = 0; k < layers.size(); k++) {
                ParameterizedLayer l = layers.get(k);
                float[] w = l.weight().values();
                float[] b = l.bias().values();
                int out = b.length;
                double[] y = buffer(h, k, n * out);
                double[] dy = buffer(dh, k, n * out);
                boolean last = k == layers.size() - 1;
                boolean anySlope = false;
                for (int i = 0; i < out; i++) {
                    int yo = i * n;
                    java.util.Arrays.fill(y, yo, yo + n, b[i]);
                    java.util.Arrays.fill(dy, yo, yo + n, 0);
                    for (int j = 0; j < inWidth; j++) {
                        double wij = w[i * inWidth + j];
                        int xo = j * n;
                        for (int p = 0; p < n; p++) {
                            y[yo + p] += wij * in[xo + p];
                            dy[yo + p] += wij * din[xo + p];
                        }
                    }
                    for (int p = yo; p < yo + n; p++) {
                        if (!last && !(y[p] > 0)) {
                            y[p] = 0;
                            dy[p] = 0;
                        }
                        anySlope |= dy[p] != 0;
                    }
                }
                if (!anySlope) {
                    return Outcome.DEAD;
                }
                in = y;
                din = dy;
                inWidth = out;
            }
            double max = Double.NEGATIVE_INFINITY;
            double min = Double.POSITIVE_INFINITY;
            double scale = 0;
            for (int p = 0; p < n; p++) {
                max = Math.max(max, in[p]);
                min = Math.min(min, in[p]);
                scale = Math.max(scale, Math.abs(in[p]));
            }
            return max - min <= COLLAPSE * scale ? Outcome.COLLAPSED : Outcome.ALIVE;
        }

        /** Two alternating buffers per quantity, so layer k reads what layer k - 1 wrote. */
        private static double[] buffer(double[][] pair, int k, int size) {
            int i = k % 2;
            if (pair[i] == null || pair[i].length < size) {
                pair[i] = new double[size];
            }
            return pair[i];
        }
    }

    /** The architecture string of {@link #network}: {@code mlp:1,W,...,W,1} with {@code depth} hidden widths. */
    public static String architecture(int width, int depth) {
        return "mlp:1," + (width + ",").repeat(depth) + "1";
    }

    /** 1 -> width (relu) -> ... (depth hidden layers) -> 1, the output linear. */
    public static Model network(int width, int depth) {
        ModelBuilder b = Model.builder(Shape.of(1));
        for (int i = 0; i < depth; i++) {
            b.dense(width).activation(Activations.relu());
        }
        return b.dense(1).build();
    }

    /** The {@value #GRID_POINTS} inputs, -1 + i/200. */
    public static float[] grid() {
        float[] g = new float[GRID_POINTS];
        for (int i = 0; i < g.length; i++) {
            g[i] = -1 + i / ((GRID_POINTS - 1) / 2f);
        }
        return g;
    }

    /**
     * The seed of trial t of cell (width, depth): SplittableRandom's mixing of a distinct 64-bit key per
     * (seed, width, depth, t), so nearby keys give unrelated seeds. The same for every method.
     */
    public static long trialSeed(long seed, int width, int depth, int trial) {
        long key = seed * 0x9E3779B97F4A7C15L + ((long) width << 40 ^ (long) depth << 20 ^ trial);
        return new java.util.SplittableRandom(key).nextLong();
    }

    private static void check(int[] values, String what) {
        if (values.length == 0) {
            throw new IllegalArgumentException("at least one " + what + " is needed");
        }
        for (int v : values) {
            if (v < 1) {
                throw new IllegalArgumentException("every " + what + " must be at least 1, got " + v);
            }
        }
    }

    /** Writes BASE.json ({@code results} and the settings), BASE.csv and BASE.png. */
    public static void write(StudyOutput out, List<Result> results, long seed) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("study", "dying-relu");
        json.put("network", "1 -> width x depth hidden relu layers -> 1 (linear output)");
        json.put("bornDead", "f'(x) = 0 exactly at every grid point (forward-mode derivative in double)");
        json.put("collapsed", "born dead, or max f - min f <= 2^-20 max |f| over the grid");
        json.put("gridPoints", GRID_POINTS);
        json.put("interval", new double[] {-1, 1});
        json.put("seed", seed);
        json.put("confidence", 0.95);
        json.put("results", results);
        out.writeJson(json);
        List<List<?>> rows = new ArrayList<>();
        for (Result r : results) {
            rows.add(List.of(r.method(), r.width(), r.depth(), r.trials(), r.dead(), r.bornDead(), r.ciLow(), r.ciHigh(), r.collapsed()));
        }
        out.writeCsv(List.of("method", "width", "depth", "trials", "dead", "bornDead", "ciLow", "ciHigh", "collapsed"), rows);
        out.writePng(chart(results));
    }

    /**
     * Grouped bars: one group per (width, depth), one bar per method, with the 95% interval as error bars
     * (drawn symmetric at the larger of its two half-widths; the JSON and CSV have both ends).
     */
    static CategoryChart chart(List<Result> results) {
        int trials = results.isEmpty() ? 0 : results.get(0).trials();
        CategoryChart chart = new CategoryChartBuilder().width(1000).height(520)
                .title("Born-dead probability of deep narrow ReLU networks (" + trials + " networks per bar, 95% intervals)")
                .xAxisTitle("width x depth").yAxisTitle("P(born dead)").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        chart.getStyler().setYAxisDecimalPattern("0.0");
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        chart.getStyler().setErrorBarsColor(Color.DARK_GRAY);
        Map<String, List<Result>> byMethod = new LinkedHashMap<>();
        for (Result r : results) {
            byMethod.computeIfAbsent(r.method(), k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, List<Result>> e : byMethod.entrySet()) {
            List<String> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            List<Double> err = new ArrayList<>();
            for (Result r : e.getValue()) {
                x.add(String.format(Locale.ROOT, "%d x %d", r.width(), r.depth()));
                y.add(r.bornDead());
                err.add(Math.max(r.bornDead() - r.ciLow(), r.ciHigh() - r.bornDead()));
            }
            chart.addSeries(e.getKey(), x, y, err);
        }
        return chart;
    }

    /** Parses "2,3,4" into positive integers, naming {@code flag} on error. */
    public static int[] parseList(String flag, String list) {
        String[] parts = list.split(",");
        int[] v = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " '" + list + "': '" + parts[i].trim() + "' is not an integer");
            }
            if (v[i] < 1) {
                throw new IllegalArgumentException(flag + " '" + list + "': " + v[i] + " must be at least 1");
            }
        }
        if (Arrays.stream(v).distinct().count() != v.length) {
            throw new IllegalArgumentException(flag + " '" + list + "': repeated values");
        }
        return v;
    }
}
