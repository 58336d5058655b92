package org.lps.nets.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {
    @TempDir
    Path dir;

    @Test
    void roundTripRawAndGzip() throws IOException {
        byte[] data = new byte[2 * 3 * 4];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 11);
        }
        for (boolean gz : new boolean[] {false, true}) {
            Path f = dir.resolve("a" + gz);
            Idx.write(f, new int[] {2, 3, 4}, data, gz);
            Idx.Array a = Idx.read(f);
            assertArrayEquals(new int[] {2, 3, 4}, a.dims());
            assertArrayEquals(data, a.data());
            assertEquals(12, a.itemSize());
        }
    }

    @Test
    void parsesTheMnistHeaderByteForByte() throws IOException {
        // magic 0x00000801 (unsigned bytes, 1 dimension), count 3, then three labels
        byte[] file = {0, 0, 8, 1, 0, 0, 0, 3, 7, 0, (byte) 255};
        Idx.Array a = Idx.read(new ByteArrayInputStream(file), "labels");
        assertArrayEquals(new int[] {3}, a.dims());
        assertEquals(255, a.data()[2] & 0xff);
    }

    @Test
    void malformedFilesGetClearMessages() {
        assertMessage(new byte[] {0, 0, 8, 1, 0, 0, 0, 5, 1, 2}, "truncated IDX file: data of [5] needs 5 bytes, found 2");
        assertMessage(new byte[] {1, 2, 8, 1}, "not an IDX file");
        assertMessage(new byte[] {0, 0, 0x0D, 1, 0, 0, 0, 1}, "element type 0xd not supported");
        assertMessage(new byte[] {0, 0, 8}, "truncated IDX file: header");
        assertMessage(new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2}, "x.idx: corrupt or truncated gzip data");
    }

    private static void assertMessage(byte[] file, String fragment) {
        IOException e = assertThrows(IOException.class, () -> Idx.read(new ByteArrayInputStream(file), "x.idx"));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void embeddedSubsetIsStratified() {
        FashionMnist.Split s = FashionMnist.embedded();
        assertEquals(3000, s.train().size());
        assertEquals(1000, s.test().size());
        assertEquals("1x28x28", s.train().shape().toString());
        int[] perClass = new int[10];
        for (int l : s.train().labels()) {
            perClass[l]++;
        }
        for (int c : perClass) {
            assertEquals(300, c); // balanced: 3000 images over Fashion-MNIST's 10 classes
        }
        // Pixels scaled to [0, 1]; Fashion-MNIST's mean intensity is about 0.286.
        assertEquals(0.286, s.train().mean(), 0.02);
        FashionMnist.Split st = s.standardized();
        assertEquals(0, st.train().mean(), 1e-4);
        assertEquals(1, st.train().std(), 1e-4);
    }

    @Test
    void firstPerClassKeepsFileOrder() {
        byte[] labels = {2, 0, 2, 1, 0, 2, 1};
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 6}, EmbeddedSubset.firstPerClass(labels, 3, 2));
    }

    @Test
    void locatesTheFullSetOrSaysHowToGetIt() throws IOException {
        Path none = dir.resolve("none");
        Exception e = assertThrows(IOException.class, () -> FashionMnist.locate(null, none));
        assertEquals("Fashion-MNIST not found in " + none + ": install it with 'apt-get install dataset-fashion-mnist', or set LPS_DATA"
                + " to a directory holding train-images-idx3-ubyte[.gz] and the three other IDX files; or use --data embedded", e.getMessage());
        e = assertThrows(IOException.class, () -> FashionMnist.locate("/nowhere", none));
        assertTrue(e.getMessage().startsWith("Fashion-MNIST not found in $LPS_DATA=/nowhere nor in " + none), e.getMessage());
        Path own = dir.resolve("data/fashion-mnist");
        Files.createDirectories(own);
        Idx.write(own.resolve("train-images-idx3-ubyte"), new int[] {1, 1, 1}, new byte[1], false);
        assertEquals(own, FashionMnist.locate(dir.resolve("data").toString(), none));
    }

    @Test
    void missingFullSetSaysHowToGetIt() throws IOException {
        Files.createDirectories(dir.resolve("empty"));
        Exception e = assertThrows(IOException.class, () -> FashionMnist.byName(dir.resolve("empty").toString()));
        assertTrue(e.getMessage().contains("missing train-images-idx3-ubyte"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FashionMnist.byName("cifar"));
    }
}
