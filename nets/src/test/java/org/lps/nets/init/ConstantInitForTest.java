package org.lps.nets.init;

import java.util.Arrays;
import org.lps.nets.layer.ParameterizedLayer;
import org.lps.nets.model.Model;

/** Registered through META-INF/services in the test classpath, as lps-init registers its schemes. */
public final class ConstantInitForTest implements WeightInit {

    @Override
    public String name() {
        return "test-constant";
    }

    @Override
    public void initialize(Model model, long seed) {
        for (ParameterizedLayer l : model.parameterizedLayers()) {
            Arrays.fill(l.weight().values(), 0.5f);
            Arrays.fill(l.bias().values(), (float) seed);
        }
    }
}
