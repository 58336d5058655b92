package org.lps.nets.layer;

import java.util.List;
import org.lps.nets.tensor.Shape;

/**
 * A layer with a weight and a bias, the unit an initializer works on: dense ({@code [out, in]}) or conv2d
 * ({@code [out, in, kh, kw]}), PyTorch's layouts.
 */
public abstract class ParameterizedLayer extends Layer {
    private final Parameter weight;
    private final Parameter bias;

    ParameterizedLayer(Shape in, Shape out, int[] weightShape, int biasSize) {
        super(in, out);
        this.weight = new Parameter("weight", weightShape);
        this.bias = new Parameter("bias", biasSize);
    }

    public final Parameter weight() {
        return weight;
    }

    public final Parameter bias() {
        return bias;
    }

    /** Inputs feeding one output unit: {@code in} for dense, {@code in * kh * kw} for conv2d. */
    public abstract int fanIn();

    /** Outputs one input unit feeds (PyTorch's definition): {@code out}, or {@code out * kh * kw}. */
    public abstract int fanOut();

    @Override
    public final List<Parameter> parameters() {
        return List.of(weight, bias);
    }
}
