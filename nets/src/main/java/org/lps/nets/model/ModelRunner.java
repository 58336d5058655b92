package org.lps.nets.model;

import java.util.ArrayList;
import java.util.List;
import org.lps.nets.layer.Layer;

/**
 * Runs a model's forward and backward passes on one thread, with buffers for every layer's output and
 * output gradient sized once for {@code maxBatch} samples; nothing is allocated per batch.
 *
 * <p>After {@link #forward}, {@link #output(int)} holds each layer's output: for a dense or conv2d layer
 * that is its pre-activation, which is what LPS measures at initialization.
 */
public final class ModelRunner {
    private final Model model;
    private final int maxBatch;
    private final Layer.Runner[] runners;
    private final float[][] outs;
    private final float[][] grads;
    private final List<float[]> paramGrads = new ArrayList<>();
    private float[] lastInput;
    private long[] forwardNanos;
    private long[] backwardNanos;

    ModelRunner(Model model, int maxBatch) {
        if (maxBatch <= 0) {
            throw new IllegalArgumentException("batch size must be positive: " + maxBatch);
        }
        this.model = model;
        this.maxBatch = maxBatch;
        List<Layer> layers = model.layers();
        int n = layers.size();
        runners = new Layer.Runner[n];
        outs = new float[n][];
        grads = new float[n][];
        for (int i = 0; i < n; i++) {
            Layer l = layers.get(i);
            long size = (long) maxBatch * l.outputShape().size();
            if (size > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("a batch of " + maxBatch + " samples is too large: '" + l + "' would need "
                        + size + " values per buffer (at most " + (Integer.MAX_VALUE - 8) + "); use a smaller --batch");
            }
            runners[i] = l.runner(maxBatch);
            outs[i] = new float[(int) size];
            grads[i] = new float[(int) size];
            for (float[] g : runners[i].gradients()) {
                paramGrads.add(g);
            }
        }
    }

    public Model model() {
        return model;
    }

    public int maxBatch() {
        return maxBatch;
    }

    /**
     * Forward pass of {@code batch} samples stored from the start of {@code x}; returns the output buffer
     * (valid until the next call), {@code batch} rows of the output size.
     */
    public float[] forward(float[] x, int batch) {
        if (batch <= 0 || batch > maxBatch) {
            throw new IllegalArgumentException("batch " + batch + " outside 1.." + maxBatch);
        }
        if (x.length < batch * model.inputShape().size()) {
            throw new IllegalArgumentException("input holds fewer than " + batch + " samples of " + model.inputShape());
        }
        float[] in = x;
        for (int i = 0; i < runners.length; i++) {
            long t0 = forwardNanos == null ? 0 : System.nanoTime();
            runners[i].forward(in, outs[i], batch);
            if (forwardNanos != null) {
                forwardNanos[i] += System.nanoTime() - t0;
            }
            in = outs[i];
        }
        lastInput = x;
        return in;
    }

    /** The buffer to write the loss gradient with respect to the output into before {@link #backward}. */
    public float[] outputGradient() {
        return grads[grads.length - 1];
    }

    /**
     * Backward pass for the last forward pass, from the gradient in {@link #outputGradient()}; fills the
     * parameter gradients ({@link #parameterGradients()}).
     */
    public void backward(int batch) {
        for (int i = runners.length - 1; i >= 0; i--) {
            float[] in = i == 0 ? lastInput : outs[i - 1];
            float[] dIn = i == 0 ? null : grads[i - 1];
            long t0 = backwardNanos == null ? 0 : System.nanoTime();
            runners[i].backward(in, outs[i], grads[i], dIn, batch);
            if (backwardNanos != null) {
                backwardNanos[i] += System.nanoTime() - t0;
            }
        }
    }

    /** Starts (or restarts) timing every layer's forward and backward pass. */
    public void startProfile() {
        forwardNanos = new long[runners.length];
        backwardNanos = new long[runners.length];
    }

    /** Nanoseconds spent per layer since {@link #startProfile()}: {@code [layer][0 forward, 1 backward]}. */
    public long[][] profile() {
        long[][] p = new long[runners.length][2];
        for (int i = 0; i < runners.length && forwardNanos != null; i++) {
            p[i][0] = forwardNanos[i];
            p[i][1] = backwardNanos[i];
        }
        return p;
    }

    /** The output of layer {@code i} (in {@link Model#layers()} order) from the last forward pass. */
    public float[] output(int i) {
        return outs[i];
    }

    /** The gradient of the loss with respect to layer {@code i}'s output, from the last backward pass. */
    public float[] outputGradient(int i) {
        return grads[i];
    }

    /** Gradients aligned with {@link Model#namedParameters()}'s values, from the last backward pass. */
    public List<float[]> parameterGradients() {
        return paramGrads;
    }
}
