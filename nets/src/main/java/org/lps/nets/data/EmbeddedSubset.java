package org.lps.nets.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds the Fashion-MNIST subset that ships in {@code nets/src/main/resources}: for each class, its first
 * {@link #TRAIN_PER_CLASS} training images and first {@link #TEST_PER_CLASS} test images in file order, so
 * the subset is stratified and fully determined by the full set. The limit is size: the gzipped IDX files
 * must stay under 2 MB, and Fashion-MNIST compresses only to about 0.55 bytes per pixel.
 *
 * <pre>java -cp nets/target/classes org.lps.nets.data.EmbeddedSubset /usr/share/datasets/fashion-mnist OUT_DIR</pre>
 */
public final class EmbeddedSubset {
    public static final int TRAIN_PER_CLASS = 300;
    public static final int TEST_PER_CLASS = 100;

    private EmbeddedSubset() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: EmbeddedSubset FASHION_MNIST_DIR OUT_DIR");
            System.exit(2);
        }
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        write(in, out, FashionMnist.TRAIN_IMAGES, FashionMnist.TRAIN_LABELS, TRAIN_PER_CLASS);
        write(in, out, FashionMnist.TEST_IMAGES, FashionMnist.TEST_LABELS, TEST_PER_CLASS);
    }

    private static void write(Path in, Path out, String images, String labels, int perClass) throws IOException {
        Idx.Array img = Idx.read(in.resolve(images + ".gz"));
        Idx.Array lab = Idx.read(in.resolve(labels + ".gz"));
        int[] picked = firstPerClass(lab.data(), FashionMnist.CLASSES, perClass);
        int item = img.itemSize();
        byte[] x = new byte[picked.length * item];
        byte[] y = new byte[picked.length];
        for (int i = 0; i < picked.length; i++) {
            System.arraycopy(img.data(), picked[i] * item, x, i * item, item);
            y[i] = lab.data()[picked[i]];
        }
        int[] dims = img.dims().clone();
        dims[0] = picked.length;
        Idx.write(out.resolve(images + ".gz"), dims, x, true);
        Idx.write(out.resolve(labels + ".gz"), new int[] {picked.length}, y, true);
        System.out.println(images + ": " + picked.length + " of " + img.count());
    }

    /** Indices of the first {@code perClass} samples of each class, in their original order. */
    static int[] firstPerClass(byte[] labels, int classes, int perClass) {
        int[] taken = new int[classes];
        int[] picked = new int[classes * perClass];
        int n = 0;
        for (int i = 0; i < labels.length && n < picked.length; i++) {
            int c = labels[i] & 0xff;
            if (c < classes && taken[c] < perClass) {
                taken[c]++;
                picked[n++] = i;
            }
        }
        if (n < picked.length) {
            throw new IllegalArgumentException("not enough samples: wanted " + perClass + " of each of " + classes + " classes");
        }
        return picked;
    }
}
