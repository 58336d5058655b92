package org.lps.init.study;

import java.awt.Color;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The counts study's plot: the root counts against the finite solutions per (k, d), and, when several k are given,
 * the finite and real critical points and the minima against k on a log axis, one marker per degree; the minima that
 * random-start local searches found are drawn dashed, apart from the solves' counts: without a solve they are only a
 * lower bound.
 */
final class CountsPlot {

    /** One hue per quantity, one marker per degree d = 2, 3, 4, ... */
    private static final Color FINITE = new Color(0x1f4e9c);
    private static final Color REAL = new Color(0x1b7837);
    private static final Color MINIMA = new Color(0xb2182b);
    private static final Color LOCAL = new Color(0xe08214);
    private static final Marker[] BY_DEGREE = {SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND,
        SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN};

    private CountsPlot() {
    }

    /** The bounds panel, and the panel against k when the rows have two or more k. */
    static List<Chart<?, ?>> charts(List<BlockCounts.Row> rows) {
        List<Chart<?, ?>> charts = new ArrayList<>();
        charts.add(bounds(rows));
        if (rows.stream().map(BlockCounts.Row::k).distinct().count() >= 2) {
            XYChart k = againstK(rows);
            if (!k.getSeriesMap().isEmpty()) {
                charts.add(k);
            }
        }
        return charts;
    }

    private static double log10(BigInteger x) {
        return x == null ? 0.0 : Math.log10(Math.max(1.0, x.doubleValue()));
    }

    /** log10 of the bounds and of the finite solutions per (k, d) (0 for 0, 1 or not computed). */
    static CategoryChart bounds(List<BlockCounts.Row> rows) {
        CategoryChart chart = new CategoryChartBuilder().width(1000).height(520)
                .title("LPS block systems: root counts and finite solutions")
                .xAxisTitle("k, d").yAxisTitle("log10 count").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        // one category per (k, d): its bounds, and the finite solutions of its first solved row (several solvers give
        // a (k, d) a row each, with the same bounds)
        Map<String, BlockCounts.Row> cells = new LinkedHashMap<>();
        for (BlockCounts.Row r : rows) {
            String key = "k=" + r.k() + ", d=" + r.d();
            BlockCounts.Row seen = cells.get(key);
            if (seen == null || seen.finite() == null && r.finite() != null) {
                cells.put(key, r);
            }
        }
        List<String> x = new ArrayList<>();
        List<Double> td = new ArrayList<>();
        List<Double> mh = new ArrayList<>();
        List<Double> lp = new ArrayList<>();
        List<Double> mv = new ArrayList<>();
        List<Double> fin = new ArrayList<>();
        for (Map.Entry<String, BlockCounts.Row> e : cells.entrySet()) {
            BlockCounts.Row r = e.getValue();
            x.add(e.getKey());
            td.add(log10(r.totalDegree()));
            mh.add(log10(r.mhomBezout()));
            lp.add(log10(r.linearProductBound()));
            mv.add(log10(r.mixedVolume()));
            fin.add(r.finite() == null ? 0.0 : Math.log10(Math.max(1.0, r.finite())));
        }
        chart.addSeries("total degree", x, td);
        chart.addSeries("m-hom Bezout", x, mh);
        chart.addSeries("linear product", x, lp);
        chart.addSeries("mixed volume (0 = over work limit)", x, mv);
        chart.addSeries("finite solutions (0 = not solved)", x, fin);
        return chart;
    }

    /**
     * Finite, real critical points and minima (from the first solved row of each (k, d)) against k, log axis, a line per
     * degree; dashed, the distinct minima the local searches found (every row that ran them, solved or not). No
     * series when no row was solved or searched.
     */
    static XYChart againstK(List<BlockCounts.Row> rows) {
        XYChart c = new XYChartBuilder().width(760).height(520)
                .title("critical points and minima against k")
                .xAxisTitle("block width k").yAxisTitle("count (log scale)").build();
        c.getStyler().setYAxisLogarithmic(true);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setXAxisDecimalPattern("0");
        c.getStyler().setXAxisMaxLabelCount(rows.stream().map(BlockCounts.Row::k).distinct().toList().size());
        c.getStyler().setMarkerSize(8);
        TreeSet<Integer> degrees = new TreeSet<>();
        rows.forEach(r -> degrees.add(r.d()));
        int di = 0;
        for (int d : degrees) {
            Marker marker = BY_DEGREE[di++ % BY_DEGREE.length];
            Map<Integer, BlockCounts.Row> solved = new LinkedHashMap<>();
            Map<Integer, BlockCounts.Row> searched = new LinkedHashMap<>();
            for (BlockCounts.Row r : rows) {
                if (r.d() != d) {
                    continue;
                }
                if (r.finite() != null) {
                    solved.putIfAbsent(r.k(), r);
                }
                if (r.randomMinima() != null) {
                    searched.putIfAbsent(r.k(), r);
                }
            }
            String dl = ", d=" + d;
            // the local searches first, so that where they agree with a solve its minima are drawn over them
            series(c, "minima by local search (lower bound)" + dl, searched, r -> r.randomMinima().doubleValue(), LOCAL,
                    marker, true);
            series(c, "finite" + dl, solved, r -> r.finite().doubleValue(), FINITE, marker, false);
            series(c, "real" + dl, solved, r -> r.real().doubleValue(), REAL, marker, false);
            series(c, "minima" + dl, solved, r -> r.minima().doubleValue(), MINIMA, marker, false);
        }
        // a log axis labels only its decades: from 1 to the decade above the largest count, so there are at least two
        double top = c.getSeriesMap().values().stream().flatMapToDouble(x -> java.util.Arrays.stream(x.getYData()))
                .max().orElse(1);
        c.getStyler().setYAxisMin(1.0);
        c.getStyler().setYAxisMax(Math.pow(10, Math.max(1, Math.ceil(Math.log10(top) + 1e-9))));
        return c;
    }

    /** One series over k; points with a count below 1 are left out (a log axis), an empty series is not drawn. */
    private static void series(XYChart c, String name, Map<Integer, BlockCounts.Row> byK,
                               Function<BlockCounts.Row, Double> y, Color color, Marker marker, boolean dashed) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        new TreeSet<>(byK.keySet()).forEach(k -> {
            double v = y.apply(byK.get(k));
            if (v >= 1) {
                xs.add((double) k);
                ys.add(v);
            }
        });
        if (xs.isEmpty()) {
            return;
        }
        XYSeries s = c.addSeries(name, xs, ys);
        s.setLineColor(color);
        s.setMarkerColor(color);
        s.setMarker(marker);
        if (dashed) {
            s.setLineStyle(SeriesLines.DASH_DASH);
        }
    }
}
