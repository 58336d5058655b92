package org.lps.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.lps.init.lps.block.BlockCache;
import org.lps.init.lps.block.BlockStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyInitsCommandTest {

    @TempDir
    Path dir;

    @Test
    void pairedDifferencesToTheFirstMethodInTheJsonAndTheTable() throws Exception {
        Path base = dir.resolve("inits");
        Cli.Run r = Cli.run("study", "inits", "--methods", "he,lps:design", "--seeds", "2", "--task", "mlp:784,16,10@1",
                "--data", "embedded", "--threads", "2", "--out", base.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(dir.resolve("inits.json").toFile());
        assertEquals("he", j.get("baseline").asText());
        JsonNode p = j.get("paired");
        assertEquals(1, p.size(), p.toString());
        assertEquals("lps:design", p.get(0).get("method").asText());
        assertEquals(2, p.get(0).get("seeds").asInt());
        // the paired mean is the difference of the two methods' means over the same seeds
        double he = 0, lps = 0;
        for (JsonNode s : j.get("results")) {
            if (s.get("method").asText().equals("he")) {
                he = s.get("meanAccuracy").asDouble();
            } else {
                lps = s.get("meanAccuracy").asDouble();
            }
        }
        assertEquals(lps - he, p.get(0).get("meanDifference").asDouble(), 1e-12);
        assertTrue(r.out().contains("test accuracy minus he's on the same seed"), r.out());
    }

    @Test
    void wideBlocksNeedAPathBudget() {
        InitCommandTest.assertBad("--methods lps:k=3:solver=homotopy: the block system (k = 3, d = 2) has 1129797 homotopy"
                + " paths, over --path-budget 100000", "study", "inits", "--methods", "he,lps:k=3:solver=homotopy", "--data",
                "embedded");
        InitCommandTest.assertBad("--path-budget must be at least 1, got 0", "study", "inits", "--methods", "he",
                "--path-budget", "0");
        InitCommandTest.assertBad("--methods 'lps:k=9'", "study", "inits", "--methods", "lps:k=9");
    }

    /**
     * lps:k=3 over its loop budget stops the study before any training (he, listed first, does not train first): the
     * monodromy progress, then one line with the budget's message, exit 1, no result files.
     */
    @Test
    void aBlockOverItsBudgetStopsTheStudyBeforeAnyTraining() {
        Path base = dir.resolve("inits");
        Cli.Run r = Cli.run("study", "inits", "--methods", "he,lps:k=3:budget=40", "--seeds", "1", "--task",
                "mlp:784,8,10@1", "--data", "embedded", "--threads", "2", "--no-cache", "--out", base.toString());
        assertEquals(1, r.exit(), r.err());
        List<String> lines = r.err().strip().lines().toList();
        String last = lines.get(lines.size() - 1);
        assertTrue(last.startsWith("lps study inits: the block solve by monodromy passed its budget of 40 loop paths"),
                last);
        assertTrue(r.err().contains("inits: block by monodromy: fixed subspace 1 of 7"), r.err());
        assertFalse(r.err().contains("[1/2]"), "no training run started: " + r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertFalse(Files.exists(dir.resolve("inits.json")));
    }

    /** The store's file of the k = 1 block by monodromy at the default settings (solver seed 42), if there is one. */
    private static Stream<Path> k1MonodromyFiles(Path store) throws Exception {
        if (!Files.isDirectory(store)) {
            return Stream.empty();
        }
        ObjectMapper json = new ObjectMapper();
        List<Path> found = new java.util.ArrayList<>();
        try (Stream<Path> files = Files.list(store)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                JsonNode key = json.readTree(f.toFile()).get("key");
                if (key != null && key.get("k").asText().equals("1") && key.get("solver").asText().equals("monodromy")
                        && key.get("lambda").asText().equals("0.1") && key.get("degree").asText().equals("2")
                        && key.get("activation").asText().equals("relu") && key.get("seed").asText().equals("42")) {
                    found.add(f);
                }
            }
        }
        return found.stream();
    }

    /**
     * A block solved once by lps init is read from the disk cache by the study (a new JVM: the memory cache cleared):
     * the study's stderr has none of monodromy's progress lines, which a solve always prints (--no-cache shows them),
     * and the file is not rewritten. The surefire configuration points the cache at target/test-cache.
     */
    @Test
    void aBlockSolvedByInitIsReadFromTheDiskCache() throws Exception {
        Path store = BlockStore.user().directory();
        try (Stream<Path> old = k1MonodromyFiles(store)) {
            for (Path f : old.toList()) {
                Files.delete(f);
            }
        }
        BlockCache.clear();
        String method = "lps:k=1:solver=monodromy";
        Cli.Run init = Cli.run("init", "--arch", "mlp:784,8,10", "--method", method);
        assertEquals(0, init.exit(), init.err());
        assertTrue(init.err().contains("lps: block by monodromy: "), "solved: " + init.err());
        Path file;
        try (Stream<Path> f = k1MonodromyFiles(store)) {
            file = f.findFirst().orElseThrow(() -> new AssertionError("lps init wrote no cache file in " + store));
        }
        byte[] bytes = Files.readAllBytes(file);
        FileTime written = Files.getLastModifiedTime(file);

        BlockCache.clear();
        Cli.Run r = Cli.run(study(method, "inits"));
        assertEquals(0, r.exit(), r.err());
        assertFalse(r.err().contains("block by monodromy"), "read from the cache, not solved: " + r.err());
        assertTrue(r.err().contains("inits: " + method + " on mlp:784,8,10: 1 block ready (monodromy"), r.err());
        assertArrayEquals(bytes, Files.readAllBytes(file));
        assertEquals(written, Files.getLastModifiedTime(file));

        BlockCache.clear();
        Cli.Run solved = Cli.run(study(method, "inits2", "--no-cache"));
        assertEquals(0, solved.exit(), solved.err());
        assertTrue(solved.err().contains("inits: block by monodromy: "), "--no-cache solves: " + solved.err());
        BlockCache.clear();
    }

    /** A one-seed, one-epoch study of {@code method} on the embedded data, writing dir/BASE.*. */
    private String[] study(String method, String base, String... more) {
        List<String> a = new java.util.ArrayList<>(List.of("study", "inits", "--methods", method, "--seeds", "1", "--task",
                "mlp:784,8,10@1", "--data", "embedded", "--threads", "2", "--out", dir.resolve(base).toString()));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }
}
