package org.lps.init.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

class StudyOutputTest {

    @TempDir
    Path dir;

    @Test
    void writesJsonCsvAndPngSideBySide() throws IOException {
        StudyOutput out = new StudyOutput(dir.resolve("sub/study"));
        out.writeJson(Map.of("results", List.of(Map.of("method", "he", "bornDead", 0.5))));
        out.writeCsv(List.of("method", "note", "value"), List.of(List.of("he", "a, b", 0.25), List.of("rai", "x", Double.NaN)));
        XYChart chart = new XYChart(300, 200);
        chart.addSeries("s", new double[] {0, 1}, new double[] {1, 2});
        out.writePng(chart);
        assertTrue(Files.readString(out.json()).contains("\"bornDead\" : 0.5"));
        assertEquals("method,note,value\nhe,\"a, b\",0.25\nrai,x,\n", Files.readString(out.csv()));
        byte[] png = Files.readAllBytes(out.png());
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        assertEquals(dir.resolve("sub/study.png"), out.png());
    }
}
