package org.lps.nets.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.lps.nets.data.Dataset;
import org.lps.nets.layer.Parameter;
import org.lps.nets.loss.Loss;
import org.lps.nets.model.Model;
import org.lps.nets.model.ModelRunner;
import org.lps.nets.optim.Optimizer;

/**
 * Mini-batch training on all cores. Each batch is cut into one contiguous shard per thread; every thread runs
 * forward and backward on its shard with its own buffers, then the per-thread gradients are summed in thread
 * order and the optimizer updates the weights, each thread a fixed range of every parameter. Nothing depends
 * on timing, so the same seed and thread count give the same weights, bit for bit.
 */
public final class Trainer implements AutoCloseable {
    /**
     * Evaluation runs in chunks of this many samples whatever the thread count: BLAS kernels may round a row
     * differently in batches of different sizes, and evaluation must not depend on the threads.
     */
    private static final int EVAL_CHUNK = 64;
    /** Parameters summed and updated together: 16 KB per array, well inside L1 and L2. */
    private static final int UPDATE_BLOCK = 4096;
    private final Model model;
    private final Optimizer optimizer;
    private final Loss loss;
    private final int batch;
    private final Workers workers;
    private final int threads;
    private final int shardMax;
    private final ModelRunner[] runners;
    private final float[][] xs;
    private final int[][] ls;
    /** Per-thread target values of the shard (regression), laid out like the outputs. */
    private final float[][] vs;
    private final int[] shardRows;
    private final double[] shardLoss;
    private final Parameter[] params;
    private final int inSize;
    private final int outSize;
    private final IntConsumer forwardBackward = this::forwardBackward;
    private final IntConsumer reduceUpdate = this::reduceUpdate;
    // The batch being stepped, read by the worker threads (published by Workers.run's volatile writes).
    private float[] stepX;
    private int[] stepLabels;
    private float[] stepTargets;
    private int[] stepOrder;
    private int stepFrom;
    private int stepRows;
    private boolean profiling;
    private long updateNanos;
    private long stepNanos;
    private long gatherNanos;
    private long lossNanos;

    /** A trainer with {@code threads} threads (the caller's included); close it to stop them. */
    public Trainer(Model model, Optimizer optimizer, Loss loss, int batch, int threads) {
        if (batch < 1) {
            throw new IllegalArgumentException("--batch must be at least 1, got " + batch);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        }
        this.model = model;
        this.optimizer = optimizer;
        this.loss = loss;
        this.batch = batch;
        this.threads = threads;
        this.shardMax = (batch + threads - 1) / threads;
        this.inSize = model.inputShape().size();
        this.outSize = model.outputShape().size();
        this.runners = new ModelRunner[threads];
        this.xs = new float[threads][];
        this.ls = new int[threads][];
        this.vs = new float[threads][];
        for (int t = 0; t < threads; t++) {
            runners[t] = model.runner(Math.max(shardMax, EVAL_CHUNK));
            xs[t] = new float[Math.multiplyExact(Math.max(shardMax, EVAL_CHUNK), inSize)];
            ls[t] = new int[shardMax];
            vs[t] = new float[Math.multiplyExact(Math.max(shardMax, EVAL_CHUNK), outSize)];
        }
        this.shardRows = new int[threads];
        this.shardLoss = new double[threads];
        this.params = model.namedParameters().values().toArray(new Parameter[0]);
        optimizer.attach(List.of(params));
        this.workers = new Workers(threads);
    }

    public Model model() {
        return model;
    }

    public int threads() {
        return threads;
    }

    /** Trains {@code epochs} epochs, evaluating on {@code test} after each; the seed fixes the batch order. */
    public List<EpochResult> fit(Dataset train, Dataset test, int epochs, long seed, ProgressListener listener) {
        if (epochs < 1) {
            throw new IllegalArgumentException("--epochs must be at least 1, got " + epochs);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        List<EpochResult> results = new ArrayList<>();
        for (int e = 1; e <= epochs; e++) {
            EpochResult r = epoch(train, test, e, rng.split(), listener);
            results.add(r);
            listener.epoch(r);
        }
        return results;
    }

    private EpochResult epoch(Dataset train, Dataset test, int epoch, SplittableRandom rng, ProgressListener listener) {
        check(train);
        int n = train.size();
        int[] order = shuffled(n, rng);
        int batches = (n + batch - 1) / batch;
        double lossSum = 0;
        long start = System.nanoTime();
        for (int b = 0; b < batches; b++) {
            int from = b * batch;
            int rows = Math.min(batch, n - from);
            double l = step(train, order, from, rows);
            lossSum += l;
            listener.batch(epoch, b + 1, batches, l / rows, lossSum / (from + rows));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Evaluation ev = evaluate(test);
        return new EpochResult(epoch, lossSum / n, ev.loss(), ev.accuracy(), n / seconds, seconds);
    }

    /** One optimizer step on the samples {@code order[from, from + rows)}; returns their summed loss. */
    public double step(Dataset data, int[] order, int from, int rows) {
        if (rows < 1 || rows > batch || from < 0 || from + rows > order.length) {
            throw new IllegalArgumentException("step over order[" + from + ", " + (from + rows) + ") of " + order.length
                    + " with batches of at most " + batch);
        }
        check(data);
        stepX = data.features();
        stepLabels = data.labels();
        stepTargets = data.targets();
        stepOrder = order;
        stepFrom = from;
        stepRows = rows;
        long t0 = profiling ? System.nanoTime() : 0;
        workers.run(forwardBackward);
        optimizer.beginStep();
        long t1 = profiling ? System.nanoTime() : 0;
        workers.run(reduceUpdate);
        if (profiling) {
            long t2 = System.nanoTime();
            updateNanos += t2 - t1;
            stepNanos += t2 - t0;
        }
        double sum = 0;
        for (int t = 0; t < threads; t++) {
            sum += shardLoss[t];
        }
        return sum;
    }

    /** Thread t: forward and backward on its shard of the current batch. */
    private void forwardBackward(int t) {
        int rows = stepRows;
        int lo = stepFrom + (int) ((long) rows * t / threads);
        int hi = stepFrom + (int) ((long) rows * (t + 1) / threads);
        int m = hi - lo;
        shardRows[t] = m;
        shardLoss[t] = 0;
        if (m == 0) {
            return;
        }
        boolean timing = profiling && t == 0;
        long t0 = timing ? System.nanoTime() : 0;
        float[] xt = xs[t];
        int[] lt = stepLabels == null ? null : ls[t];
        float[] vt = stepTargets == null ? null : vs[t];
        for (int i = 0; i < m; i++) {
            int s = stepOrder[lo + i];
            System.arraycopy(stepX, s * inSize, xt, i * inSize, inSize);
            if (lt != null) {
                lt[i] = stepLabels[s];
            } else {
                System.arraycopy(stepTargets, s * outSize, vt, i * outSize, outSize);
            }
        }
        ModelRunner r = runners[t];
        long t1 = timing ? System.nanoTime() : 0;
        float[] out = r.forward(xt, m);
        long t2 = timing ? System.nanoTime() : 0;
        // Scaled by the whole batch, so the summed shard gradients are the batch mean's gradient.
        shardLoss[t] = loss.evaluate(out, m, outSize, lt, vt, r.outputGradient(), 1f / rows);
        if (timing) {
            gatherNanos += t1 - t0;
            lossNanos += System.nanoTime() - t2;
        }
        r.backward(m);
    }

    /**
     * Thread t: sums the shard gradients of its range of every parameter, then updates that range, block by
     * block so the summed gradient is still in cache when the optimizer reads it.
     */
    private void reduceUpdate(int t) {
        for (int p = 0; p < params.length; p++) {
            int size = params[p].size();
            int lo = (int) ((long) size * t / threads);
            int hi = (int) ((long) size * (t + 1) / threads);
            float[] g0 = runners[0].parameterGradients().get(p);
            float[] w = params[p].values();
            for (int b = lo; b < hi; b += UPDATE_BLOCK) {
                int e = Math.min(hi, b + UPDATE_BLOCK);
                if (shardRows[0] == 0) { // a batch smaller than the thread count: shard 0 ran nothing
                    Arrays.fill(g0, b, e, 0f);
                }
                // Fixed summation order, whatever thread does it: shard 0 + shard 1 + ...
                for (int r = 1; r < threads; r++) {
                    if (shardRows[r] == 0) {
                        continue;
                    }
                    float[] gr = runners[r].parameterGradients().get(p);
                    for (int i = b; i < e; i++) {
                        g0[i] += gr[i];
                    }
                }
                optimizer.update(p, w, g0, b, e);
            }
        }
    }

    /**
     * Starts timing the layers of thread 0 (a representative shard) and the gradient reduction and update;
     * read with {@link #profile()}.
     */
    public void startProfile() {
        runners[0].startProfile();
        updateNanos = 0;
        stepNanos = 0;
        gatherNanos = 0;
        lossNanos = 0;
        profiling = true;
    }

    /** Where thread 0's time went since {@link #startProfile()}, one line per layer, in percent of step time. */
    public String profile() {
        long[][] p = runners[0].profile();
        StringBuilder b = new StringBuilder(String.format("%-48s %8s %8s%n", "layer (thread 0)", "forward", "backward"));
        double total = Math.max(1, stepNanos);
        for (int i = 0; i < p.length; i++) {
            b.append(String.format("%-48s %7.1f%% %7.1f%%%n", model.layers().get(i), 100 * p[i][0] / total, 100 * p[i][1] / total));
        }
        long layers = 0;
        for (long[] l : p) {
            layers += l[0] + l[1];
        }
        b.append(String.format("%-48s %7.1f%%%n", "batch gather", 100 * gatherNanos / total));
        b.append(String.format("%-48s %7.1f%%%n", "loss", 100 * lossNanos / total));
        b.append(String.format("%-48s %7.1f%%%n", "gradient sum + optimizer update", 100 * updateNanos / total));
        b.append(String.format("%-48s %7.1f%%%n", "waiting for the other threads",
                100 * (stepNanos - updateNanos - layers - gatherNanos - lossNanos) / total));
        return b.toString();
    }

    /**
     * Mean loss and accuracy (NaN for a regression set) on {@code data}. Per-sample losses are summed in
     * sample order, so the result does not depend on the thread count.
     */
    public Evaluation evaluate(Dataset data) {
        check(data);
        int n = data.size();
        int chunks = (n + EVAL_CHUNK - 1) / EVAL_CHUNK;
        double[] sampleLoss = new double[n];
        boolean[] right = new boolean[n];
        float[] x = data.features();
        int[] labels = data.labels();
        float[] targets = data.targets();
        workers.run(t -> {
            ModelRunner r = runners[t];
            for (int c = t; c < chunks; c += threads) {
                int lo = c * EVAL_CHUNK;
                int m = Math.min(EVAL_CHUNK, n - lo);
                System.arraycopy(x, lo * inSize, xs[t], 0, m * inSize);
                if (targets != null) {
                    System.arraycopy(targets, lo * outSize, vs[t], 0, m * outSize);
                }
                float[] out = r.forward(xs[t], m);
                for (int i = 0; i < m; i++) {
                    if (targets != null) {
                        sampleLoss[lo + i] = loss.row(out, i * outSize, outSize, -1, vs[t], null, 1f);
                    } else {
                        sampleLoss[lo + i] = loss.row(out, i * outSize, outSize, labels[lo + i], null, null, 1f);
                        right[lo + i] = argmax(out, i * outSize, outSize) == labels[lo + i];
                    }
                }
            }
        });
        double total = 0;
        long correct = 0;
        for (int i = 0; i < n; i++) {
            total += sampleLoss[i];
            correct += right[i] ? 1 : 0;
        }
        return new Evaluation(total / n, targets != null ? Double.NaN : (double) correct / n, n);
    }

    static int argmax(float[] v, int off, int len) {
        int best = 0;
        for (int j = 1; j < len; j++) {
            if (v[off + j] > v[off + best]) {
                best = j;
            }
        }
        return best;
    }

    private void check(Dataset d) {
        if (d.shape().size() != inSize) {
            throw new IllegalArgumentException("the data has samples of " + d.shape() + " but the model takes " + model.inputShape());
        }
        if (d.classes() > outSize) {
            throw new IllegalArgumentException("the data has " + d.classes() + " classes but the model outputs " + outSize + " values");
        }
        if (d.isRegression() && d.targetSize() != outSize) {
            throw new IllegalArgumentException("the data has " + d.targetSize() + " targets per sample but the model outputs " + outSize + " values");
        }
        if (d.size() == 0) {
            throw new IllegalArgumentException("the dataset is empty");
        }
    }

    /** A random permutation of 0..n-1 (Fisher-Yates). */
    static int[] shuffled(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = p[i];
            p[i] = p[j];
            p[j] = tmp;
        }
        return p;
    }

    @Override
    public void close() {
        workers.close();
    }
}
