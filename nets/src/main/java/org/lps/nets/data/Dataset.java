package org.lps.nets.data;

import org.lps.nets.tensor.Shape;

/**
 * Labelled samples in memory: {@code size} samples of {@link #shape()} stored one after the other as floats,
 * and a class label per sample.
 */
public final class Dataset {
    private final float[] x;
    private final int[] labels;
    private final Shape shape;
    private final int classes;

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
        this.shape = shape;
        this.classes = classes;
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
        return labels.length;
    }

    public Shape shape() {
        return shape;
    }

    public int classes() {
        return classes;
    }

    /** All samples, flat; live (read it, do not write it). */
    public float[] features() {
        return x;
    }

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
        return new Dataset(y, shape, labels, classes);
    }

    /** The samples at the given indices, in that order. */
    public Dataset subset(int[] indices) {
        int n = shape.size();
        float[] y = new float[indices.length * n];
        int[] l = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(x, indices[i] * n, y, i * n, n);
            l[i] = labels[indices[i]];
        }
        return new Dataset(y, shape, l, classes);
    }
}
