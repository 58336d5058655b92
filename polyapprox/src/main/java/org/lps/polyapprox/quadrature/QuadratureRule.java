package org.lps.polyapprox.quadrature;

import java.util.function.DoubleUnaryOperator;

/**
 * Nodes and weights: {@code integral f dmu ~ sum_i weights[i] f(nodes[i])}. Immutable; the indexed
 * accessors exist so hot loops read the rule without copying it.
 */
public final class QuadratureRule {

    private final double[] nodes;
    private final double[] weights;

    QuadratureRule(double[] nodes, double[] weights) {
        if (nodes.length != weights.length) {
            throw new IllegalArgumentException("nodes and weights differ in length");
        }
        this.nodes = nodes;
        this.weights = weights;
    }

    /** A rule with these nodes and weights (copied). */
    public static QuadratureRule of(double[] nodes, double[] weights) {
        return new QuadratureRule(nodes.clone(), weights.clone());
    }

    public int size() {
        return nodes.length;
    }

    public double node(int i) {
        return nodes[i];
    }

    public double weight(int i) {
        return weights[i];
    }

    /** The nodes (a copy). */
    public double[] nodes() {
        return nodes.clone();
    }

    /** The weights (a copy). */
    public double[] weights() {
        return weights.clone();
    }

    public double integrate(DoubleUnaryOperator f) {
        double s = 0;
        for (int i = 0; i < nodes.length; i++) {
            s += weights[i] * f.applyAsDouble(nodes[i]);
        }
        return s;
    }
}
