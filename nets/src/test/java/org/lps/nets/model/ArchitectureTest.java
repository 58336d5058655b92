package org.lps.nets.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lps.nets.layer.Activation;
import org.lps.nets.layer.Activations;
import org.lps.nets.layer.Conv2d;
import org.lps.nets.layer.Dense;
import org.lps.nets.layer.Layer;
import org.lps.nets.layer.ParameterizedLayer;
import org.lps.nets.tensor.Shape;

class ArchitectureTest {

    @Test
    void mlpShapesParametersAndNames() {
        Model m = Architecture.parse("mlp:784,256,256,10", Activations.relu());
        assertEquals(269_322, m.parameterCount()); // what PyTorch's Linear stack reports
        assertEquals(List.of("layer0.weight", "layer0.bias", "layer1.weight", "layer1.bias", "layer2.weight", "layer2.bias"),
                List.copyOf(m.namedParameters().keySet()));
        assertArrayEquals(new int[] {256, 784}, m.namedParameters().get("layer0.weight").shape());
        List<ParameterizedLayer> p = m.parameterizedLayers();
        assertEquals(784, p.get(0).fanIn());
        assertEquals(256, p.get(0).fanOut());
        assertEquals("relu", m.activationAfter(p.get(0)).name());
        assertNull(m.activationAfter(p.get(2)), "no activation after the output layer");
        assertEquals(Shape.of(10), m.outputShape());
        assertEquals(5, m.layers().size());
    }

    @Test
    void cnnShapeInference() {
        Activation act = Activations.relu();
        Model m = Architecture.parse("cnn:1x28x28,c16k3,p2,c32k3,p2,d10", act);
        List<String> shapes = m.layers().stream().map(l -> l.outputShape().toString()).toList();
        assertEquals(List.of("16x28x28", "16x28x28", "16x14x14", "32x14x14", "32x14x14", "32x7x7", "1568", "10"), shapes);
        assertEquals(16 * 9 + 16 + 32 * 16 * 9 + 32 + 1568 * 10 + 10, m.parameterCount());
        Conv2d c2 = (Conv2d) m.parameterizedLayers().get(1);
        assertArrayEquals(new int[] {32, 16, 3, 3}, c2.weight().shape());
        assertEquals(16 * 9, c2.fanIn());
        assertEquals(32 * 9, c2.fanOut());
        assertSame(act, m.activationAfter(c2));
        assertEquals(1, c2.padding());
        assertTrue(m.parameterizedLayers().get(2) instanceof Dense);
    }

    @Test
    void cnnOptions() {
        Model m = Architecture.parse("cnn:3x32x32,c8k5s2p0,a2,d20,d5", Activations.tanh());
        assertEquals(Shape.of(8, 14, 14), m.layers().get(0).outputShape());
        assertEquals(Shape.of(8, 7, 7), m.layers().get(2).outputShape());
        assertEquals("avgpool", m.layers().get(2).kind());
        assertEquals("tanh", m.activationAfter(m.parameterizedLayers().get(1)).name());
    }

    @Test
    void graphIsAChainInTopologicalOrder() {
        Model m = Architecture.parse("mlp:4,3,2", Activations.relu());
        List<Layer> layers = m.layers();
        assertEquals(layers.size() - 1, m.graph().edgeSet().size());
        for (int i = 1; i < layers.size(); i++) {
            assertTrue(m.graph().containsEdge(layers.get(i - 1), layers.get(i)));
        }
    }

    @Test
    void badStringsGetMessagesNamingTheItem() {
        assertMessage("mlp:784", "at least an input and an output");
        assertMessage("mlp:784,-3,10", "'-3' is not a positive integer");
        assertMessage("cnn:28x28,c16k3", "CxHxW");
        assertMessage("cnn:1x28x28,c16k3,q2", "item 3 'q2': unknown layer");
        assertMessage("cnn:1x28x28,d10,c4k3", "convolutions and pooling need an image");
        assertMessage("cnn:1x4x4,c2k9p0", "kernel 9x9 larger than the padded input");
        assertMessage("resnet:50", "expected mlp:");
    }

    private static void assertMessage(String spec, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Architecture.parse(spec, Activations.relu()));
        assertTrue(e.getMessage().contains(fragment), () -> spec + " -> " + e.getMessage());
    }

    /** size() from the spec alone agrees with the built model, for dense, conv (stride, padding), pooling. */
    @org.junit.jupiter.api.Test
    void sizeFromTheSpecMatchesTheBuiltModel() {
        for (String spec : new String[] {"mlp:784,256,256,10", "mlp:3,1", "mlp:1,5,5,5,1", "cnn:1x28x28,c16k3,p2,c32k3,p2,d10",
                "cnn:3x32x32,c8k5s2p1,a2,d7", "cnn:1x9x9,c4k3p0,p3s2,c2k1,d3", "cnn:2x5x5,d4,d2"}) {
            Model m = Architecture.parse(spec, org.lps.nets.layer.Activations.relu());
            Architecture.Size s = Architecture.size(spec);
            org.junit.jupiter.api.Assertions.assertEquals(m.parameterCount(), s.parameters(), spec);
            long largest = 0;
            for (var l : m.parameterizedLayers()) {
                largest = Math.max(largest, l.weight().size());
            }
            org.junit.jupiter.api.Assertions.assertEquals(largest, s.largestTensor(), spec);
        }
        // 784 * 1e8 weights: counted in a long, never allocated
        Architecture.Size huge = Architecture.size("mlp:784,100000000,10");
        org.junit.jupiter.api.Assertions.assertEquals(784L * 100_000_000 + 100_000_000 + 1_000_000_000L + 10, huge.parameters());
        org.junit.jupiter.api.Assertions.assertEquals(78_400_000_000L, huge.largestTensor());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Architecture.size("mlp:784"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Architecture.size("rnn:3"));
    }
}
