package org.lps.nets.optim;

import java.util.List;
import org.lps.nets.layer.Parameter;

/**
 * Updates parameters from their gradients. The trainer calls {@link #beginStep()} once per batch, then
 * {@link #update} on disjoint ranges of each parameter from several threads; an update touches only its
 * range, so the result does not depend on how the ranges are split.
 */
public abstract class Optimizer {
    protected float lr;
    protected final float weightDecay;
    private float[][] state1;
    private float[][] state2;

    Optimizer(double lr, double weightDecay) {
        if (!(lr > 0) || !Double.isFinite(lr)) {
            throw new IllegalArgumentException("--lr must be a positive number, got " + lr);
        }
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay must be >= 0, got " + weightDecay);
        }
        this.lr = (float) lr;
        this.weightDecay = (float) weightDecay;
    }

    /** SGD with momentum (PyTorch's: buf = m buf + g, w -= lr buf), L2 weight decay added to the gradient. */
    public static Optimizer sgd(double lr, double momentum, double weightDecay) {
        return new Sgd(lr, momentum, weightDecay);
    }

    /** Adam (PyTorch's, bias-corrected), L2 weight decay added to the gradient. */
    public static Optimizer adam(double lr, double beta1, double beta2, double eps, double weightDecay) {
        return new Adam(lr, beta1, beta2, eps, weightDecay);
    }

    public abstract String name();

    /** Allocates the per-parameter state (momentum buffers); called once before the first step. */
    public final void attach(List<Parameter> params) {
        state1 = new float[params.size()][];
        state2 = new float[params.size()][];
        for (int i = 0; i < params.size(); i++) {
            state1[i] = new float[params.get(i).size()];
            state2[i] = usesSecondMoment() ? new float[params.get(i).size()] : null;
        }
    }

    boolean usesSecondMoment() {
        return false;
    }

    public double learningRate() {
        return lr;
    }

    public void setLearningRate(double lr) {
        this.lr = (float) lr;
    }

    /** Marks the start of a step (Adam counts them for its bias correction). */
    public void beginStep() {
    }

    /** Updates {@code w[from, to)} of parameter {@code index} from its gradient {@code g}. */
    public final void update(int index, float[] w, float[] g, int from, int to) {
        update(w, g, state1[index], state2[index], from, to);
    }

    abstract void update(float[] w, float[] g, float[] s1, float[] s2, int from, int to);
}
