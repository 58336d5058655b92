package org.lps.nets.layer;

import java.util.List;
import org.lps.nets.tensor.Shape;

/**
 * One node of a network: it maps a batch of samples of {@link #inputShape()} to a batch of
 * {@link #outputShape()}, both stored sample after sample in flat float arrays (NCHW for images).
 *
 * <p>A layer holds its parameters; the scratch memory of a forward and backward pass lives in a
 * {@link Runner}, one per thread, so several threads can run shards of a batch on the same weights.
 */
public abstract class Layer {
    private final Shape in;
    private final Shape out;

    Layer(Shape in, Shape out) {
        this.in = in;
        this.out = out;
    }

    public final Shape inputShape() {
        return in;
    }

    public final Shape outputShape() {
        return out;
    }

    /** Short kind name: dense, conv2d, maxpool, avgpool, flatten or activation. */
    public abstract String kind();

    /** Trainable parameters, weight first; empty for layers without. */
    public List<Parameter> parameters() {
        return List.of();
    }

    /** A fresh executor of this layer for batches of up to {@code maxBatch} samples. */
    public abstract Runner runner(int maxBatch);

    /** One line: kind, output shape and the layer's settings. */
    @Override
    public String toString() {
        return kind() + " -> " + out;
    }

    /**
     * Executes a layer on one thread. Buffers are caller-owned: {@code x} holds {@code batch} input samples,
     * {@code y} room for as many outputs. Steady-state calls allocate nothing.
     */
    public interface Runner {
        void forward(float[] x, float[] y, int batch);

        /**
         * Given the forward pass's {@code x} and {@code y} and the loss gradient {@code dy}, writes the input
         * gradient into {@code dx} (skipped when null: the first layer needs none) and overwrites this
         * runner's parameter gradients.
         */
        void backward(float[] x, float[] y, float[] dy, float[] dx, int batch);

        /** Gradients of the last backward pass, aligned with {@link Layer#parameters()}. */
        default float[][] gradients() {
            return new float[0][];
        }
    }
}
