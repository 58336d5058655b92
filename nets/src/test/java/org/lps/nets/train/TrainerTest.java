package org.lps.nets.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lps.nets.data.FashionMnist;
import org.lps.nets.init.He;
import org.lps.nets.layer.Activations;
import org.lps.nets.layer.Parameter;
import org.lps.nets.loss.Loss;
import org.lps.nets.model.Architecture;
import org.lps.nets.model.Model;
import org.lps.nets.model.ModelRunner;
import org.lps.nets.optim.Optimizer;

class TrainerTest {
    private static final FashionMnist.Split DATA = FashionMnist.embedded().standardized();

    private static List<EpochResult> train(String arch, int epochs, int threads, Model[] out) {
        Model m = Architecture.parse(arch, Activations.relu());
        new He().initialize(m, 7);
        try (Trainer t = new Trainer(m, Optimizer.sgd(0.05, 0.9, 0), Loss.softmaxCrossEntropy(), 128, threads)) {
            List<EpochResult> r = t.fit(DATA.train(), DATA.test(), epochs, 11, ProgressListener.NONE);
            if (out != null) {
                out[0] = m;
            }
            return r;
        }
    }

    @Test
    void mlpLearnsTheEmbeddedSubset() {
        List<EpochResult> r = train("mlp:784,256,256,10", 3, 2, null);
        assertTrue(r.get(2).testAccuracy() > 0.78, "accuracy " + r.get(2).testAccuracy());
        assertTrue(r.get(2).trainLoss() < r.get(0).trainLoss());
    }

    @Test
    void cnnLearnsTheEmbeddedSubset() {
        List<EpochResult> r = train("cnn:1x28x28,c8k3,p2,c16k3,p2,d10", 2, 2, null);
        assertTrue(r.get(1).testAccuracy() > 0.72, "accuracy " + r.get(1).testAccuracy());
    }

    @Test
    void sameSeedAndThreadsGiveTheSameNumbers() {
        for (int threads : new int[] {1, 2, 3}) {
            Model[] a = new Model[1];
            Model[] b = new Model[1];
            List<EpochResult> ra = train("cnn:1x28x28,c4k3,p2,d10", 1, threads, a);
            List<EpochResult> rb = train("cnn:1x28x28,c4k3,p2,d10", 1, threads, b);
            assertEquals(ra.get(0).trainLoss(), rb.get(0).trainLoss());
            assertEquals(ra.get(0).testLoss(), rb.get(0).testLoss());
            for (String name : a[0].namedParameters().keySet()) {
                assertArrayEquals(a[0].namedParameters().get(name).values(), b[0].namedParameters().get(name).values(), name);
            }
        }
    }

    @Test
    void shardedGradientEqualsTheSingleThreadedOne() {
        // One SGD step without momentum: w1 - w0 = -lr * mean gradient, however the batch is cut.
        float[][] deltas = new float[2][];
        for (int threads = 1; threads <= 2; threads++) {
            Model m = Architecture.parse("mlp:784,16,10", Activations.relu());
            new He().initialize(m, 3);
            float[] w0 = m.namedParameters().get("layer0.weight").values().clone();
            try (Trainer t = new Trainer(m, Optimizer.sgd(1.0, 0, 0), Loss.softmaxCrossEntropy(), 50, threads)) {
                int[] order = new int[50];
                for (int i = 0; i < 50; i++) {
                    order[i] = i * 7;
                }
                t.step(DATA.train(), order, 0, 50);
            }
            float[] w1 = m.namedParameters().get("layer0.weight").values();
            deltas[threads - 1] = new float[w0.length];
            for (int i = 0; i < w0.length; i++) {
                deltas[threads - 1][i] = w1[i] - w0[i];
            }
        }
        assertArrayEquals(deltas[0], deltas[1], 1e-5f);
    }

    @Test
    void batchSmallerThanThreadCount() {
        // Batches of one on two threads: shard 0 is empty, so the update must be shard 1's gradient alone,
        // exactly what one thread computes.
        float[][] weights = new float[2][];
        for (int threads = 1; threads <= 2; threads++) {
            Model m = Architecture.parse("mlp:784,8,10", Activations.relu());
            new He().initialize(m, 1);
            try (Trainer t = new Trainer(m, Optimizer.sgd(0.01, 0.9, 0), Loss.softmaxCrossEntropy(), 1, threads)) {
                int[] order = new int[20];
                for (int i = 0; i < 20; i++) {
                    order[i] = i;
                    t.step(DATA.train(), order, i, 1);
                }
            }
            weights[threads - 1] = m.namedParameters().get("layer0.weight").values();
        }
        assertArrayEquals(weights[0], weights[1]);
    }

    @Test
    void stepsAllocateNothingInSteadyState() {
        Model m = Architecture.parse("cnn:1x28x28,c4k3,p2,d10", Activations.relu());
        new He().initialize(m, 1);
        int[] order = new int[DATA.train().size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        try (Trainer t = new Trainer(m, Optimizer.adam(1e-3, 0.9, 0.999, 1e-8, 0), Loss.softmaxCrossEntropy(), 32, 1)) {
            for (int i = 0; i < 200; i++) {
                t.step(DATA.train(), order, (i * 32) % 2944, 32);
            }
            long before = mx.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 50; i++) {
                t.step(DATA.train(), order, (i * 32) % 2944, 32);
            }
            long perStep = (mx.getCurrentThreadAllocatedBytes() - before) / 50;
            assertTrue(perStep < 64, perStep + " bytes allocated per step");
        }
    }

    @Test
    void evaluationDoesNotDependOnThreads() {
        Model m = Architecture.parse("mlp:784,32,10", Activations.relu());
        new He().initialize(m, 1);
        Evaluation e1;
        Evaluation e3;
        try (Trainer t = new Trainer(m, Optimizer.sgd(0.1, 0, 0), Loss.softmaxCrossEntropy(), 64, 1)) {
            e1 = t.evaluate(DATA.test());
        }
        try (Trainer t = new Trainer(m, Optimizer.sgd(0.1, 0, 0), Loss.softmaxCrossEntropy(), 64, 3)) {
            e3 = t.evaluate(DATA.test());
        }
        assertEquals(e1, e3);
        // and it is the plain forward pass (accuracy only: a batch of another size may round differently)
        ModelRunner r = m.runner(1000);
        float[] out = r.forward(DATA.test().features(), 1000);
        int correct = 0;
        for (int i = 0; i < 1000; i++) {
            if (Trainer.argmax(out, i * 10, 10) == DATA.test().labels()[i]) {
                correct++;
            }
        }
        assertEquals(correct / 1000.0, e1.accuracy());
    }

    @Test
    void regressionLearnsAbsoluteValueWithMse() {
        int n = 256;
        float[] x = new float[n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = -1 + 2f * i / (n - 1);
            y[i] = Math.abs(x[i]);
        }
        org.lps.nets.data.Dataset data = org.lps.nets.data.Dataset.regression(x, org.lps.nets.tensor.Shape.of(1), y, 1);
        Model m = Architecture.parse("mlp:1,16,16,1", Activations.relu());
        new He().initialize(m, 2);
        try (Trainer t = new Trainer(m, Optimizer.adam(0.01, 0.9, 0.999, 1e-8, 0), Loss.meanSquaredError(), 32, 2)) {
            double before = t.evaluate(data).loss();
            List<EpochResult> r = t.fit(data, data, 150, 3, ProgressListener.NONE);
            EpochResult last = r.get(r.size() - 1);
            assertTrue(last.testLoss() < 2e-3 && last.testLoss() < before / 20, "mse " + before + " -> " + last.testLoss());
            assertTrue(Double.isNaN(last.testAccuracy()));
        }
        assertEquals(n, data.subset(new int[n]).size());
    }

    @Test
    void dyingReluStyleTinyNetworksRunOnAGrid() {
        // Deep narrow ReLU nets with 1-D input on a grid of inputs: a plain batched forward pass.
        var b = org.lps.nets.model.Model.builder(org.lps.nets.tensor.Shape.of(1));
        for (int i = 0; i < 20; i++) {
            b.dense(3).activation(Activations.relu());
        }
        Model m = b.dense(1).build();
        new He().initialize(m, 5);
        float[] grid = new float[401];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = -1 + i / 200f;
        }
        float[] y = m.runner(grid.length).forward(grid, grid.length);
        for (float v : java.util.Arrays.copyOf(y, 401)) {
            assertTrue(Float.isFinite(v));
        }
        for (Parameter p : m.namedParameters().values()) {
            assertTrue(p.size() > 0);
        }
    }
}
