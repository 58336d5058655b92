package org.lps.init.study;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lps.io.AtomicFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Where a study leaves its results: {@code BASE.json} (what scripts read), {@code BASE.csv} (one row per
 * measurement) and {@code BASE.png} (the plot), side by side.
 */
public final class StudyOutput {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path base;

    /** @param base the path without extension, e.g. {@code results/dying-relu} */
    public StudyOutput(Path base) {
        this.base = base;
    }

    public Path json() {
        return sibling(".json");
    }

    public Path csv() {
        return sibling(".csv");
    }

    public Path png() {
        return sibling(".png");
    }

    private Path sibling(String ext) {
        return base.resolveSibling(base.getFileName() + ext);
    }

    /** Writes {@code value} (records, maps, lists) as indented JSON. */
    public void writeJson(Object value) {
        try {
            createParent();
            AtomicFile.write(json(), out -> JSON.writeValue(out, value));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + json(), e);
        }
    }

    /** Writes a header and rows; numbers in full precision, text quoted when it needs to be. */
    public void writeCsv(List<String> header, List<List<?>> rows) {
        StringBuilder sb = new StringBuilder(String.join(",", header)).append('\n');
        for (List<?> row : rows) {
            sb.append(row.stream().map(StudyOutput::cell).collect(Collectors.joining(","))).append('\n');
        }
        try {
            createParent();
            AtomicFile.writeString(csv(), sb);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + csv(), e);
        }
    }

    /** Saves an XChart chart as PNG at 2x resolution, so it reads well on screens and in documents. */
    public void writePng(Chart<?, ?> chart) {
        try {
            createParent();
            AtomicFile.writeFile(png(), tmp -> BitmapEncoder.saveBitmapWithDPI(chart, tmp.toString(),
                    BitmapEncoder.BitmapFormat.PNG, 144));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png(), e);
        }
    }

    /** Saves several charts side by side in one PNG (one panel each, left to right). */
    public void writePng(List<? extends Chart<?, ?>> charts) {
        if (charts.size() == 1) {
            writePng(charts.get(0));
            return;
        }
        List<BufferedImage> panels = new ArrayList<>();
        int width = 0, height = 0;
        for (Chart<?, ?> c : charts) {
            BufferedImage img = BitmapEncoder.getBufferedImage(c);
            panels.add(img);
            width += img.getWidth();
            height = Math.max(height, img.getHeight());
        }
        BufferedImage all = new BufferedImage(Math.max(width, 1), Math.max(height, 1), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = all.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, all.getWidth(), all.getHeight());
        int x = 0;
        for (BufferedImage img : panels) {
            g.drawImage(img, x, 0, null);
            x += img.getWidth();
        }
        g.dispose();
        try {
            createParent();
            AtomicFile.write(png(), out -> {
                if (!ImageIO.write(all, "png", out)) {
                    throw new IOException("no PNG writer available");
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png(), e);
        }
    }

    private void createParent() throws IOException {
        Path parent = base.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    private static String cell(Object o) {
        if (o == null) {
            return "";
        }
        if (o instanceof Double d) {
            return Double.isFinite(d) ? Double.toString(d) : "";
        }
        String s = o.toString();
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return String.format(Locale.ROOT, "%s", s);
    }
}
