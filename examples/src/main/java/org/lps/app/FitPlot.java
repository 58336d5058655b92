package org.lps.app;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.lps.io.AtomicFile;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.lps.polyapprox.fit.FitResult;

/** The PNG of {@code lps fit --plot}: the activation and its fit above, the error f - p below. */
final class FitPlot {

    static final int WIDTH = 900;
    static final int TOP_HEIGHT = 520;
    static final int BOTTOM_HEIGHT = 360;

    private FitPlot() {
    }

    static void write(FitResult r, Path file) throws IOException {
        FitResult.ErrorCurve curve = r.errorCurve();
        double[] x = curve.x();
        double[] err = curve.error();
        double[] f = new double[x.length];
        double[] p = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = r.activation().value(x[i]);
            p[i] = r.value(x[i]);
        }
        String title = String.format(java.util.Locale.ROOT, "%s: degree-%d %s fit for %s", r.activation().name(),
                r.degree(), r.method().spelling(), r.measure().spec());
        XYChart top = new XYChartBuilder().width(WIDTH).height(TOP_HEIGHT).title(title).xAxisTitle("x").yAxisTitle("y").build();
        style(top);
        series(top, r.activation().name(), x, f, new Color(0x1f77b4));
        series(top, "fit p(x)", x, p, new Color(0xd62728));

        String subtitle = String.format(java.util.Locale.ROOT, "error f - p   (l2Error %.3g, maxError %.3g)",
                r.l2Error(), r.maxError());
        XYChart bottom = new XYChartBuilder().width(WIDTH).height(BOTTOM_HEIGHT).title(subtitle).xAxisTitle("x")
                .yAxisTitle("f - p").build();
        style(bottom);
        bottom.getStyler().setLegendVisible(false);
        series(bottom, "error", x, err, new Color(0x2ca02c));

        BufferedImage a = BitmapEncoder.getBufferedImage(top);
        BufferedImage b = BitmapEncoder.getBufferedImage(bottom);
        BufferedImage all = new BufferedImage(WIDTH, TOP_HEIGHT + BOTTOM_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = all.createGraphics();
        g.drawImage(a, 0, 0, null);
        g.drawImage(b, 0, TOP_HEIGHT, null);
        g.dispose();
        AtomicFile.write(file, out -> {
            if (!ImageIO.write(all, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    private static void style(XYChart c) {
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setPlotBackgroundColor(Color.WHITE);
        c.getStyler().setPlotGridLinesColor(new Color(0xdddddd));
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        c.getStyler().setMarkerSize(0);
    }

    private static void series(XYChart c, String name, double[] x, double[] y, Color color) {
        XYSeries s = c.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
    }
}
