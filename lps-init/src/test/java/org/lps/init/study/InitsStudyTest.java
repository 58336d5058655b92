package org.lps.init.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lps.nets.data.FashionMnist;
import org.lps.nets.init.WeightInits;
import org.lps.nets.layer.Activations;

class InitsStudyTest {

    @TempDir
    Path dir;

    @Test
    void summaryStatisticsOverSeeds() {
        List<InitsStudy.Run> runs = List.of(
                new InitsStudy.Run("a", "he", 1, 1, 0.5, 0.4, 0.80, 1),
                new InitsStudy.Run("a", "he", 2, 1, 0.5, 0.6, 0.84, 1),
                new InitsStudy.Run("a", "he", 3, 1, Double.NaN, Double.NaN, Double.NaN, 1),
                new InitsStudy.Run("a", "xavier", 1, 1, 0.5, 0.5, 0.70, 1));
        List<InitsStudy.Summary> s = InitsStudy.summarize(runs);
        assertEquals(2, s.size());
        InitsStudy.Summary he = s.get(0);
        assertEquals("he", he.method());
        assertEquals(3, he.seeds());
        assertEquals(1, he.diverged());
        assertEquals(0.82, he.meanAccuracy(), 1e-12);
        assertEquals(Math.sqrt(0.0008), he.stdAccuracy(), 1e-12);   // sample std of 0.80, 0.84
        assertEquals(0.80, he.minAccuracy(), 0);
        assertEquals(0.84, he.maxAccuracy(), 0);
        assertEquals(0.5, he.meanTestLoss(), 1e-12);
        assertEquals(0.0, s.get(1).stdAccuracy());
    }

    @Test
    void pairedDifferencesToTheBaselineSeedBySeed() {
        List<InitsStudy.Run> runs = List.of(
                new InitsStudy.Run("a", "he", 1, 1, 0.5, 0.4, 0.80, 1),
                new InitsStudy.Run("a", "he", 2, 1, 0.5, 0.4, 0.84, 1),
                new InitsStudy.Run("a", "he", 3, 1, 0.5, 0.4, 0.82, 1),
                new InitsStudy.Run("a", "lps", 1, 1, 0.5, 0.4, 0.81, 1),
                new InitsStudy.Run("a", "lps", 2, 1, 0.5, 0.4, 0.87, 1),
                new InitsStudy.Run("a", "lps", 3, 1, 0.5, 0.4, 0.84, 1),
                new InitsStudy.Run("a", "xavier", 1, 1, 0.5, 0.4, 0.70, 1),
                new InitsStudy.Run("a", "xavier", 2, 1, Double.NaN, Double.NaN, Double.NaN, 1),
                new InitsStudy.Run("b", "lps", 1, 1, 0.5, 0.4, 0.5, 1));
        List<InitsStudy.Paired> p = InitsStudy.paired(runs, "he");
        assertEquals(3, p.size(), p.toString());
        InitsStudy.Paired lps = p.get(0);
        assertEquals("lps", lps.method());
        assertEquals("he", lps.baseline());
        assertEquals(3, lps.seeds());
        // differences 0.01, 0.03, 0.02: mean 0.02, sample std 0.01, standard error 0.01 / sqrt(3)
        assertEquals(0.02, lps.meanDifference(), 1e-12);
        assertEquals(0.01 / Math.sqrt(3), lps.standardError(), 1e-12);
        InitsStudy.Paired xavier = p.get(1);
        assertEquals(1, xavier.seeds(), "the diverged seed is left out");
        assertEquals(-0.10, xavier.meanDifference(), 1e-12);
        assertTrue(Double.isNaN(xavier.standardError()));
        assertEquals(0, p.get(2).seeds(), "no baseline run on arch b");
    }

    @Test
    void smallRunOnTheEmbeddedSubsetIsReproducibleAndWritesItsFiles() {
        FashionMnist.Split data = FashionMnist.embedded().standardized();
        InitsStudy.Settings settings = new InitsStudy.Settings(List.of(new InitsStudy.Task("mlp:784,32,10", 2)),
                List.of("he", "xavier"), List.of(1L, 2L), Activations.parse("relu"), 128, 0.05, 0.9, 2);
        List<String> events = new ArrayList<>();
        InitsStudy.Progress progress = new InitsStudy.Progress() {
            @Override
            public void run(int index, int total, String arch, String method, long seed) {
                events.add(index + "/" + total + " " + method + " " + seed);
            }

            @Override
            public void epoch(InitsStudy.Run r) {
            }
        };
        List<InitsStudy.Run> a = new InitsStudy(settings, WeightInits::byName).run(data, progress);
        List<InitsStudy.Run> b = new InitsStudy(settings, WeightInits::byName).run(data, progress);
        assertEquals(8, a.size());   // 2 methods x 2 seeds x 2 epochs
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).testAccuracy(), b.get(i).testAccuracy(), 0.0, "same seed and threads, same run");
        }
        assertEquals(List.of("1/4 he 1", "2/4 he 2", "3/4 xavier 1", "4/4 xavier 2"), events.subList(0, 4));
        // a small MLP learns something on 3000 images in 2 epochs
        assertTrue(a.stream().filter(r -> r.epoch() == 2).allMatch(r -> r.testAccuracy() > 0.6), a.toString());
        StudyOutput out = new StudyOutput(dir.resolve("inits"));
        InitsStudy.write(out, settings, a, InitsStudy.summarize(a));
        assertTrue(Files.exists(out.json()) && Files.exists(out.csv()) && Files.exists(out.png()));
    }

    @Test
    void unknownMethodFailsBeforeTraining() {
        InitsStudy.Settings settings = new InitsStudy.Settings(List.of(new InitsStudy.Task("mlp:784,10", 1)),
                List.of("he", "nonsense"), List.of(1L), Activations.parse("relu"), 128, 0.05, 0.9, 1);
        List<String> started = new ArrayList<>();
        assertThrows(IllegalArgumentException.class, () -> new InitsStudy(settings, WeightInits::byName)
                .run(FashionMnist.embedded(), new InitsStudy.Progress() {
                    @Override
                    public void run(int index, int total, String arch, String method, long seed) {
                        started.add(method);
                    }

                    @Override
                    public void epoch(InitsStudy.Run r) {
                    }
                }));
        assertTrue(started.isEmpty());
    }
}
