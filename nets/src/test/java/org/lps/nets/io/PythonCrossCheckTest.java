package org.lps.nets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lps.nets.ExternalTools;
import org.lps.nets.init.He;
import org.lps.nets.layer.Activations;
import org.lps.nets.layer.Parameter;
import org.lps.nets.model.Architecture;
import org.lps.nets.model.Model;

/**
 * Our safetensors and .npz files read by NumPy ({@code /usr/bin/python3}): shapes and values must match.
 * The safetensors file is parsed with the format's definition (json header + np.frombuffer), as NumPy has no
 * reader of its own. Without python3 and NumPy it is skipped, saying so, except where
 * {@link ExternalTools#required()} (CI), where it fails.
 */
class PythonCrossCheckTest {
    private static final String PYTHON = ExternalTools.PYTHON;
    @TempDir
    Path dir;

    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.waitFor() == 0 ? out : null;
    }

    @Test
    void numpyReadsOurFiles() throws Exception {
        ExternalTools.requirePython("python3-numpy", "numpy");
        Model m = Architecture.parse("cnn:1x8x8,c4k3,p2,d3", Activations.relu());
        new He().initialize(m, 9);
        Path st = dir.resolve("w.safetensors");
        Path npz = dir.resolve("w.npz");
        Weights.save(m, st, Map.of("arch", "test"));
        Weights.save(m, npz, null);
        String script = String.join("\n",
                "import json, struct, sys, numpy as np",
                "raw = open(sys.argv[1], 'rb').read()",
                "n = struct.unpack('<Q', raw[:8])[0]",
                "head = json.loads(raw[8:8 + n])",
                "z = np.load(sys.argv[2])",
                "for k, v in head.items():",
                "    if k == '__metadata__': continue",
                "    b, e = v['data_offsets']",
                "    a = np.frombuffer(raw[8 + n + b:8 + n + e], dtype='<f4').reshape(v['shape'])",
                "    assert np.array_equal(a, z[k]), k",
                "    print(k, 'x'.join(map(str, a.shape)), repr(float(a.astype(np.float64).sum())), repr(float(a.flat[-1])))");
        Path py = dir.resolve("check.py");
        Files.writeString(py, script);
        String out = run(PYTHON, py.toString(), st.toString(), npz.toString());
        assertEquals(true, out != null, "python failed to read our files");
        String[] lines = out.strip().split("\n");
        assertEquals(m.namedParameters().size(), lines.length, out);
        int i = 0;
        for (Map.Entry<String, Parameter> e : m.namedParameters().entrySet()) {
            String[] f = lines[i++].split(" ");
            assertEquals(e.getKey(), f[0]);
            int[] shape = e.getValue().shape();
            assertEquals(String.join("x", java.util.Arrays.stream(shape).mapToObj(String::valueOf).toList()), f[1]);
            double sum = 0;
            for (float v : e.getValue().values()) {
                sum += v;
            }
            assertEquals(sum, Double.parseDouble(f[2]), 1e-9 * (1 + Math.abs(sum)), e.getKey());
            float[] v = e.getValue().values();
            assertEquals(v[v.length - 1], Float.parseFloat(f[3]), e.getKey());
        }
    }
}
