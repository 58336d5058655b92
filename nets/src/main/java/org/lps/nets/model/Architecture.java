package org.lps.nets.model;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lps.nets.layer.Activation;
import org.lps.nets.tensor.Shape;

/**
 * The architecture strings of the command line.
 *
 * <ul>
 *   <li>{@code mlp:784,256,256,10}: dense layers between the listed widths, the activation after every
 *       hidden one.</li>
 *   <li>{@code cnn:1x28x28,c16k3,p2,c32k3,p2,d10}: the input shape, then {@code cFkK[sS][pP]} a conv2d with
 *       F filters KxK, stride S (1) and padding P (K/2: "same" for odd K at stride 1), followed by the
 *       activation; {@code pK[sS]} a KxK max pool (stride K); {@code aK[sS]} an average pool;
 *       {@code dN} a dense layer of N (flattening first), with the activation unless it is the last.</li>
 * </ul>
 */
public final class Architecture {
    private static final Pattern CONV = Pattern.compile("c(\\d+)k(\\d+)(?:s(\\d+))?(?:p(\\d+))?");
    private static final Pattern POOL = Pattern.compile("([pa])(\\d+)(?:s(\\d+))?");
    private static final Pattern DENSE = Pattern.compile("d(\\d+)");

    private Architecture() {
    }

    public static Model parse(String spec, Activation activation) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        if (s.startsWith("mlp:")) {
            return mlp(spec, s.substring(4), activation);
        }
        if (s.startsWith("cnn:")) {
            return cnn(spec, s.substring(4), activation);
        }
        throw new IllegalArgumentException("--arch '" + spec + "': expected mlp:784,256,10 or cnn:1x28x28,c16k3,p2,d10");
    }

    private static Model mlp(String spec, String body, Activation act) {
        String[] parts = body.split(",");
        if (parts.length < 2) {
            throw new IllegalArgumentException("--arch '" + spec + "': an mlp needs at least an input and an output width");
        }
        int[] widths = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            widths[i] = positive(parts[i], spec);
        }
        ModelBuilder b = Model.builder(Shape.of(widths[0]));
        for (int i = 1; i < widths.length; i++) {
            b.dense(widths[i]);
            if (i < widths.length - 1) {
                b.activation(act);
            }
        }
        return b.build();
    }

    private static Model cnn(String spec, String body, Activation act) {
        String[] parts = body.split(",");
        Shape in;
        try {
            in = Shape.parse(parts[0]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--arch '" + spec + "': the first item must be the input shape CxHxW, e.g. 1x28x28");
        }
        if (in.rank() != 3) {
            throw new IllegalArgumentException("--arch '" + spec + "': a cnn input must be CxHxW, got " + in);
        }
        if (parts.length < 2) {
            throw new IllegalArgumentException("--arch '" + spec + "': a cnn needs at least one layer after the input shape");
        }
        ModelBuilder b = Model.builder(in);
        for (int i = 1; i < parts.length; i++) {
            String t = parts[i].trim();
            boolean last = i == parts.length - 1;
            try {
                Matcher m;
                if ((m = CONV.matcher(t)).matches()) {
                    int k = positive(m.group(2), spec);
                    int stride = m.group(3) == null ? 1 : positive(m.group(3), spec);
                    int pad = m.group(4) == null ? k / 2 : Integer.parseInt(m.group(4));
                    requireImage(b, t, spec);
                    b.conv(positive(m.group(1), spec), k, stride, pad);
                    if (!last) {
                        b.activation(act);
                    }
                } else if ((m = POOL.matcher(t)).matches()) {
                    int k = positive(m.group(2), spec);
                    int stride = m.group(3) == null ? k : positive(m.group(3), spec);
                    requireImage(b, t, spec);
                    if (m.group(1).equals("p")) {
                        b.maxPool(k, stride);
                    } else {
                        b.avgPool(k, stride);
                    }
                } else if ((m = DENSE.matcher(t)).matches()) {
                    b.dense(positive(m.group(1), spec));
                    if (!last) {
                        b.activation(act);
                    }
                } else {
                    throw new IllegalArgumentException("unknown layer '" + t + "' (expected cFkK[sS][pP], pK, aK or dN)");
                }
            } catch (IllegalArgumentException | ArithmeticException e) {
                String msg = e.getMessage();
                throw new IllegalArgumentException("--arch '" + spec + "', item " + (i + 1) + " '" + t + "': " + msg, e);
            }
        }
        return b.build();
    }

    /**
     * What a model of this architecture holds, computed from the spec alone, before anything is allocated: the
     * number of parameters, the largest single parameter tensor (a Java array holds at most
     * {@link #MAX_TENSOR_ELEMENTS}), and the activations of one sample summed over the layers (the per-sample
     * memory of a forward pass). Counts are longs: an architecture too large to build is measured, not overflowed.
     */
    public record Size(long parameters, long largestTensor, long activationsPerSample) {
    }

    /** The largest array the JVM allocates (a few header words below Integer.MAX_VALUE). */
    public static final long MAX_TENSOR_ELEMENTS = Integer.MAX_VALUE - 8;

    /**
     * The {@link Size} of {@link #parse}'s model for {@code spec}; the same errors for a malformed spec, except those
     * only building finds (a kernel larger than its image), which {@link #parse} reports.
     */
    public static Size size(String spec) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        String[] parts;
        long c, h, w;
        if (s.startsWith("mlp:")) {
            parts = s.substring(4).split(",");
            if (parts.length < 2) {
                throw new IllegalArgumentException("--arch '" + spec + "': an mlp needs at least an input and an output width");
            }
            c = positive(parts[0], spec);
            h = 0;
        } else if (s.startsWith("cnn:")) {
            parts = s.substring(4).split(",");
            Shape in;
            try {
                in = Shape.parse(parts[0]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--arch '" + spec + "': the first item must be the input shape CxHxW, e.g. 1x28x28");
            }
            if (in.rank() != 3) {
                throw new IllegalArgumentException("--arch '" + spec + "': a cnn input must be CxHxW, got " + in);
            }
            c = in.dim(0);
            h = in.dim(1);
        } else {
            throw new IllegalArgumentException("--arch '" + spec + "': expected mlp:784,256,10 or cnn:1x28x28,c16k3,p2,d10");
        }
        // (c, h, w): an image c x h x w when h > 0, else a vector of c
        w = h == 0 ? 0 : Shape.parse(parts[0]).dim(2);
        boolean mlp = s.startsWith("mlp:");
        long params = 0, largest = 0, acts = h == 0 ? c : c * h * w;
        for (int i = 1; i < parts.length; i++) {
            String t = parts[i].trim();
            Matcher m;
            long weights, outs;
            if (mlp || (m = DENSE.matcher(t)).matches()) {
                long out = positive(mlp ? t : t.substring(1), spec);
                long in = h == 0 ? c : c * h * w;
                weights = in * out;
                params += weights + out;
                c = out;
                h = 0;
                w = 0;
                outs = out;
            } else if ((m = CONV.matcher(t)).matches() && h > 0) {
                long f = positive(m.group(1), spec), k = positive(m.group(2), spec);
                long stride = m.group(3) == null ? 1 : positive(m.group(3), spec);
                long pad = m.group(4) == null ? k / 2 : Long.parseLong(m.group(4));
                weights = f * c * k * k;
                params += weights + f;
                h = Math.max(1, (h + 2 * pad - k) / stride + 1);
                w = Math.max(1, (w + 2 * pad - k) / stride + 1);
                c = f;
                outs = c * h * w;
            } else if ((m = POOL.matcher(t)).matches() && h > 0) {
                long k = positive(m.group(2), spec);
                long stride = m.group(3) == null ? k : positive(m.group(3), spec);
                weights = 0;
                h = Math.max(1, (h - k) / stride + 1);
                w = Math.max(1, (w - k) / stride + 1);
                outs = c * h * w;
            } else {
                return new Size(params, largest, acts);   // parse reports what is wrong with this item
            }
            largest = Math.max(largest, weights);
            // an activation layer after every hidden layer doubles its outputs
            acts += (i < parts.length - 1 && weights > 0 ? 2 : 1) * outs;
        }
        return new Size(params, largest, acts);
    }

    private static void requireImage(ModelBuilder b, String token, String spec) {
        if (b.shape().rank() != 3) {
            throw new IllegalArgumentException("comes after a dense layer; convolutions and pooling need an image");
        }
    }

    private static int positive(String s, String spec) {
        try {
            int v = Integer.parseInt(s.trim());
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--arch '" + spec + "': '" + s + "' is not a positive integer");
    }
}
