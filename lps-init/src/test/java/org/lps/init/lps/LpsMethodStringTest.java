package org.lps.init.lps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lps.init.Initializers;
import org.lps.init.lps.block.BlockSolver;

/** The block's solver and monodromy's loop-path budget in the method string ({@code lps:k=3:solver=monodromy:budget=N}). */
class LpsMethodStringTest {

    private static LpsSettings settings(String method) {
        return ((LpsInitializer) Initializers.parse(method)).settings();
    }

    /** Unless solver= says otherwise: the homotopy up to k = 2, monodromy from k = 3 on (1129797 homotopy paths). */
    @ParameterizedTest
    @CsvSource({"lps:design,homotopy", "lps,homotopy", "lps:k=2,homotopy", "lps:k=3,monodromy", "lps:k=4:d=3,monodromy",
            "lps:k=3:solver=homotopy,homotopy", "lps:k=1:solver=monodromy,monodromy",
            "lps:solver=homotopy:design:k=3,homotopy"})
    void solverByWidthUnlessGiven(String method, String solver) {
        assertEquals(solver, settings(method).solver().label());
    }

    @Test
    void budgetReachesTheSettings() {
        assertEquals(BlockSolver.DEFAULT_LOOP_BUDGET, settings("lps:k=3").loopBudget());
        assertEquals(2_000_000L, BlockSolver.DEFAULT_LOOP_BUDGET);
        assertEquals(40, settings("lps:k=3:budget=40").loopBudget());
        assertEquals(1, settings("lps:solver=monodromy:budget=1").loopBudget());
        // in any order, with design's reset before the others
        assertEquals(123456789012L, settings("lps:budget=123456789012:design:solver=monodromy").loopBudget());
        assertFalse(settings("lps").loopBudget() < 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", "x", "1.5", "1e6", "99999999999999999999"})
    void badBudgetsNameTheParameterAndTheRule(String value) {
        String method = "lps:k=3:budget=" + value;
        String m = assertThrows(IllegalArgumentException.class, () -> Initializers.parse(method)).getMessage();
        assertTrue(m.startsWith("'" + method + "': parameter 'budget=" + value + "': the loop-path budget must be"), m);
        assertEquals(1, m.lines().count(), m);
    }

    /** The homotopy's work is its path count (lps init --path-budget): a loop budget there is a mistake, said so. */
    @ParameterizedTest
    @ValueSource(strings = {"lps:budget=100", "lps:k=3:solver=homotopy:budget=100", "lps:design:budget=5"})
    void aBudgetWithoutMonodromyIsRefused(String method) {
        String m = assertThrows(IllegalArgumentException.class, () -> Initializers.parse(method)).getMessage();
        assertTrue(m.contains("budget= is the loop-path budget of solver=monodromy"), m);
        assertTrue(m.endsWith("add solver=monodromy"), m);
    }

    @Test
    void theBudgetIsGivenOnce() {
        String m = assertThrows(IllegalArgumentException.class,
                () -> Initializers.parse("lps:k=3:budget=10:budget=20")).getMessage();
        assertTrue(m.contains("parameter budget is given twice"), m);
    }

    @Test
    void javaSettingsCheckTheBudgetToo() {
        String m = assertThrows(IllegalArgumentException.class, () -> LpsSettings.defaults().loopBudget(0))
                .getMessage();
        assertEquals("the monodromy budget must be at least 1 loop path, got 0", m);
    }
}
