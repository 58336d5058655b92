package org.lps.nets.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lps.nets.init.He;
import org.lps.nets.layer.Activations;
import org.lps.nets.model.Architecture;
import org.lps.nets.model.Model;

class WeightsIoTest {
    @TempDir
    Path dir;

    private static Model model() {
        Model m = Architecture.parse("cnn:1x8x8,c4k3,p2,d3", Activations.relu());
        new He().initialize(m, 5);
        m.namedParameters().get("layer0.bias").values()[2] = 0.25f;
        return m;
    }

    @Test
    void safetensorsAndNpzRoundTrip() throws IOException {
        for (String ext : new String[] {".safetensors", ".npz"}) {
            Model a = model();
            Path f = dir.resolve("w" + ext);
            Weights.save(a, f, Map.of("arch", "cnn:1x8x8,c4k3,p2,d3"));
            Model b = Architecture.parse("cnn:1x8x8,c4k3,p2,d3", Activations.relu());
            Weights.load(b, f);
            a.namedParameters().forEach((name, p) -> assertArrayEquals(p.values(), b.namedParameters().get(name).values(), name));
            List<NamedArray> read = Weights.read(f);
            assertEquals(List.of("layer0.weight", "layer0.bias", "layer1.weight", "layer1.bias"), read.stream().map(NamedArray::name).toList());
            assertArrayEquals(new int[] {4, 1, 3, 3}, read.get(0).shape());
            assertArrayEquals(new int[] {3, 64}, read.get(2).shape());
        }
    }

    @Test
    void safetensorsLayoutByteForByte() throws IOException {
        Path f = dir.resolve("t.safetensors");
        SafeTensors.write(f, List.of(new NamedArray("a", new int[] {2}, new float[] {1f, -2f})), null);
        byte[] b = Files.readAllBytes(f);
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        long n = bb.getLong(0);
        assertEquals(0, (8 + n) % 8, "data 8-byte aligned");
        String header = new String(b, 8, (int) n, StandardCharsets.UTF_8).trim();
        assertEquals("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", header);
        assertEquals(1f, bb.getFloat((int) (8 + n)));
        assertEquals(-2f, bb.getFloat((int) (12 + n)));
        assertEquals(8 + n + 8, b.length);
    }

    @Test
    void malformedFilesAndMismatchesGetMessages() throws IOException {
        Path junk = dir.resolve("junk.safetensors");
        Files.write(junk, new byte[] {(byte) 200, 0, 0, 0, 0, 0, 0, 0, '{'});
        assertTrue(assertThrows(IOException.class, () -> SafeTensors.read(junk)).getMessage().contains("header length 200"));
        Path bad = dir.resolve("bad.safetensors");
        SafeTensors.write(bad, List.of(new NamedArray("a", new int[] {2}, new float[2])), null);
        byte[] b = Files.readAllBytes(bad);
        Files.write(bad, java.util.Arrays.copyOf(b, b.length - 4));
        assertTrue(assertThrows(IOException.class, () -> SafeTensors.read(bad)).getMessage().contains("outside the 4 data bytes"));
        Path small = dir.resolve("small.npz");
        Model other = Architecture.parse("mlp:3,2", Activations.relu());
        Weights.save(other, small, null);
        IOException e = assertThrows(IOException.class, () -> Weights.load(model(), small));
        assertTrue(e.getMessage().contains("no array 'layer0.weight'") || e.getMessage().contains("has shape"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Weights.save(other, dir.resolve("w.pt"), null));
        Path notZip = dir.resolve("x.npz");
        Files.writeString(notZip, "hello");
        assertThrows(IOException.class, () -> Npz.read(notZip));
    }
}
