package org.lps.init.scheme;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
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
 * when rows <= cols, the columns when rows >= cols. Biases zero.
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
        double[][] a = new double[rows][cols];
        for (double[] row : a) {
            for (int j = 0; j < cols; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        boolean wide = rows < cols;
        RealMatrix tall = new Array2DRowRealMatrix(a, false);
        if (wide) {
            tall = tall.transpose();
        }
        int m = tall.getRowDimension();
        int n = tall.getColumnDimension();
        QRDecomposition qr = new QRDecomposition(tall);
        RealMatrix r = qr.getR();
        // The first n columns of the m x m Q span the columns of the tall matrix: the thin factor.
        double[][] q = qr.getQ().getSubMatrix(0, m - 1, 0, n - 1).getData();
        for (int j = 0; j < n; j++) {
            if (r.getEntry(j, j) < 0) {
                for (int i = 0; i < m; i++) {
                    q[i][j] = -q[i][j];
                }
            }
        }
        if (!wide) {
            return q;
        }
        double[][] t = new double[rows][cols];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                t[j][i] = q[i][j];
            }
        }
        return t;
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
