package org.lps.nets.layer;

import org.lps.nets.tensor.Shape;

/** Applies an {@link Activation} to every value; its input is the previous layer's pre-activation. */
public final class ActivationLayer extends Layer {
    private final Activation activation;

    public ActivationLayer(Shape shape, Activation activation) {
        super(shape, shape);
        this.activation = activation;
    }

    public Activation activation() {
        return activation;
    }

    @Override
    public String kind() {
        return "activation";
    }

    @Override
    public String toString() {
        return activation.name();
    }

    @Override
    public Runner runner(int maxBatch) {
        int n = inputShape().size();
        return new Runner() {
            @Override
            public void forward(float[] x, float[] y, int batch) {
                activation.forward(x, y, batch * n);
            }

            @Override
            public void backward(float[] x, float[] y, float[] dy, float[] dx, int batch) {
                if (dx != null) {
                    activation.backward(x, y, dy, dx, batch * n);
                }
            }
        };
    }
}
