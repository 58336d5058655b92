package org.lps.homotopy.param;

import java.util.Arrays;

/**
 * A linear symmetry that permutes coordinates and changes their signs: (g x)_i = sign[i] x_index[i]. The symmetries of
 * the systems monodromy solves with a group (the LPS block's neuron permutations and sign flips, {@code --symmetry})
 * are of this kind; so is their action on a fixed subspace's free coordinates.
 */
public record SignedPermutation(int[] index, double[] sign) {

    public SignedPermutation {
        if (index.length != sign.length) {
            throw new IllegalArgumentException("index and sign differ in length");
        }
    }

    /** The identity on {@code n} coordinates. */
    public static SignedPermutation identity(int n) {
        int[] index = new int[n];
        double[] sign = new double[n];
        for (int i = 0; i < n; i++) {
            index[i] = i;
            sign[i] = 1;
        }
        return new SignedPermutation(index, sign);
    }

    /** The number of coordinates it acts on. */
    public int size() {
        return index.length;
    }

    public boolean isIdentity() {
        for (int i = 0; i < index.length; i++) {
            if (index[i] != i || sign[i] != 1) {
                return false;
            }
        }
        return true;
    }

    /** g applied to a real point. */
    public double[] apply(double[] theta) {
        double[] out = new double[theta.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = sign[i] * theta[index[i]];
        }
        return out;
    }

    /** g applied to a complex point stored interleaved (re, im per coordinate); extra trailing coordinates kept. */
    public double[] applyInterleaved(double[] x) {
        double[] y = x.clone();
        for (int i = 0; i < index.length; i++) {
            y[2 * i] = sign[i] * x[2 * index[i]];
            y[2 * i + 1] = sign[i] * x[2 * index[i] + 1];
        }
        return y;
    }

    /** The composition this after {@code h}: x -> this(h(x)). */
    public SignedPermutation after(SignedPermutation h) {
        int n = index.length;
        int[] ix = new int[n];
        double[] sg = new double[n];
        for (int i = 0; i < n; i++) {
            // (g (h x))_i = s_i (h x)_{index i} = s_i s'_{index i} x_{index' index i}
            ix[i] = h.index[index[i]];
            sg[i] = sign[i] * h.sign[index[i]];
        }
        return new SignedPermutation(ix, sg);
    }

    /** The same symmetry on {@code extra} more coordinates, which it leaves alone. */
    public SignedPermutation extended(int extra) {
        int n = index.length;
        int[] ix = Arrays.copyOf(index, n + extra);
        double[] sg = Arrays.copyOf(sign, n + extra);
        for (int i = n; i < n + extra; i++) {
            ix[i] = i;
            sg[i] = 1;
        }
        return new SignedPermutation(ix, sg);
    }

    /** A key equal for equal elements. */
    String key() {
        return Arrays.toString(index) + Arrays.toString(sign);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedPermutation g && Arrays.equals(index, g.index) && Arrays.equals(sign, g.sign);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(index) + Arrays.hashCode(sign);
    }

    @Override
    public String toString() {
        return key();
    }
}
