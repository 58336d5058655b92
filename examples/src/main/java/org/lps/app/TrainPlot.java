package org.lps.app;

import java.io.IOException;
import java.nio.file.Path;
import org.lps.io.AtomicFile;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.lps.nets.train.EpochResult;

/** The PNG of {@code lps train --plot}: training and test loss on the left axis, test accuracy on the right. */
final class TrainPlot {

    private TrainPlot() {
    }

    static void write(Path file, String title, List<double[]> lossCurve, List<EpochResult> epochs) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(900).height(540).title(title).xAxisTitle("epoch").yAxisTitle("loss").build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Horizontal);
        chart.getStyler().setYAxisGroupPosition(1, org.knowm.xchart.style.Styler.YAxisPosition.Right);
        chart.setYAxisGroupTitle(1, "test accuracy");
        chart.getStyler().setXAxisDecimalPattern("0.##");
        chart.getStyler().setYAxisGroupPosition(0, org.knowm.xchart.style.Styler.YAxisPosition.Left);
        double[] x = new double[lossCurve.size()];
        double[] y = new double[lossCurve.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = lossCurve.get(i)[0];
            y[i] = lossCurve.get(i)[1];
        }
        XYSeries train = chart.addSeries("training loss (batch mean, smoothed over 1% of an epoch)", x, y);
        train.setMarker(SeriesMarkers.NONE);
        double[] ex = new double[epochs.size()];
        double[] tl = new double[epochs.size()];
        double[] acc = new double[epochs.size()];
        for (int i = 0; i < ex.length; i++) {
            ex[i] = epochs.get(i).epoch();
            tl[i] = epochs.get(i).testLoss();
            acc[i] = epochs.get(i).testAccuracy();
        }
        chart.addSeries("test loss", ex, tl).setMarker(SeriesMarkers.CIRCLE);
        XYSeries a = chart.addSeries("test accuracy (right axis)", ex, acc);
        a.setMarker(SeriesMarkers.DIAMOND);
        a.setYAxisGroup(1);
        AtomicFile.write(file, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
    }
}
