package org.lps.nets.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lps.nets.layer.Activations;
import org.lps.nets.layer.Parameter;
import org.lps.nets.loss.Loss;
import org.lps.nets.tensor.Shape;

/** The whole chain (conv, activation, pooling, flatten, dense, loss) against finite differences of the loss. */
class ModelGradientTest {

    @Test
    void endToEndGradientsOfASmallCnn() {
        Model m = Model.builder(Shape.of(2, 6, 6)).conv(3, 3, 1, 1).activation(Activations.tanh()).avgPool(2, 2)
                .conv(2, 3, 1, 0).activation(Activations.gelu()).dense(4).build();
        SplittableRandom rng = new SplittableRandom(3);
        for (Parameter p : m.namedParameters().values()) {
            for (int i = 0; i < p.size(); i++) {
                p.values()[i] = (float) (0.5 * rng.nextGaussian());
            }
        }
        int batch = 3;
        float[] x = new float[batch * 72];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        int[] labels = {1, 3, 0};
        ModelRunner r = m.runner(batch);
        Loss loss = Loss.softmaxCrossEntropy();
        float[] out = r.forward(x, batch);
        loss.evaluate(out, batch, 4, labels, null, r.outputGradient(), 1f);
        r.backward(batch);
        List<float[]> grads = r.parameterGradients();
        List<Parameter> params = List.copyOf(m.namedParameters().values());
        float h = 1e-2f;
        for (int p = 0; p < params.size(); p++) {
            float[] w = params.get(p).values();
            float[] g = grads.get(p).clone();
            for (int i = 0; i < w.length; i++) {
                float keep = w[i];
                w[i] = keep + h;
                double up = loss.evaluate(m.runner(batch).forward(x, batch), batch, 4, labels, null, null, 1f);
                w[i] = keep - h;
                double down = loss.evaluate(m.runner(batch).forward(x, batch), batch, 4, labels, null, null, 1f);
                w[i] = keep;
                double num = (up - down) / (2 * h);
                assertEquals(num, g[i], 2e-3 + 1e-2 * Math.abs(num), params.get(p) + "[" + i + "]");
            }
        }
    }

    @Test
    void runnerExposesPreActivations() {
        Model m = Architecture.parse("mlp:3,4,2", Activations.relu());
        float[] w = m.namedParameters().get("layer0.weight").values();
        for (int i = 0; i < w.length; i++) {
            w[i] = i % 3 - 1 + 0.25f * (i / 3); // four distinct rows, some pre-activations negative
        }
        ModelRunner r = m.runner(1);
        r.forward(new float[] {1, 2, 3}, 1);
        float[] pre = r.output(0);
        float[] post = r.output(1);
        for (int j = 0; j < 4; j++) {
            double expected = 0;
            for (int i = 0; i < 3; i++) {
                expected += w[j * 3 + i] * (i + 1);
            }
            assertEquals(expected, pre[j], 1e-6);
            assertEquals(Math.max(0, expected), post[j], 1e-6);
        }
    }
}
