package org.lps.nets.data;

import org.lps.nets.tensor.Shape;

/**
 * Samples in memory: {@code size} samples of {@link #shape()} stored one after the other as floats, and per
 * sample either a class label (classification) or {@link #targetSize()} target values (regression, e.g.
 * fitting |x| with a deep narrow network under the mean squared error).
 */
public final class Dataset {
    private final float[] x;
    private final int[] labels;
    private final float[] targets;
    private final int targetSize;
    private final int size;
    private final Shape shape;
    private final int classes;

    /** A classification set: one label in 0..classes-1 per sample. */
    public Dataset(float[] x, Shape shape, int[] labels, int classes) {
        if (x.length != (long) labels.length * shape.size()) {
            throw new IllegalArgumentException("dataset: " + x.length + " values are not " + labels.length + " samples of " + shape);
        }
        for (int l : labels) {
            if (l < 0 || l >= classes) {
                throw new IllegalArgumentException("dataset: label " + l + " outside 0.." + (classes - 1));
            }
        }
        this.x = x;
        this.labels = labels;
        this.targets = null;
        this.targetSize = 0;
        this.size = labels.length;
        this.shape = shape;
        this.classes = classes;
    }

    private Dataset(float[] x, Shape shape, float[] targets, int targetSize) {
        if (targetSize < 1 || targets.length % targetSize != 0 || x.length != (long) (targets.length / targetSize) * shape.size()) {
            throw new IllegalArgumentException("dataset: " + x.length + " values and " + targets.length + " targets are not "
                    + "samples of " + shape + " with " + targetSize + " targets each");
        }
        this.x = x;
        this.labels = null;
        this.targets = targets;
        this.targetSize = targetSize;
        this.size = targets.length / targetSize;
        this.shape = shape;
        this.classes = 0;
    }

    /** A regression set: {@code targetSize} target values per sample, stored like the samples. */
    public static Dataset regression(float[] x, Shape shape, float[] targets, int targetSize) {
        return new Dataset(x, shape, targets, targetSize);
    }

    /** True when the samples carry target values rather than labels. */
    public boolean isRegression() {
        return targets != null;
    }

    /** Target values, {@link #targetSize()} per sample; null for a classification set. Live. */
    public float[] targets() {
        return targets;
    }

    /** Target values per sample; 0 for a classification set. */
    public int targetSize() {
        return targetSize;
    }

    /** Images from IDX arrays, pixels scaled to [0, 1]; a 3-D image array becomes 1xHxW samples. */
    public static Dataset fromIdx(Idx.Array images, Idx.Array labels, int classes, String source) {
        if (images.count() != labels.count()) {
            throw new IllegalArgumentException(source + ": " + images.count() + " images but " + labels.count() + " labels");
        }
        int[] d = images.dims();
        Shape s = d.length == 3 ? Shape.of(1, d[1], d[2]) : d.length == 4 ? Shape.of(d[1], d[2], d[3]) : Shape.of(images.itemSize());
        byte[] px = images.data();
        float[] x = new float[px.length];
        for (int i = 0; i < px.length; i++) {
            x[i] = (px[i] & 0xff) / 255f;
        }
        byte[] lb = labels.data();
        int[] l = new int[lb.length];
        for (int i = 0; i < lb.length; i++) {
            l[i] = lb[i] & 0xff;
            if (l[i] >= classes) {
                throw new IllegalArgumentException(source + ": label " + l[i] + " at index " + i + " outside 0.." + (classes - 1));
            }
        }
        return new Dataset(x, s, l, classes);
    }

    public int size() {
        return size;
    }

    public Shape shape() {
        return shape;
    }

    /** Number of classes; 0 for a regression set. */
    public int classes() {
        return classes;
    }

    /** All samples, flat; live (read it, do not write it). */
    public float[] features() {
        return x;
    }

    /** One label per sample; null for a regression set. Live. */
    public int[] labels() {
        return labels;
    }

    /** Mean of all values. */
    public double mean() {
        double s = 0;
        for (float v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** Population standard deviation of all values. */
    public double std() {
        double m = mean();
        double s = 0;
        for (float v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / x.length);
    }

    /** (x - mean) / std for every value: the standardized inputs of the recipes. */
    public Dataset standardized(double mean, double std) {
        if (!(std > 0)) {
            throw new IllegalArgumentException("standardization needs std > 0, got " + std);
        }
        float[] y = new float[x.length];
        float m = (float) mean;
        float inv = (float) (1 / std);
        for (int i = 0; i < x.length; i++) {
            y[i] = (x[i] - m) * inv;
        }
        return targets != null ? new Dataset(y, shape, targets, targetSize) : new Dataset(y, shape, labels, classes);
    }

    /** The samples at the given indices, in that order. */
    public Dataset subset(int[] indices) {
        int n = shape.size();
        float[] y = new float[indices.length * n];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(x, indices[i] * n, y, i * n, n);
        }
        if (targets != null) {
            float[] t = new float[indices.length * targetSize];
            for (int i = 0; i < indices.length; i++) {
                System.arraycopy(targets, indices[i] * targetSize, t, i * targetSize, targetSize);
            }
            return new Dataset(y, shape, t, targetSize);
        }
        int[] l = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            l[i] = labels[indices[i]];
        }
        return new Dataset(y, shape, l, classes);
    }
}
