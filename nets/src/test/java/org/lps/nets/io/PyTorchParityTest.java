package org.lps.nets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lps.nets.ExternalTools;
import org.lps.nets.init.He;
import org.lps.nets.layer.Activations;
import org.lps.nets.layer.Parameter;
import org.lps.nets.loss.Loss;
import org.lps.nets.model.Architecture;
import org.lps.nets.model.Model;
import org.lps.nets.model.ModelRunner;

/**
 * The same network, weights and batch in PyTorch ({@code /usr/bin/python3} with torch): our logits, loss and
 * every parameter gradient must match autograd's. This checks the layouts (NCHW, weight shapes, flatten order,
 * pooling windows) and the backward passes against an independent implementation. Without torch it is skipped,
 * saying so, except where {@link ExternalTools#required()} (CI), where it fails.
 */
class PyTorchParityTest {
    private static final String PYTHON = ExternalTools.PYTHON;
    private static final String ARCH = "cnn:2x9x9,c4k3,p2,c6k3s2p1,a2,d5";
    @TempDir
    Path dir;

    private static String run(Path script, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(PYTHON));
        if (script != null) {
            cmd.add(script.toString());
        }
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.waitFor() == 0 ? out : "FAILED: " + out;
    }

    @Test
    void logitsLossAndGradientsMatchPyTorch() throws Exception {
        ExternalTools.requirePython("python3-torch python3-numpy", "torch", "numpy");

        Model m = Architecture.parse(ARCH, Activations.tanh());
        new He().initialize(m, 3);
        SplittableRandom rng = new SplittableRandom(4);
        for (Parameter p : m.namedParameters().values()) { // nonzero biases too
            for (int i = 0; i < p.size(); i++) {
                p.values()[i] += (float) (0.1 * rng.nextGaussian());
            }
        }
        int batch = 3;
        float[] x = new float[batch * 2 * 81];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        int[] labels = {4, 0, 2};
        ModelRunner r = m.runner(batch);
        float[] out = r.forward(x, batch);
        double loss = Loss.softmaxCrossEntropy().evaluate(out, batch, 5, labels, null, r.outputGradient(), 1f / batch) / batch;
        r.backward(batch);

        List<NamedArray> ours = new ArrayList<>(Weights.of(m));
        ours.add(new NamedArray("x", new int[] {batch, 2, 9, 9}, x));
        ours.add(new NamedArray("labels", new int[] {batch}, new float[] {4, 0, 2}));
        ours.add(new NamedArray("logits", new int[] {batch, 5}, java.util.Arrays.copyOf(out, batch * 5)));
        ours.add(new NamedArray("loss", new int[] {1}, new float[] {(float) loss}));
        int i = 0;
        for (Map.Entry<String, Parameter> e : m.namedParameters().entrySet()) {
            ours.add(new NamedArray("grad." + e.getKey(), e.getValue().shape(), r.parameterGradients().get(i++).clone()));
        }
        Path npz = dir.resolve("ours.npz");
        Npz.write(npz, ours);
        String script = String.join("\n",
                "import sys, numpy as np, torch",
                "from torch import nn",
                "z = np.load(sys.argv[1])",
                "net = nn.Sequential(nn.Conv2d(2, 4, 3, padding=1), nn.Tanh(), nn.MaxPool2d(2),",
                "                    nn.Conv2d(4, 6, 3, stride=2, padding=1), nn.Tanh(), nn.AvgPool2d(2),",
                "                    nn.Flatten(), nn.Linear(6 * 1 * 1, 5))",
                "layers = [net[0], net[3], net[7]]",
                "with torch.no_grad():",
                "    for n, l in enumerate(layers):",
                "        l.weight.copy_(torch.from_numpy(z['layer%d.weight' % n]))",
                "        l.bias.copy_(torch.from_numpy(z['layer%d.bias' % n]))",
                "x = torch.from_numpy(z['x'])",
                "out = net(x)",
                "loss = nn.functional.cross_entropy(out, torch.from_numpy(z['labels']).long())",
                "loss.backward()",
                "def diff(a, b): return float(np.max(np.abs(a - b)))",
                "print('logits', diff(out.detach().numpy(), z['logits']))",
                "print('loss', abs(loss.item() - float(z['loss'][0])))",
                "for n, l in enumerate(layers):",
                "    print('layer%d.weight' % n, diff(l.weight.grad.numpy(), z['grad.layer%d.weight' % n]))",
                "    print('layer%d.bias' % n, diff(l.bias.grad.numpy(), z['grad.layer%d.bias' % n]))");
        Path py = dir.resolve("parity.py");
        Files.writeString(py, script);
        String res = run(py, npz.toString());
        assertTrue(!res.startsWith("FAILED"), res);
        String[] lines = res.strip().split("\n");
        assertEquals(8, lines.length, res);
        for (String line : lines) {
            String[] f = line.trim().split(" ");
            assertTrue(Double.parseDouble(f[1]) < 1e-5, "ours vs PyTorch, max |difference| of " + line);
        }
    }
}
