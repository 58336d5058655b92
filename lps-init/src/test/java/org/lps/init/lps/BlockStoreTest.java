package org.lps.init.lps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lps.init.lps.block.BlockCache;
import org.lps.init.lps.block.BlockStore;
import org.lps.nets.layer.Activations;
import org.lps.nets.layer.ParameterizedLayer;
import org.lps.nets.model.Architecture;
import org.lps.nets.model.Model;

/**
 * The block cache on disk (a temporary directory, never the user's): a second initialization in a "new JVM" (the
 * in-memory cache cleared) reads the file and gives bit-identical weights; a truncated, foreign or tampered file
 * gives one line on stderr and a re-solve with the same weights, never other ones.
 */
class BlockStoreTest {

    private static final String ARCH = "mlp:16,8,4";

    /** Whether the last {@link #init} reported its block as cached. */
    private static boolean lastCached;

    private static List<float[]> init(BlockStore store) {
        BlockCache.clear();
        Model m = Architecture.parse(ARCH, Activations.relu());
        LpsInitializer lps = new LpsInitializer(LpsSettings.design().threads(2).store(store));
        lps.initialize(m, 7);
        assertEquals(1, lps.report().blocks().size());
        lastCached = lps.report().blocks().get(0).cached();
        List<float[]> w = new ArrayList<>();
        for (ParameterizedLayer l : m.parameterizedLayers()) {
            w.add(l.weight().values().clone());
            w.add(l.bias().values().clone());
        }
        return w;
    }

    private static void assertSame(List<float[]> a, List<float[]> b) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i), b.get(i));
        }
    }

    private static Path onlyFile(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> f = s.filter(p -> p.toString().endsWith(".json")).toList();
            assertEquals(1, f.size());
            return f.get(0);
        }
    }

    @Test
    void aSecondRunReadsTheFileAndGivesIdenticalWeights(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        BlockStore store = new BlockStore(dir, new PrintStream(err, true, StandardCharsets.UTF_8));
        List<float[]> first = init(store);
        assertFalse(lastCached, "the first run solves");
        Path f = onlyFile(dir);
        long written = Files.getLastModifiedTime(f).toMillis();
        List<float[]> second = init(store);
        assertTrue(lastCached, "the report says the block came from the disk cache");
        assertSame(first, second);
        assertEquals(written, Files.getLastModifiedTime(f).toMillis(), "a valid file is read, not rewritten");
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        // without a store: the same weights, solved
        assertSame(first, init(null));
    }

    @Test
    void aBadFileIsReportedOnceAndSolvedAgain(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        BlockStore store = new BlockStore(dir, new PrintStream(err, true, StandardCharsets.UTF_8));
        List<float[]> first = init(store);
        Path f = onlyFile(dir);
        String good = Files.readString(f);
        String[] bad = {
            good.substring(0, good.length() / 2),                                   // truncated
            "",                                                                     // empty
            "{\"hello\": 1}",                                                       // foreign JSON
            good.replace("\"lambda\" : \"0.1\"", "\"lambda\" : \"0.2\""),           // another block's key
            tamperFirstTheta(good),                                                 // a minimum moved
        };
        for (String text : bad) {
            Files.writeString(f, text);
            err.reset();
            List<float[]> again = init(store);
            assertFalse(lastCached, "a bad file is solved again, and the report says so");
            assertSame(first, again);
            String msg = err.toString(StandardCharsets.UTF_8);
            assertEquals(1, msg.lines().count(), msg);
            assertTrue(msg.startsWith("lps: block cache " + f) && msg.contains("solving the block again"), msg);
            // the re-solve rewrote the file: the next run reads it without a word
            err.reset();
            assertSame(first, init(store));
            assertEquals("", err.toString(StandardCharsets.UTF_8));
        }
    }

    /** The first coordinate of the first minimum, changed in its fourth digit. */
    private static String tamperFirstTheta(String json) {
        int at = json.indexOf("\"theta\"");
        int start = json.indexOf('[', at) + 1;
        while (Character.isWhitespace(json.charAt(start))) {
            start++;
        }
        int end = start;
        while ("-+.0123456789eE".indexOf(json.charAt(end)) >= 0) {
            end++;
        }
        double x = Double.parseDouble(json.substring(start, end));
        return json.substring(0, start) + (x * 1.001) + json.substring(end);
    }
}
