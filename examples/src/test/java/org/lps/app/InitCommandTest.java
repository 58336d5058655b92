package org.lps.app;


import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lps.nets.io.NamedArray;
import org.lps.nets.io.Weights;

class InitCommandTest {

    private static final String PYTHON = ExternalTools.PYTHON;

    @TempDir
    Path dir;

    @Test
    void jsonHasTheLayersAndTheSchemesDetails() throws Exception {
        Cli.Run r = Cli.run("init", "--arch", "mlp:784,256,10", "--method", "fmp:0.5", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("fmp:0.5", j.get("method").asText());
        JsonNode layers = j.get("layers");
        assertEquals(2, layers.size());
        for (String key : new String[] {"name", "weightShape", "weightMean", "weightStd", "biasMean", "biasStd"}) {
            assertTrue(layers.get(0).has(key), key);
        }
        assertEquals("layer0", layers.get(0).get("name").asText());
        assertEquals(256, layers.get(0).get("weightShape").get(0).asInt());
        assertEquals(784, layers.get(0).get("weightShape").get(1).asInt());
        // fmp s = 0.5 at d = 784: sigma^2 = 2.00735.../784 ~ He's; the measured std is within 1% of it
        double sigma2 = j.get("fmp").get("weightVariance").get(0).asDouble();
        assertEquals(0.5, j.get("fmp").get("s").asDouble());
        assertEquals(Math.sqrt(sigma2), layers.get(0).get("weightStd").asDouble(), 0.01 * Math.sqrt(sigma2));
        assertTrue(sigma2 > 2.0 / 784 && sigma2 < 2.02 / 784, "sigma^2 = " + sigma2);
        assertFalse(j.has("preActivations"));
    }

    @Test
    void dataMeasuresPreActivationsAndDiagnoseTheHessianNorms() throws Exception {
        Cli.Run m = Cli.run("init", "--arch", "mlp:784,256,10", "--method", "he", "--data", "embedded", "--json");
        assertEquals(0, m.exit(), m.err());
        JsonNode pre = new ObjectMapper().readTree(m.out()).get("preActivations");
        assertEquals(2, pre.size());
        // He on standardized inputs: the first layer's pre-activation variance is sigma^2 fan_in E[x^2] = 2 on
        // average over weight draws; over 256 units the draw's own value stays within 10% of it
        double v0 = pre.get(0).get("measuredVariance").asDouble();
        assertEquals(2, v0, 0.2, "layer0 variance");
        assertTrue(pre.get(0).get("predictedMean").isNull(), "he makes no prediction");

        Cli.Run r = Cli.run("init", "--arch", "cnn:1x28x28,c4k3,p2,d10", "--method", "he", "--diagnose", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertFalse(j.has("preActivations"), "--diagnose alone measures no pre-activations");
        JsonNode d = j.get("diagnose");
        assertEquals(64, d.get("samples").asInt());
        assertEquals(2, d.get("layers").size());
        assertTrue(d.get("layers").get(0).get("gaussNewtonFrobenius").asDouble() > 0);
        assertEquals(36, d.get("layers").get(0).get("weights").asInt());
    }

    @Test
    void humanTableAndWeightsFile() throws Exception {
        Path w = dir.resolve("w.npz");
        Cli.Run r = Cli.run("init", "--arch", "mlp:784,32,10", "--method", "orthogonal", "--activation", "tanh",
                "--out", w.toString(), "--data", "embedded");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("mlp:784,32,10, tanh, orthogonal, seed 1: 25450 parameters"), r.out());
        assertTrue(r.out().contains("layer0   dense   [32, 784]"), r.out());
        assertTrue(r.out().contains("pre-activations on 1000 embedded training images"), r.out());
        assertTrue(r.out().contains("orthogonal: {\"gain\":[1.6666666666666667,1.6666666666666667]}"), r.out());
        assertTrue(r.out().contains("weights: " + w), r.out());
        List<NamedArray> a = Weights.read(w);
        assertArrayEquals(new int[] {32, 784}, a.get(0).shape());
        assertEquals("", r.err());
    }

    @Test
    void sameSeedSameWeights() throws Exception {
        Path a = dir.resolve("a.safetensors");
        Path b = dir.resolve("b.safetensors");
        assertEquals(0, Cli.run("init", "--arch", "mlp:20,30,5", "--method", "rai", "--seed", "7", "--out", a.toString()).exit());
        assertEquals(0, Cli.run("init", "--arch", "mlp:20,30,5", "--method", "rai", "--seed", "7", "--out", b.toString()).exit());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    /** A written safetensors file loads in NumPy with PyTorch's names and shapes (without NumPy: see {@link ExternalTools}). */
    @Test
    void safetensorsLoadInNumpy() throws Exception {
        ExternalTools.requirePython("python3-numpy", "numpy");
        Path w = dir.resolve("cnn.safetensors");
        Cli.Run r = Cli.run("init", "--arch", "cnn:1x28x28,c16k3,p2,c32k3,p2,d10", "--method", "kumar",
                "--out", w.toString());
        assertEquals(0, r.exit(), r.err());
        String script = String.join("\n",
                "import json, struct, sys, numpy as np",
                "raw = open(sys.argv[1], 'rb').read()",
                "n = struct.unpack('<Q', raw[:8])[0]",
                "head = json.loads(raw[8:8 + n])",
                "print(head['__metadata__']['init'])",
                "for k in sorted(k for k in head if k != '__metadata__'):",
                "    v = head[k]",
                "    b, e = v['data_offsets']",
                "    a = np.frombuffer(raw[8 + n + b:8 + n + e], dtype='<f4').reshape(v['shape'])",
                "    print(k, 'x'.join(map(str, a.shape)), '%.6f' % float(a.std()))");
        Path py = dir.resolve("load.py");
        Files.writeString(py, script);
        String out = run(PYTHON, py.toString(), w.toString());
        assertTrue(out != null, "python could not read the file");
        List<String> lines = List.of(out.strip().split("\n"));
        assertEquals("kumar", lines.get(0));
        assertTrue(lines.contains("layer0.bias 16 0.000000"), out);
        assertEquals("layer0.weight 16x1x3x3", lines.get(2).substring(0, lines.get(2).lastIndexOf(' ')));
        assertEquals("layer1.weight 32x16x3x3", lines.get(4).substring(0, lines.get(4).lastIndexOf(' ')));
        assertEquals("layer2.weight 10x1568", lines.get(6).substring(0, lines.get(6).lastIndexOf(' ')));
        // kumar for relu: std sqrt(2/fan_in), fan_in = 16*9 for layer1
        double std1 = Double.parseDouble(lines.get(4).substring(lines.get(4).lastIndexOf(' ') + 1));
        assertEquals(Math.sqrt(2.0 / 144), std1, 0.03 * Math.sqrt(2.0 / 144));
    }

    @Test
    void badInputGetsOneLineAndExitTwo() {
        assertBad("'glorot': unknown scheme (known: ", "init", "--arch", "mlp:4,2", "--method", "glorot");
        assertBad("--method 'fmp:3': the moment order S must be in (0, 2], got 3", "init", "--arch", "mlp:4,2", "--method", "fmp:3");
        assertBad("--method 'he:1': he takes no parameters", "init", "--arch", "mlp:4,2", "--method", "he:1");
        assertBad("--degree 3: he has no polynomial degree (--degree is for lps)", "init", "--arch", "mlp:4,2", "--method", "he", "--degree", "3");
        assertBad("--method 'fmp' with --activation tanh: fmp is defined for positively homogeneous activations", "init", "--arch",
                "mlp:4,3,2", "--method", "fmp", "--activation", "tanh");
        assertBad("--out 'w.pt': weight files end in .safetensors or .npz", "init", "--arch", "mlp:4,2", "--method", "he", "--out", "w.pt");
        assertBad("--out '/no/such/w.npz': no such directory /no/such", "init", "--arch", "mlp:4,2", "--method", "he", "--out", "/no/such/w.npz");
        assertBad("--arch 'mlp:4,2' takes inputs of 4 but the embedded images are 1x28x28", "init", "--arch", "mlp:4,2", "--method", "he",
                "--diagnose");
        assertBad("--activation: unknown activation 'softsign'", "init", "--arch", "mlp:4,2", "--method", "he", "--activation", "softsign");
        assertBad("--data 'cifar'", "init", "--arch", "mlp:784,2", "--method", "he", "--data", "cifar");
        assertBad("--degree must be between 1 and 30", "init", "--arch", "mlp:4,2", "--method", "he", "--degree", "0");
    }

    @Test
    void missingMethodIsAUsageError() {
        Cli.Run r = Cli.run("init", "--arch", "mlp:4,2");
        assertEquals(2, r.exit());
        assertEquals("lps init: missing required option: '--method=M' (see lps init --help)\n", r.err().replace("\r\n", "\n"));
    }

    static void assertBad(String fragment, String... args) {
        Cli.Run r = Cli.run(args);
        assertEquals(2, r.exit(), String.join(" ", args) + " -> " + r.err());
        assertTrue(r.err().contains(fragment), String.join(" ", args) + " -> " + r.err());
        assertEquals(1, r.err().strip().split("\n").length, "one line: " + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }

    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.waitFor() == 0 ? out : null;
    }
}
