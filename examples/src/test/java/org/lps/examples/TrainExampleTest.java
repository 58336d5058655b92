package org.lps.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lps.nets.io.Weights;
import org.lps.nets.train.EpochResult;

class TrainExampleTest {
    @TempDir
    Path dir;

    @Test
    void trainsAndSaves() throws Exception {
        Path out = dir.resolve("cnn.safetensors");
        List<EpochResult> r = TrainExample.run(2, out);
        assertTrue(r.get(1).testAccuracy() > 0.7, r.toString());
        assertEquals(6, Weights.read(out).size());
    }
}
