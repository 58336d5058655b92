package org.lps.app;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The PNG of {@code lps bench demos}: per system, our process wall time over phc's against the total degree
 * (log-log), with the line of equal times; without phc, our wall time alone.
 */
final class DemosPlot {

    private DemosPlot() {
    }

    static byte[] png(List<BenchDemosCommand.Row> rows, boolean withPhc) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart c = new XYChartBuilder().width(900).height(560)
                .title(withPhc ? "lps solve / phc -b, process wall time, one process per system"
                        : "lps solve, process wall time, one process per system (phc not installed)")
                .xAxisTitle("total degree of the system")
                .yAxisTitle(withPhc ? "wall time ratio, ours / phc" : "wall time (s)").build();
        XYStyler st = c.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotGridLinesColor(new Color(0xdddddd));
        st.setLegendPosition(Styler.LegendPosition.InsideNW);
        st.setXAxisLogarithmic(true);
        st.setYAxisLogarithmic(true);
        List<BenchDemosCommand.Row> ok = rows.stream().filter(r -> r.ours().ok() && r.totalDegree() >= 1
                && (!withPhc || r.phc().ok())).toList();
        if (ok.isEmpty()) {
            // xchart refuses an empty chart; one invisible point keeps the axes
            c.addSeries("no system finished", new double[] {1}, new double[] {1}).setMarker(SeriesMarkers.NONE);
        } else {
            add(c, withPhc ? "phc under 1 s" : "solved", ok.stream().filter(r -> !withPhc || r.phc().seconds() < 1).toList(),
                    withPhc, SeriesMarkers.CIRCLE);
            add(c, "phc 1 s or more", ok.stream().filter(r -> withPhc && r.phc().seconds() >= 1).toList(),
                    withPhc, SeriesMarkers.DIAMOND);
            if (withPhc) {
                double lo = ok.stream().mapToDouble(BenchDemosCommand.Row::totalDegree).min().orElse(1);
                double hi = ok.stream().mapToDouble(BenchDemosCommand.Row::totalDegree).max().orElse(10);
                XYSeries one = c.addSeries("equal wall time", new double[] {lo, Math.max(hi, lo * 10)}, new double[] {1, 1});
                one.setMarker(SeriesMarkers.NONE);
                one.setLineColor(Color.GRAY);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BitmapEncoder.saveBitmap(c, out, BitmapEncoder.BitmapFormat.PNG);
        return out.toByteArray();
    }

    private static void add(XYChart c, String name, List<BenchDemosCommand.Row> rows, boolean withPhc,
                            org.knowm.xchart.style.markers.Marker marker) {
        if (rows.isEmpty()) {
            return;
        }
        double[] x = rows.stream().mapToDouble(BenchDemosCommand.Row::totalDegree).toArray();
        double[] y = rows.stream().mapToDouble(r -> withPhc ? r.ours().seconds() / r.phc().seconds() : r.ours().seconds())
                .toArray();
        XYSeries s = c.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(marker);
    }
}
