package org.lps.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lps.init.scheme.FractionalMomentPreserving;
import org.lps.init.scheme.HessianCalibrated;
import org.lps.nets.init.WeightInits;
import org.lps.nets.layer.Activations;
import org.lps.nets.model.Architecture;
import org.lps.nets.model.Model;

class InitializersTest {

    @Test
    void everySchemeIsRegisteredAndFoundByName() {
        for (String name : List.of("xavier-uniform", "xavier-normal", "he", "he-fan-out", "lecun", "orthogonal", "kumar", "fmp", "hessian", "rai")) {
            Initializer i = Initializers.parse(name);
            assertEquals(name, i.name());
            assertTrue(WeightInits.all().get(name) instanceof Initializer, name + " through nets' lookup too");
        }
        assertEquals("xavier-uniform", Initializers.parse("  Xavier ").name());
        assertTrue(Initializers.syntaxes().contains("fmp[:S]"), Initializers.syntaxes().toString());
        assertTrue(Initializers.syntaxes().contains("xavier (= xavier-uniform)"), Initializers.syntaxes().toString());
    }

    @Test
    void parametersConfigureANewInstance() {
        Model m = Architecture.parse("mlp:64,64,10", Activations.relu());
        FractionalMomentPreserving f = (FractionalMomentPreserving) Initializers.parse("fmp:0.5");
        assertEquals(0.5, f.order(m, m.parameterizedLayers().get(0)));
        assertEquals(0.8, ((FractionalMomentPreserving) Initializers.parse("fmp")).order(m, m.parameterizedLayers().get(0)));
        Model leaky = Architecture.parse("mlp:64,64,10", Activations.leakyRelu(0.01));
        assertEquals(1.0, ((FractionalMomentPreserving) Initializers.parse("fmp")).order(leaky, leaky.parameterizedLayers().get(0)));
        HessianCalibrated h = (HessianCalibrated) Initializers.parse("hessian:in");
        assertEquals(2.0 / 64, h.weightVariance(m, m.parameterizedLayers().get(0)), 1e-16);
        f.initialize(m, 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> d = (Map<String, Object>) f.details().orElseThrow();
        assertEquals(0.5, d.get("s"));
        assertEquals(2, ((List<?>) d.get("weightVariance")).size(), "one variance per layer: " + d);
    }

    @Test
    void badMethodsGetAMessageListingEveryMethod() {
        String unknown = assertThrows(IllegalArgumentException.class, () -> Initializers.parse("glorot")).getMessage();
        assertTrue(unknown.startsWith("'glorot': unknown scheme (known: "), unknown);
        for (String s : List.of("fmp[:S]", "he", "he-fan-out", "hessian[:avg|in|out]", "kumar", "lecun", "orthogonal[:GAIN]", "rai",
                "xavier (= xavier-uniform)", "xavier-normal", "xavier-uniform")) {
            assertTrue(unknown.contains(s), s + " in " + unknown);
        }
        assertMessage("he:2", "'he:2': he takes no parameters");
        assertMessage("fmp:3", "'fmp:3': the moment order S must be in (0, 2], got 3");
        assertMessage("fmp:0", "must be in (0, 2]");
        assertMessage("fmp:abc", "'fmp:abc': the order S 'abc' is not a finite number");
        assertMessage("fmp:0.5:1", "too many parameters (the syntax is fmp[:S])");
        assertMessage("fmp:", "empty parameter 1");
        assertMessage("hessian:both", "expected hessian[:avg|in|out]");
        assertMessage("orthogonal:-1", "the gain must be positive");
        assertMessage("", "a method needs a name");
        String degree = assertThrows(IllegalArgumentException.class, () -> Initializers.parse(MethodSpec.parse("he").withDegree(3))).getMessage();
        assertEquals("--degree 3: he has no polynomial degree (--degree is for lps)", degree);
    }

    @Test
    void schemesTellWhichActivationsTheyCannotHandle() {
        Model tanh = Architecture.parse("mlp:8,8,2", Activations.tanh());
        String fmp = assertThrows(IllegalArgumentException.class, () -> Initializers.parse("fmp").initialize(tanh, 1)).getMessage();
        assertEquals("fmp is defined for positively homogeneous activations (relu, leaky-relu, linear); tanh is not", fmp);
        Model square = Architecture.parse("mlp:8,8,2", Activations.parse("poly:0,0,1"));
        String kumar = assertThrows(IllegalArgumentException.class, () -> Initializers.parse("kumar").initialize(square, 1)).getMessage();
        assertTrue(kumar.contains("kumar needs an activation with g'(0) != 0"), kumar);
    }

    @Test
    void methodSpecRoundTrip() {
        MethodSpec s = MethodSpec.parse(" FMP:0.5 ");
        assertEquals("fmp", s.name());
        assertEquals(List.of("0.5"), s.parameters());
        assertEquals("fmp:0.5", s.method());
        assertEquals(4, s.withDegree(4).degree().getAsInt());
    }

    private static void assertMessage(String method, String fragment) {
        String m = assertThrows(IllegalArgumentException.class, () -> Initializers.parse(method)).getMessage();
        assertTrue(m.contains(fragment), method + " -> " + m);
    }
}
