package org.lps.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lps.nets.io.NamedArray;
import org.lps.nets.io.Weights;

class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void theWholeJobOnASmallBudget() throws Exception {
        Cli.Run r = Cli.run("demo", "--out", dir.toString(), "--epochs", "1", "--seeds", "1", "--threads", "2");
        assertEquals(0, r.exit(), r.err());
        String out = r.out();
        // the design's bounds for k = 2, d = 2, every path accounted for
        assertTrue(out.contains("total degree 46875"), out);
        assertTrue(out.contains("linear-product bound 10761"), out);
        Matcher paths = Pattern.compile("tracked (\\d+) paths in [0-9.]+ s: (\\d+) failed, (\\d+) at infinity, (\\d+) finite")
                .matcher(out);
        assertTrue(paths.find(), out);
        assertEquals(10761, Integer.parseInt(paths.group(1)));
        assertEquals(0, Integer.parseInt(paths.group(2)));
        assertEquals(10761, Integer.parseInt(paths.group(3)) + Integer.parseInt(paths.group(4)));
        assertTrue(out.contains("3 minima"), out);
        // the best minimum: two neurons (|w|, b) = (0.80, 0.39) with opposite signs of w
        Matcher best = Pattern.compile("\\n\\s+1\\s+([0-9.]+)\\s+([0-9.]+)\\s+(-?[0-9.]+)\\s+(-?[0-9.]+)\\s+([0-9.]+)\\s+(-?[0-9.]+)")
                .matcher(out);
        assertTrue(best.find(), out);
        assertEquals(0.80, Double.parseDouble(best.group(2)), 0.02);
        assertEquals(0.39, Double.parseDouble(best.group(3)), 0.02);
        assertEquals(0.80, Double.parseDouble(best.group(5)), 0.02);
        assertEquals(0.39, Double.parseDouble(best.group(6)), 0.02);
        // the comparison and the files beside it
        assertTrue(out.matches("(?s).*\\n\\s+1\\s+0\\.\\d{4} \\+- 0\\.\\d{4}\\s+0\\.\\d{4} \\+- 0\\.\\d{4}.*"), out);
        List<NamedArray> w = Weights.read(dir.resolve("lps-weights.safetensors"));
        assertEquals(6, w.size());
        assertNotNull(ImageIO.read(dir.resolve("training.png").toFile()));
        assertTrue(Files.readString(dir.resolve("training.json")).contains("\"lps\""));
        assertTrue(Files.size(dir.resolve("training.csv")) > 0);
    }

    @Test
    void badFlagsAreOneLine() {
        Cli.Run r = Cli.run("demo", "--out", dir.toString(), "--epochs", "0");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--epochs"), r.err());
        Cli.Run a = Cli.run("demo", "--out", dir.toString(), "--arch", "mlp:10,3");
        assertEquals(2, a.exit());
        assertTrue(a.err().contains("--arch"), a.err());
    }
}
