package org.lps.init.scheme;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.lps.init.Initializer;
import org.lps.init.MethodSpec;
import org.lps.nets.layer.ParameterizedLayer;
import org.lps.nets.model.Model;

/**
 * Orthogonal initialization (Saxe, McClelland and Ganguli 2014), as PyTorch's {@code orthogonal_}: the
 * weight viewed as a rows x cols matrix (dense [out, in]; conv [out, in*kh*kw] flattened), filled with
 * N(0, 1), transposed when rows < cols; its QR factorization, with Q's columns multiplied by the signs of
 * R's diagonal so that Q is Haar-distributed (without the sign fix, Q would depend on the QR algorithm's
 * sign convention and not be uniform); transposed back and scaled by the gain. The rows are orthonormal
 * when rows <= cols, the columns when rows >= cols. Biases zero. The QR is EJML's Householder
 * factorization with thin factors.
 *
 * <p>The gain is PyTorch's {@code calculate_gain} for the network's activation (sqrt(2) relu, 5/3 tanh, 1
 * linear and sigmoid; see {@link Nonlinearity#gain()} for the others), or {@code orthogonal:GAIN}. Every
 * weight has mean square gain^2 / max(rows, cols), exactly.
 */
public final class Orthogonal implements Initializer {

    private final Double gain;
    private volatile Map<String, Object> details;

    public Orthogonal() {
        this.gain = null;
    }

    public Orthogonal(double gain) {
        if (!(gain > 0) || !Double.isFinite(gain)) {
            throw new IllegalArgumentException("orthogonal: the gain must be a positive number, got " + gain);
        }
        this.gain = gain;
    }

    @Override
    public String name() {
        return "orthogonal";
    }

    @Override
    public String syntax() {
        return "orthogonal[:GAIN]";
    }

    @Override
    public String description() {
        return "orthogonal (Saxe), QR of a Gaussian with the sign fix, gain by activation, zero biases";
    }

    @Override
    public Initializer configure(MethodSpec spec) {
        spec.requireAtMost(1, syntax());
        if (spec.parameters().isEmpty()) {
            return new Orthogonal();
        }
        double g = spec.number(0, "the gain");
        if (!(g > 0)) {
            throw new IllegalArgumentException("'" + spec.method() + "': the gain must be positive");
        }
        return new Orthogonal(g);
    }

    /** The gain used for {@code layer}. */
    public double gain(Model model, ParameterizedLayer layer) {
        return gain != null ? gain : Nonlinearity.of(model, layer).gain();
    }

    @Override
    public void initialize(Model model, long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        List<Double> gains = new ArrayList<>();
        for (ParameterizedLayer l : model.parameterizedLayers()) {
            SplittableRandom rng = root.split();
            int rows = l.weight().shape()[0];
            int cols = l.weight().size() / rows;
            double g = gain(model, l);
            gains.add(g);
            double[][] q = orthogonal(rows, cols, rng);
            float[] w = l.weight().values();
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    w[i * cols + j] = (float) (g * q[i][j]);
                }
            }
            Arrays.fill(l.bias().values(), 0f);
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("gain", gains);
        details = d;
    }

    /**
     * A rows x cols matrix with orthonormal rows (rows <= cols) or columns (rows >= cols), Haar-distributed;
     * the Gaussian is drawn row by row in the rows x cols layout, as PyTorch does.
     */
    static double[][] orthogonal(int rows, int cols, SplittableRandom rng) {
        boolean wide = rows < cols;
        int m = Math.max(rows, cols);
        int n = Math.min(rows, cols);
        // The tall m x n matrix: the Gaussian itself, or its transpose when the layer is wide.
        DMatrixRMaj tall = new DMatrixRMaj(m, n);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                tall.unsafe_set(wide ? j : i, wide ? i : j, rng.nextGaussian());
            }
        }
        // Householder QR with the thin factors: Q is m x n, R is n x n (a full Q would be m x m, 2.4M
        // entries for a dense layer after a flatten of 1568 features).
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(m, n);
        if (!qr.decompose(tall)) {
            throw new IllegalStateException("QR factorization failed for a " + m + " x " + n + " Gaussian matrix");
        }
        DMatrixRMaj q = qr.getQ(null, true);
        DMatrixRMaj r = qr.getR(null, true);
        double[][] out = new double[rows][cols];
        for (int j = 0; j < n; j++) {
            double sign = r.unsafe_get(j, j) < 0 ? -1 : 1;
            for (int i = 0; i < m; i++) {
                double v = sign * q.unsafe_get(i, j);
                if (wide) {
                    out[j][i] = v;
                } else {
                    out[i][j] = v;
                }
            }
        }
        return out;
    }

    @Override
    public Optional<Object> details() {
        return Optional.ofNullable(details);
    }

    @Override
    public String toString() {
        return name();
    }
}
