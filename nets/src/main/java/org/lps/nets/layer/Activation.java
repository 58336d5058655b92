package org.lps.nets.layer;

/**
 * An elementwise activation a = f(z). The scalar {@link #value}/{@link #derivative} pair is what
 * initializers and studies reason with; the array methods are the training kernels.
 */
public interface Activation {

    /** The name the parser accepts back: relu, leaky-relu:0.01, tanh, sigmoid, gelu, silu, poly:c0,c1,... */
    String name();

    double value(double z);

    double derivative(double z);

    /** a[i] = f(z[i]) for i < n. */
    default void forward(float[] z, float[] a, int n) {
        for (int i = 0; i < n; i++) {
            a[i] = (float) value(z[i]);
        }
    }

    /** dz[i] = da[i] f'(z[i]) for i < n; {@code a} holds f(z) for activations that reuse it. */
    default void backward(float[] z, float[] a, float[] da, float[] dz, int n) {
        for (int i = 0; i < n; i++) {
            dz[i] = (float) (da[i] * derivative(z[i]));
        }
    }
}
