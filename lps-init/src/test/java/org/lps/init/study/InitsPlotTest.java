package org.lps.init.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

class InitsPlotTest {

    private static InitsStudy.Summary s(String method, int epoch, double mean) {
        return new InitsStudy.Summary("mlp:4,3,2", method, epoch, 5, mean, 0.01, mean - 0.01, mean + 0.01, 0.5, 0);
    }

    @Test
    void aSchemeThatDidNotTrainIsNamedInTheTitleInsteadOfStretchingTheAxis() {
        List<XYChart> charts = InitsPlot.charts(List.of(
                s("he", 1, 0.84), s("he", 2, 0.86),
                s("lps", 1, 0.85), s("lps", 2, 0.87),
                s("bad", 1, 0.10), s("bad", 2, 0.10)));
        assertEquals(1, charts.size());
        XYChart c = charts.get(0);
        assertEquals(2, c.getSeriesMap().size());
        assertTrue(c.getSeriesMap().containsKey("he") && c.getSeriesMap().containsKey("lps"));
        assertTrue(c.getTitle().contains("off scale: bad 0.100"), c.getTitle());
    }

    @Test
    void schemesWithinTheRangeAreAllDrawn() {
        XYChart c = InitsPlot.charts(List.of(s("he", 1, 0.80), s("lps", 1, 0.75))).get(0);
        assertEquals(2, c.getSeriesMap().size());
        assertEquals("mlp:4,3,2", c.getTitle());
    }
}
