package org.lps.init.lps.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Monodromy's loop-path budget and the block cache: a solve that spends its budget is neither remembered nor written to
 * the disk store, and the budget is not part of the key (a solve that completes gives the same solution under any
 * budget, so a later call with a smaller budget gets it from the cache instead of failing).
 */
class BlockCacheBudgetTest {

    /** k = 1 by monodromy: seconds; a seed no other test uses, so the in-memory cache starts empty for it. */
    private static final BlockSpec SPEC = BlockSpec.defaults().activation("relu").degree(2).width(1).lambda(0.1);
    private static final long SEED = 9137;

    @AfterEach
    void forget() {
        BlockCache.clear();
    }

    private static long files(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".json")).count();
        }
    }

    @Test
    void aSolveOverBudgetIsNotCachedAndTheBudgetIsNotPartOfTheKey(@TempDir Path dir) throws Exception {
        BlockCache.clear();
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        BlockStore store = new BlockStore(dir, new PrintStream(warnings, true, StandardCharsets.UTF_8));
        BudgetExceededException over = assertThrows(BudgetExceededException.class, () -> BlockCache.solve(SPEC, SEED, 2,
                BlockSolver.Method.MONODROMY, store, null, null, 1));
        assertTrue(over.getMessage().contains("budget of 1 loop paths"), over.getMessage());
        assertTrue(over.getMessage().contains("lps:...:solver=monodromy:budget=N"), over.getMessage());
        assertTrue(over.getMessage().contains("lps study counts --loop-budget N"), over.getMessage());
        assertFalse(BlockCache.contains(SPEC, SEED, BlockSolver.Method.MONODROMY));
        assertEquals(0, files(dir), "nothing written for a solve that did not complete");

        // the same key with room: solved, remembered and stored; the counts are the homotopy's (docs/lps.md)
        BlockSolution solved = BlockCache.solve(SPEC, SEED, 2, BlockSolver.Method.MONODROMY, store, null, null,
                BlockSolver.DEFAULT_LOOP_BUDGET);
        assertEquals(25, solved.finite());
        assertEquals(7, solved.realCritical());
        assertEquals(2, solved.minima().size());
        assertTrue(BlockCache.contains(SPEC, SEED, BlockSolver.Method.MONODROMY));
        assertEquals(1, files(dir));

        // a smaller budget afterwards: the remembered solution, not a new (failing) solve
        assertSame(solved, BlockCache.solve(SPEC, SEED, 2, BlockSolver.Method.MONODROMY, store, null, null, 1));
        // and in a "new JVM": from the file, whatever the budget
        BlockCache.clear();
        BlockSolution read = BlockCache.solve(SPEC, SEED, 2, BlockSolver.Method.MONODROMY, store, null, null, 1);
        assertTrue(BlockCache.fromStore(SPEC, SEED, BlockSolver.Method.MONODROMY));
        assertEquals(solved.finite(), read.finite());
        assertEquals(solved.best().loss(), read.best().loss(), 0.0);
        assertEquals("", warnings.toString(StandardCharsets.UTF_8));
    }
}
