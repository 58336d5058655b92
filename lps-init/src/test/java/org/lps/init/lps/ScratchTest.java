package org.lps.init.lps;

import org.junit.jupiter.api.Test;
import org.lps.nets.data.FashionMnist;
import org.lps.nets.layer.Activations;
import org.lps.nets.model.Architecture;
import org.lps.nets.model.Model;
import org.lps.nets.model.ModelRunner;

class ScratchTest {
    @Test
    void run() throws Exception {
        var data = FashionMnist.embedded().standardized().train();
        for (String arch : new String[] {"mlp:784,128,64,10", "cnn:1x28x28,c16k3,p2,c32k3,p2,d10"})
        for (long seed = 1; seed <= 3; seed++) { System.out.println(arch);
            Model m = Architecture.parse(arch, Activations.relu());
            LpsInitializer lps = new LpsInitializer(LpsSettings.defaults().threads(2));
            lps.initialize(m, seed);
            for (LayerPrediction p : lps.predictions()) System.out.printf("  %s in %.4f %.4f%n", p.layer(), p.inputMean(), p.inputStd());
            ModelRunner r = m.runner(500);
            int in = 784;
            float[] x = java.util.Arrays.copyOf(data.features(), 500 * in);
            r.forward(x, 500);
            for (int li = 0; li < m.layers().size(); li++) {
                float[] o = r.output(li);
                int n = 500 * m.layers().get(li).outputShape().size();
                double s = 0, s2 = 0;
                for (int i = 0; i < n; i++) { s += o[i]; s2 += o[i] * (double) o[i]; }
                double mean = s / n;
                System.out.printf("    %d %s measured mean %.4f std %.4f%n", li, m.layers().get(li), mean, Math.sqrt(s2 / n - mean * mean));
            }
            for (StatisticsCheck.Row row : StatisticsCheck.compare(m, lps.predictions(), data.features(), data.size())) {
                System.out.printf("  %s mean %.4f/%.4f std %.4f/%.4f  errors %.3f %.3f%n", row.layer(), row.predictedMean(), row.measuredMean(), row.predictedStd(), row.measuredStd(), row.meanError(), row.stdError());
            }
        }
    }
}
