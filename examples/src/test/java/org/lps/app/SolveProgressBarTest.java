package org.lps.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * The solve progress bar when AUTO switches plans: the total-degree paths tracked while the root counts run
 * (here 68 of 4608), then a start system with fewer paths than those already reported (26, polyhedral). It used
 * to keep the larger count and die painting a negative bar ("count is negative: -34").
 */
class SolveProgressBarTest {

    @Test
    void aNewPlanStartsItsCountAfresh() {
        StringWriter out = new StringWriter();
        try (SolveCommand.ProgressBar bar = new SolveCommand.ProgressBar(new PrintWriter(out))) {
            bar.update(68, 4608);
            bar.paint();
            assertTrue(out.toString().contains(" 68/4608 paths"), out.toString());
            bar.update(3, 26);
            bar.update(2, 26);   // workers report out of order within a plan
            bar.paint();
            assertTrue(out.toString().contains(" 3/26 paths"), out.toString());
            bar.update(26, 26);
            bar.paint();
            assertTrue(out.toString().contains("[##############################] 26/26 paths"), out.toString());
        }
    }
}
