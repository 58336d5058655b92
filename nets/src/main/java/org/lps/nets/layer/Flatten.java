package org.lps.nets.layer;

import org.lps.nets.tensor.Shape;

/** CxHxW -> C*H*W, the same values in the same (NCHW) order, like PyTorch's {@code nn.Flatten}. */
public final class Flatten extends Layer {

    public Flatten(Shape input) {
        super(input, Shape.of(input.size()));
    }

    @Override
    public String kind() {
        return "flatten";
    }

    @Override
    public Runner runner(int maxBatch) {
        int n = inputShape().size();
        return new Runner() {
            @Override
            public void forward(float[] x, float[] y, int batch) {
                System.arraycopy(x, 0, y, 0, batch * n);
            }

            @Override
            public void backward(float[] x, float[] y, float[] dy, float[] dx, int batch) {
                if (dx != null) {
                    System.arraycopy(dy, 0, dx, 0, batch * n);
                }
            }
        };
    }
}
