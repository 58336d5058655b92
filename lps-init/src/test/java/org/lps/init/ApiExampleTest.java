package org.lps.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lps.init.diagnostics.HessianNorms;
import org.lps.init.scheme.FractionalMoments;
import org.lps.init.study.DyingRelu;
import org.lps.nets.data.FashionMnist;
import org.lps.nets.io.Weights;
import org.lps.nets.layer.Activations;
import org.lps.nets.model.Architecture;
import org.lps.nets.model.Model;

/** The Java snippet of docs/init-schemes.md, kept compiling and its comments checked. */
class ApiExampleTest {

    @TempDir
    Path dir;

    @Test
    void snippet() throws Exception {
        Path file = dir.resolve("w.safetensors");
        // --- docs/init-schemes.md ---
        Model model = Architecture.parse("mlp:784,256,256,10", Activations.relu());
        Initializer init = Initializers.parse("fmp:0.8");          // any lps init --method string
        init.initialize(model, 42);                                 // same seed, same weights
        Weights.save(model, file, Map.of("init", "fmp:0.8"));       // layerN.weight [out, in], layerN.bias
        Object details = init.details().orElseThrow();              // {s=0.8, activation=relu, law=normal, weightVariance=[...]}

        double d64 = 64 * FractionalMoments.relu(64, 1.0);          // 2.03982, the table above

        float[] images = FashionMnist.embedded().standardized().train().features();
        List<HessianNorms.LayerNorm> h = HessianNorms.gaussNewton(model, images, 64);

        List<DyingRelu.Result> r = DyingRelu.run(List.of("he", "rai"), new int[] {3}, new int[] {10}, 1000, 1, 2, cell -> { });
        double he = r.get(0).bornDead();                            // ~0.63
        // --- end ---
        assertTrue(details.toString().contains("s=0.8"), details.toString());
        assertEquals(2.03982, d64, 5e-6);
        assertEquals(3, h.size());
        assertEquals(0.63, he, 0.06);
        assertEquals(1000, r.get(1).trials());
    }
}
