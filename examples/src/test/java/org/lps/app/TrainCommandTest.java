package org.lps.app;

import static org.lps.app.Cli.run;
import org.lps.app.Cli.Run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lps.nets.io.NamedArray;
import org.lps.nets.io.Weights;
import picocli.CommandLine;

class TrainCommandTest {
    @TempDir
    Path dir;



    @Test
    void jsonLinesPlotAndWeights() throws Exception {
        Path png = dir.resolve("curves.png");
        Path weights = dir.resolve("w.safetensors");
        Run r = run("train", "--arch", "mlp:784,64,10", "--data", "embedded", "--epochs", "2", "--threads", "2",
                "--json", "--plot", png.toString(), "--out", weights.toString());
        assertEquals(0, r.exit(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(2, lines.length, r.out());
        ObjectMapper m = new ObjectMapper();
        for (int e = 0; e < 2; e++) {
            JsonNode j = m.readTree(lines[e]);
            assertEquals(e + 1, j.get("epoch").asInt());
            for (String key : new String[] {"trainLoss", "testLoss", "testAccuracy", "imagesPerSecond"}) {
                assertTrue(j.get(key).asDouble() > 0, key);
            }
        }
        assertTrue(m.readTree(lines[1]).get("testAccuracy").asDouble() > 0.75, lines[1]);
        assertTrue(r.err().contains("epoch 2/2 ["), "progress bar on stderr");
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(900, img.getWidth());
        List<NamedArray> w = Weights.read(weights);
        assertArrayEquals(new int[] {64, 784}, w.get(0).shape());
    }

    @Test
    void sameSeedAndThreadsSameOutputExceptSpeed() throws Exception {
        String[] args = {"train", "--arch", "cnn:1x28x28,c4k3,p2,d10", "--epochs", "1", "--threads", "2", "--seed", "5", "--json", "--quiet"};
        ObjectMapper m = new ObjectMapper();
        JsonNode a = m.readTree(run(args).out());
        JsonNode b = m.readTree(run(args).out());
        assertEquals(a.get("trainLoss"), b.get("trainLoss"));
        assertEquals(a.get("testLoss"), b.get("testLoss"));
        assertEquals(a.get("testAccuracy"), b.get("testAccuracy"));
    }

    /** --init takes every lps-init scheme with its parameters, and the header names the method as given. */
    @Test
    void initThroughLpsInitsParser() {
        Run r = run("train", "--arch", "mlp:784,32,10", "--init", "FMP:0.5", "--quiet");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("init fmp:0.5,"), r.out());
        Run x = run("train", "--arch", "mlp:784,32,10", "--init", "xavier", "--quiet", "--json");
        assertEquals(0, x.exit(), x.err());
    }

    @Test
    void humanOutputHasAHeaderAndATable() {
        Run r = run("train", "--arch", "mlp:784,32,10", "--optimizer", "adam", "--quiet");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("adam lr 0.001000"), r.out());
        assertTrue(r.out().contains("epoch  trainLoss  testLoss  testAccuracy  imagesPerSecond"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void badInputGetsOneLineAndExitTwo() {
        assertBad(new String[] {"train", "--arch", "mlp:784,x,10"}, "'x' is not a positive integer");
        assertBad(new String[] {"train", "--arch", "mlp:100,10"}, "takes inputs of 100 but the embedded images are 1x28x28");
        assertBad(new String[] {"train", "--arch", "mlp:784,10", "--init", "nope"}, "--init 'nope': unknown scheme (known:");
        assertBad(new String[] {"train", "--arch", "mlp:784,10", "--init", "fmp:7"}, "--init 'fmp:7': the moment order S must be in (0, 2]");
        assertBad(new String[] {"train", "--arch", "mlp:784,16,10", "--init", "fmp", "--activation", "tanh"},
                "--init 'fmp' with --activation tanh: fmp is defined for positively homogeneous activations");
        assertBad(new String[] {"train", "--arch", "mlp:784,10", "--optimizer", "rmsprop"}, "--optimizer 'rmsprop'");
        assertBad(new String[] {"train", "--arch", "mlp:784,10", "--data", "cifar"}, "--data 'cifar'");
        assertBad(new String[] {"train", "--arch", "mlp:784,10", "--lr", "-1"}, "--lr must be a positive number");
        assertBad(new String[] {"train", "--arch", "mlp:784,10", "--epochs", "0"}, "--epochs must be at least 1");
        assertBad(new String[] {"train", "--arch", "mlp:784,10", "--plot", "x.svg"}, "--plot 'x.svg'");
        assertBad(new String[] {"train", "--arch", "mlp:784,10", "--plot", "/no/such/dir/x.png"}, "--plot '/no/such/dir/x.png': no such directory /no/such/dir");
        assertBad(new String[] {"train", "--arch", "mlp:784,10", "--out", "w.pt"}, "--out 'w.pt': weight files end in .safetensors or .npz");
        assertBad(new String[] {"train", "--arch", "mlp:784,10", "--activation", "softsign"}, "unknown activation 'softsign'");
        assertBad(new String[] {"train"}, "missing required option: '--arch");
        assertBad(new String[] {"train", "--arch", "mlp:784,64,10", "--lr", "1e6", "--quiet"}, "training diverged in epoch 1");
    }

    private static void assertBad(String[] args, String fragment) {
        Run r = run(args);
        assertEquals(2, r.exit(), String.join(" ", args) + " -> " + r.err());
        assertTrue(r.err().contains(fragment), String.join(" ", args) + " -> " + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }

    @Test
    void benchTrainRejectsBadArguments() {
        assertBad(new String[] {"bench", "train", "--arch", "resnet"}, "--arch 'resnet'");
        assertBad(new String[] {"bench", "train", "--seconds", "0"}, "must be positive");
    }
}
