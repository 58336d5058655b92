package org.lps.init.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;

/**
 * The counts plot against k: the solves' finite, real and minima per degree on a log axis, the local searches' minima
 * dashed (every row that ran them, solved or not), no panel for a single k or when there is nothing to draw.
 */
class CountsPlotTest {

    private static BlockCounts.Row solved(int k, int d, long finite, long real, int minima, Integer random) {
        return new BlockCounts.Row(k, d, 3 * k + 1, BigInteger.TEN, BigInteger.TEN, BigInteger.TEN, null, 100L, 0L,
                finite, real, minima, 1, 0.3, 1.0, random == null ? null : 1000, random, random == null ? null : 0, 0.5,
                null, null, null, null, null, "homotopy", null);
    }

    private static BlockCounts.Row searched(int k, int d, int random) {
        return new BlockCounts.Row(k, d, 3 * k + 1, BigInteger.TEN, BigInteger.TEN, BigInteger.TEN, null, null, null,
                null, null, null, null, 0.3, null, 1000, random, null, 0.5, "not solved", null, null, null, null, "none",
                null);
    }

    private static double[] y(XYChart c, String series) {
        XYSeries s = c.getSeriesMap().get(series);
        assertTrue(s != null, series + " in " + c.getSeriesMap().keySet());
        return s.getYData();
    }

    @Test
    void solvedCountsAndLocalSearchMinimaAgainstK() {
        // docs/lps.md's d = 2 figures: k = 1 25/7/2, k = 2 273/29/3; k = 3, 4 by local search only; d = 3 at k = 1, 2
        List<BlockCounts.Row> rows = List.of(solved(1, 2, 25, 7, 2, 2), solved(1, 3, 25, 7, 2, null),
                solved(2, 2, 273, 29, 3, 3), solved(2, 3, 273, 29, 3, null), searched(3, 2, 2), searched(4, 2, 2));
        List<org.knowm.xchart.internal.chartpart.Chart<?, ?>> charts = CountsPlot.charts(rows);
        assertEquals(2, charts.size());
        XYChart c = (XYChart) charts.get(1);
        assertTrue(c.getStyler().isYAxisLogarithmic());
        assertArrayEquals(new double[] {25, 273}, y(c, "finite, d=2"));
        assertArrayEquals(new double[] {7, 29}, y(c, "real, d=2"));
        assertArrayEquals(new double[] {2, 3}, y(c, "minima, d=2"));
        assertArrayEquals(new double[] {1, 2}, c.getSeriesMap().get("minima, d=2").getXData());
        // the local searches: solved rows and the rows without a solve, k = 1..4, dashed
        XYSeries local = c.getSeriesMap().get("minima by local search (lower bound), d=2");
        assertArrayEquals(new double[] {1, 2, 3, 4}, local.getXData());
        assertArrayEquals(new double[] {2, 3, 2, 2}, local.getYData());
        assertEquals(SeriesLines.DASH_DASH, local.getLineStyle());
        assertFalse(SeriesLines.DASH_DASH.equals(c.getSeriesMap().get("minima, d=2").getLineStyle()));
        assertArrayEquals(new double[] {25, 273}, y(c, "finite, d=3"));
        assertFalse(c.getSeriesMap().containsKey("minima by local search (lower bound), d=3"));
        // a log axis from 1 to the decade above the largest count (273)
        assertEquals(1.0, c.getStyler().getYAxisMin());
        assertEquals(1000.0, c.getStyler().getYAxisMax(), 1e-9);
    }

    /** Two solvers for one (k, d): one point, the first solved row's. */
    @Test
    void oneCountPerKAndDegree() {
        BlockCounts.Row h = solved(1, 2, 25, 7, 2, null);
        BlockCounts.Row m = new BlockCounts.Row(1, 2, 4, BigInteger.TEN, BigInteger.TEN, BigInteger.TEN, null, 900L, 0L,
                25L, 7L, 2, 1, 0.36, 3.0, null, null, null, null, null, null, null, null, null, "monodromy", "passed");
        XYChart c = (XYChart) CountsPlot.charts(List.of(h, m, solved(2, 2, 273, 29, 3, null))).get(1);
        assertArrayEquals(new double[] {25, 273}, y(c, "finite, d=2"));
    }

    /** The bounds panel: one category per (k, d) whatever the number of solvers, with the solved row's finite count. */
    @Test
    void boundsOncePerKAndDegree() {
        List<BlockCounts.Row> rows = List.of(searched(1, 2, 2), solved(1, 2, 25, 7, 2, 2), searched(3, 2, 2));
        org.knowm.xchart.CategoryChart b = CountsPlot.bounds(rows);
        org.knowm.xchart.CategorySeries fin = b.getSeriesMap().get("finite solutions (0 = not solved)");
        assertEquals(List.of("k=1, d=2", "k=3, d=2"), List.copyOf(fin.getXData()));
        assertEquals(List.of(Math.log10(25), 0.0), List.copyOf(fin.getYData()));
    }

    @Test
    void noPanelAgainstKForOneKOrNothingToDraw() {
        assertEquals(1, CountsPlot.charts(List.of(solved(2, 2, 273, 29, 3, 3), solved(2, 3, 273, 29, 3, 3))).size());
        BlockCounts.Row bare1 = new BlockCounts.Row(1, 2, 4, BigInteger.TEN, BigInteger.TEN, BigInteger.TEN, null, null,
                null, null, null, null, null, null, null, null, null, null, null, "over budget", null, null, null, null,
                "homotopy", null);
        BlockCounts.Row bare2 = new BlockCounts.Row(2, 2, 7, BigInteger.TEN, BigInteger.TEN, BigInteger.TEN, null, null,
                null, null, null, null, null, null, null, null, null, null, null, "over budget", null, null, null, null,
                "homotopy", null);
        assertEquals(1, CountsPlot.charts(List.of(bare1, bare2)).size());
    }
}
