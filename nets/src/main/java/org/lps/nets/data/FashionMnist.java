package org.lps.nets.data;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fashion-MNIST: 28x28 grey images of 10 kinds of clothing, 60000 for training and 10000 for testing. The
 * full set is read from {@code $LPS_DATA} (the directory itself, or its {@code fashion-mnist} subdirectory),
 * else from {@code /usr/share/datasets/fashion-mnist} (Debian package {@code dataset-fashion-mnist}). A
 * stratified subset (see {@link EmbeddedSubset}) ships inside this module for demos and tests.
 */
public final class FashionMnist {
    public static final String DEBIAN_DIR = "/usr/share/datasets/fashion-mnist";
    static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
    static final String RESOURCE_DIR = "/org/lps/nets/data/fashion-mnist-subset/";
    public static final int CLASSES = 10;

    private FashionMnist() {
    }

    /** A training set and its test set. */
    public record Split(Dataset train, Dataset test) {
        /** Both standardized with the training set's mean and standard deviation (one scalar each). */
        public Split standardized() {
            double m = train.mean();
            double s = train.std();
            return new Split(train.standardized(m, s), test.standardized(m, s));
        }
    }

    /** The full set from {@code LPS_DATA} or the Debian package's directory; a clear message when absent. */
    public static Split load() throws IOException {
        return load(locate());
    }

    /** The directory holding the full set, or a {@link FileNotFoundException} saying how to get it. */
    public static Path locate() throws FileNotFoundException {
        return locate(System.getenv("LPS_DATA"), Path.of(DEBIAN_DIR));
    }

    static Path locate(String env, Path deb) throws FileNotFoundException {
        if (env != null && !env.isBlank()) {
            for (Path d : new Path[] {Path.of(env), Path.of(env, "fashion-mnist")}) {
                if (find(d, TRAIN_IMAGES) != null) {
                    return d;
                }
            }
        }
        if (find(deb, TRAIN_IMAGES) != null) {
            return deb;
        }
        throw new FileNotFoundException("Fashion-MNIST not found in " + (env == null || env.isBlank() ? "" : "$LPS_DATA=" + env + " nor in ")
                + deb + ": install it with 'apt-get install dataset-fashion-mnist', or set LPS_DATA to a directory holding "
                + TRAIN_IMAGES + "[.gz] and the three other IDX files; or use --data embedded");
    }

    /** Reads the four IDX files (gzipped or not) from a directory. */
    public static Split load(Path dir) throws IOException {
        return new Split(read(dir, TRAIN_IMAGES, TRAIN_LABELS), read(dir, TEST_IMAGES, TEST_LABELS));
    }

    private static Dataset read(Path dir, String images, String labels) throws IOException {
        Path i = require(dir, images);
        Path l = require(dir, labels);
        return Dataset.fromIdx(Idx.read(i), Idx.read(l), CLASSES, i.toString());
    }

    private static Path require(Path dir, String name) throws FileNotFoundException {
        Path p = find(dir, name);
        if (p == null) {
            throw new FileNotFoundException("Fashion-MNIST in " + dir + ": missing " + name + " (or " + name + ".gz)");
        }
        return p;
    }

    private static Path find(Path dir, String name) {
        for (Path p : new Path[] {dir.resolve(name + ".gz"), dir.resolve(name)}) {
            if (Files.isReadable(p)) {
                return p;
            }
        }
        return null;
    }

    /** The subset shipped in this module: {@link EmbeddedSubset#TRAIN_PER_CLASS} and {@link EmbeddedSubset#TEST_PER_CLASS} per class. */
    public static Split embedded() {
        try {
            return new Split(resource(TRAIN_IMAGES, TRAIN_LABELS), resource(TEST_IMAGES, TEST_LABELS));
        } catch (IOException e) {
            throw new IllegalStateException("the embedded Fashion-MNIST subset is missing from the classpath", e);
        }
    }

    private static Dataset resource(String images, String labels) throws IOException {
        return Dataset.fromIdx(resourceIdx(images), resourceIdx(labels), CLASSES, "embedded " + images);
    }

    private static Idx.Array resourceIdx(String name) throws IOException {
        String path = RESOURCE_DIR + name + ".gz";
        try (InputStream in = FashionMnist.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new FileNotFoundException(path);
            }
            return Idx.read(in, path);
        }
    }

    /**
     * {@code embedded}, {@code fashion-mnist}, or a directory holding the four IDX files of an MNIST-format
     * set (MNIST itself works), as the {@code --data} flag takes them.
     */
    public static Split byName(String name) throws IOException {
        switch (name) {
            case "embedded": return embedded();
            case "fashion-mnist": return load();
            default:
                if (Files.isDirectory(Path.of(name))) {
                    return load(Path.of(name));
                }
                throw new IllegalArgumentException("--data '" + name + "': expected fashion-mnist, embedded or a directory of IDX files");
        }
    }
}
