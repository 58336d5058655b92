package org.lps.init.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** One chart per architecture: mean test accuracy per epoch for each scheme, with the spread over seeds. */
final class InitsPlot {

    /** Schemes whose last mean accuracy is this far below the best one's are left off the axis. */
    static final double OFF_SCALE = 0.1;

    private InitsPlot() {
    }

    static List<XYChart> charts(List<InitsStudy.Summary> summaries) {
        Map<String, List<InitsStudy.Summary>> byArch = new LinkedHashMap<>();
        for (InitsStudy.Summary s : summaries) {
            byArch.computeIfAbsent(s.arch(), k -> new ArrayList<>()).add(s);
        }
        List<XYChart> charts = new ArrayList<>();
        for (Map.Entry<String, List<InitsStudy.Summary>> e : byArch.entrySet()) {
            // a scheme that did not train (diverged, or far behind) would stretch the axis until the others' differences,
            // often a few tenths of a percent, are invisible: it is named in the title with its last mean instead
            Map<String, Double> last = new LinkedHashMap<>();
            for (InitsStudy.Summary s : e.getValue()) {
                if (Double.isFinite(s.meanAccuracy())) {
                    last.merge(s.method(), s.meanAccuracy(), (a, b) -> b);
                }
            }
            double best = last.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
            List<String> offScale = new ArrayList<>();
            for (Map.Entry<String, Double> m : last.entrySet()) {
                if (m.getValue() < best - OFF_SCALE) {
                    offScale.add(String.format(java.util.Locale.ROOT, "%s %.3f", m.getKey(), m.getValue()));
                }
            }
            String title = e.getKey() + (offScale.isEmpty() ? "" : "  (off scale: " + String.join(", ", offScale) + ")");
            XYChart chart = new XYChartBuilder().width(760).height(560)
                    .title(title).xAxisTitle("epoch").yAxisTitle("test accuracy (mean, bars: std over seeds)").build();
            chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
            chart.getStyler().setErrorBarsColorSeriesColor(true);
            chart.getStyler().setXAxisDecimalPattern("0");
            chart.getStyler().setYAxisDecimalPattern("0.000");
            Map<String, List<InitsStudy.Summary>> byMethod = new LinkedHashMap<>();
            for (InitsStudy.Summary s : e.getValue()) {
                byMethod.computeIfAbsent(s.method(), k -> new ArrayList<>()).add(s);
            }
            LinkedHashSet<Integer> epochs = new LinkedHashSet<>();
            for (Map.Entry<String, List<InitsStudy.Summary>> m : byMethod.entrySet()) {
                List<InitsStudy.Summary> rows = m.getValue().stream()
                        .filter(s -> Double.isFinite(s.meanAccuracy())).toList();
                if (rows.isEmpty() || last.get(m.getKey()) < best - OFF_SCALE) {
                    continue;
                }
                double[] x = new double[rows.size()], y = new double[rows.size()], err = new double[rows.size()];
                for (int i = 0; i < x.length; i++) {
                    x[i] = rows.get(i).epoch();
                    y[i] = rows.get(i).meanAccuracy();
                    err[i] = rows.get(i).stdAccuracy();
                    epochs.add(rows.get(i).epoch());
                }
                XYSeries series = chart.addSeries(m.getKey(), x, y, err);
                series.setMarker(m.getKey().equals("lps") ? SeriesMarkers.DIAMOND : SeriesMarkers.CIRCLE);
                if (m.getKey().equals("lps")) {
                    series.setLineWidth(3f);
                }
            }
            chart.getStyler().setXAxisMin(0.8);
            chart.getStyler().setXAxisMax(epochs.stream().mapToInt(Integer::intValue).max().orElse(1) + 0.2);
            charts.add(chart);
        }
        return charts;
    }
}
