package org.lps.init.study;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The lambda study's three panels, lambda on a log axis: the number of real critical points and of minima (with the
 * crossings marked), J of every minimum, and the best minimum's neurons (|w_j|, b_j): the prototypes LPS lifts.
 */
final class LambdaPlot {

    /** One hue per block width: dark for real points, the best minimum and |w_j|; light for minima and b_j. */
    private static final Color[] DARK = {new Color(0x1f4e9c), new Color(0xb2182b), new Color(0x1b7837), new Color(0x762a83)};
    private static final Color[] LIGHT = {new Color(0x6fa8dc), new Color(0xf4a582), new Color(0x7fbf7b), new Color(0xc2a5cf)};

    private LambdaPlot() {
    }

    static List<XYChart> charts(List<LambdaStudy.Result> results) {
        XYChart counts = chart("real critical points and minima", "count");
        XYChart loss = chart("J of each local minimum (line: the best)", "J");
        XYChart neurons = chart("best minimum's neurons: |w_j| (circles), b_j (squares)", "|w_j|, b_j");
        for (int ri = 0; ri < results.size(); ri++) {
            LambdaStudy.Result r = results.get(ri);
            String k = "k=" + r.k();
            Color dark = DARK[ri % DARK.length];
            Color light = LIGHT[ri % LIGHT.length];
            List<LambdaStudy.Point> g = r.grid();
            double[] lambda = g.stream().mapToDouble(LambdaStudy.Point::lambda).toArray();
            line(counts, k + " real points", lambda, g.stream().mapToDouble(LambdaStudy.Point::real).toArray(), dark);
            line(counts, k + " minima (orbits)", lambda, g.stream().mapToDouble(LambdaStudy.Point::minima).toArray(), light);
            if (!r.crossings().isEmpty()) {
                XYSeries c = counts.addSeries(k + " crossings", r.crossings().stream().mapToDouble(LambdaStudy.Crossing::lambda).toArray(),
                        r.crossings().stream().mapToDouble(x -> Math.max(x.realBelow(), x.realAbove())).toArray());
                c.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                c.setMarker(SeriesMarkers.TRIANGLE_DOWN);
                c.setMarkerColor(dark);
            }
            List<Double> mx = new ArrayList<>(), my = new ArrayList<>(), bx = new ArrayList<>(), by = new ArrayList<>();
            List<Double> wx = new ArrayList<>(), wy = new ArrayList<>(), ox = new ArrayList<>(), oy = new ArrayList<>();
            for (LambdaStudy.Point p : g) {
                for (LambdaStudy.Orbit o : p.orbits()) {
                    if (o.kind().equals("minimum")) {
                        mx.add(p.lambda());
                        my.add(o.loss());
                    }
                }
                LambdaStudy.Orbit best = p.best();
                if (best != null) {
                    bx.add(p.lambda());
                    by.add(best.loss());
                    for (int j = 0; j < r.k(); j++) {
                        wx.add(p.lambda());
                        wy.add(Math.abs(best.w()[j]));
                        ox.add(p.lambda());
                        oy.add(best.b()[j]);
                    }
                }
            }
            scatter(loss, k + " minima", mx, my, SeriesMarkers.CIRCLE, light);
            if (!bx.isEmpty()) {
                line(loss, k + " best", bx.stream().mapToDouble(Double::doubleValue).toArray(),
                        by.stream().mapToDouble(Double::doubleValue).toArray(), dark);
            }
            scatter(neurons, k + " |w_j|", wx, wy, SeriesMarkers.CIRCLE, dark);
            scatter(neurons, k + " b_j", ox, oy, SeriesMarkers.SQUARE, light);
        }
        return List.of(counts, loss, neurons);
    }

    private static XYChart chart(String title, String y) {
        XYChart c = new XYChartBuilder().width(640).height(520).title(title).xAxisTitle("lambda (log scale)")
                .yAxisTitle(y).build();
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        c.getStyler().setXAxisDecimalPattern("0.###");
        c.getStyler().setMarkerSize(6);
        return c;
    }

    private static void line(XYChart c, String name, double[] x, double[] y, Color color) {
        if (x.length == 0) {
            return;
        }
        XYSeries s = c.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
    }

    private static void scatter(XYChart c, String name, List<Double> x, List<Double> y,
                                org.knowm.xchart.style.markers.Marker marker, Color color) {
        if (x.isEmpty()) {
            return;
        }
        XYSeries s = c.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(marker);
        s.setMarkerColor(color);
    }
}
