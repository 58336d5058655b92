package org.lps.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lps.io.OutputFileException;
import picocli.CommandLine;

/**
 * The CLI as a hostile or careless user drives it: every mistake is one line on stderr, {@code lps CMD: ...},
 * naming the flag or the file, with exit code 2 for the user's mistakes and 1 for the machine's or ours; no stack
 * trace, no usage screen, no lost or half-written file.
 */
class HostileCliTest {

    @TempDir
    Path dir;

    /** One line, prefixed by the command, containing {@code expected}, and nothing that looks like a trace. */
    static void assertOneLine(Cli.Run r, int exit, String prefix, String expected) {
        String err = r.err().replace("\r\n", "\n");
        assertEquals(exit, r.exit(), err);
        assertTrue(err.endsWith("\n") && err.indexOf('\n') == err.length() - 1, "one line: " + err);
        assertTrue(err.startsWith(prefix + ": "), err);
        assertTrue(err.contains(expected), "'" + expected + "' in " + err);
        // an internal error names the exception's class; nothing else does
        assertFalse(err.contains("Exception") && !expected.startsWith("internal error"), err);
        assertFalse(err.contains("\tat ") || err.contains("Usage:"), err);
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    // ------------------------------------------------------------------ picocli's own errors (issue 12, point 10)

    private static List<CommandLine> allCommands(CommandLine cl) {
        List<CommandLine> all = new ArrayList<>(List.of(cl));
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (!sub.getCommandName().equals("help")) {
                allCommands(sub).stream().filter(c -> !all.contains(c)).forEach(all::add);
            }
        }
        return all;
    }

    @Test
    void anUnknownFlagIsOneLineForEveryCommandAndSubcommand() {
        List<CommandLine> commands = allCommands(LpsApp.commandLine());
        assertTrue(commands.size() >= 15, "every command: " + commands.size());
        for (CommandLine c : commands) {
            String q = c.getCommandSpec().qualifiedName();
            List<String> args = new ArrayList<>(List.of(q.split(" ")).subList(1, q.split(" ").length));
            // the required options first, so the unknown one is what is wrong
            switch (q) {
                case "lps fit" -> args.addAll(List.of("--activation", "relu"));
                case "lps init" -> args.addAll(List.of("--arch", "mlp:4,2", "--method", "he"));
                case "lps train" -> args.addAll(List.of("--arch", "mlp:784,10"));
                default -> { }
            }
            args.add("--bogusflag");
            Cli.Run r = Cli.run(args.toArray(String[]::new));
            assertOneLine(r, 2, q, "unknown option '--bogusflag' (see " + q + " --help)");
        }
    }

    @Test
    void unknownCommandsAndOverflowingNumbers() {
        assertOneLine(Cli.run("frobnicate"), 2, "lps", "unknown command 'frobnicate'");
        assertOneLine(Cli.run("study", "frobnicate"), 2, "lps study", "unknown command 'frobnicate'");
        assertOneLine(Cli.run("solve", "--threads", "2147483648"), 2, "lps solve", "'--threads': '2147483648' is not a whole number");
        assertOneLine(Cli.run("solve", "--seed", "18446744073709551616"), 2, "lps solve", "'--seed'");
        assertOneLine(Cli.run("train", "--arch", "mlp:784,10", "--epochs", "1e3"), 2, "lps train", "'--epochs'");
        assertOneLine(Cli.run("init", "--arch", "mlp:4,2"), 2, "lps init", "--method");
        assertOneLine(Cli.run("count", "--format", "xml", "--system", "cyclic5"), 2, "lps count", "--format");
        assertOneLine(Cli.run("solve", "a.phc", "b.phc"), 2, "lps solve", "unexpected argument 'b.phc'");
    }

    @Test
    void zeroNegativeAndNonFiniteNumbersForNumericFlags() {
        assertOneLine(Cli.run("solve", "--system", "katsura3", "--threads", "0"), 2, "lps solve", "--threads");
        assertOneLine(Cli.run("solve", "--system", "katsura3", "--threads", "-4"), 2, "lps solve", "--threads");
        assertOneLine(Cli.run("train", "--arch", "mlp:784,10", "--epochs", "0"), 2, "lps train", "--epochs");
        assertOneLine(Cli.run("train", "--arch", "mlp:784,10", "--batch", "-1"), 2, "lps train", "--batch");
        assertOneLine(Cli.run("train", "--arch", "mlp:784,10", "--threads", "0"), 2, "lps train", "--threads");
        assertOneLine(Cli.run("train", "--arch", "mlp:784,10", "--lr", "NaN"), 2, "lps train", "--lr");
        assertOneLine(Cli.run("train", "--arch", "mlp:784,10", "--lr", "-0.1"), 2, "lps train", "--lr");
        assertOneLine(Cli.run("train", "--arch", "mlp:784,10", "--momentum", "1.5"), 2, "lps train", "--momentum");
        assertOneLine(Cli.run("train", "--arch", "mlp:784,10", "--weight-decay", "Infinity"), 2, "lps train", "--weight-decay");
        assertOneLine(Cli.run("init", "--arch", "mlp:4,0,2", "--method", "he"), 2, "lps init", "--arch");
        assertOneLine(Cli.run("init", "--arch", "mlp:4,-3,2", "--method", "he"), 2, "lps init", "--arch");
        assertOneLine(Cli.run("init", "--arch", "cnn:1x28x28,c16k99p0,d10", "--method", "he"), 2, "lps init", "--arch");
        assertOneLine(Cli.run("study", "dying-relu", "--trials", "0"), 2, "lps study dying-relu", "--trials");
        assertOneLine(Cli.run("study", "counts", "--path-budget", "-1"), 2, "lps study counts", "--path-budget");
        assertOneLine(Cli.run("study", "counts", "--lambda", "NaN"), 2, "lps study counts", "--lambda");
        assertOneLine(Cli.run("study", "inits", "--lr", "0", "--data", "embedded"), 2, "lps study inits", "--lr");
        assertOneLine(Cli.run("fit", "--activation", "relu", "--degree", "-1"), 2, "lps fit", "--degree");
        assertOneLine(Cli.run("bench", "eval", "--warmup", "-1"), 2, "lps bench eval", "--warmup");
        assertOneLine(Cli.run("bench", "solve", "--systems", "nosuch"), 2, "lps bench solve", "--systems: unknown system 'nosuch'");
        assertOneLine(Cli.run("bench", "threads", "--start", "nosuch"), 2, "lps bench threads", "--start");
        assertOneLine(Cli.run("init", "--arch", "mlp:784,10", "--method", "he", "--data", dir.toString()), 2, "lps init",
                "--data '" + dir + "': Fashion-MNIST in " + dir + ": missing");
    }

    // ------------------------------------------------------------------ sizes before allocation (point 6)

    @Test
    void architecturesTooLargeAreRefusedBeforeAllocating() {
        // 78 400 000 000 weights in one layer: more than any Java array
        assertOneLine(Cli.run("init", "--arch", "mlp:784,100000000,10", "--method", "he"), 2, "lps init",
                "--arch 'mlp:784,100000000,10': a layer has 78400000000 weights");
        // 20 layers of 1.6e9 weights each fit an array but not any heap this machine has
        String huge = "mlp:784" + ",40000".repeat(20) + ",10";
        assertOneLine(Cli.run("init", "--arch", huge, "--method", "he"), 2, "lps init", "parameters need about");
        assertOneLine(Cli.run("train", "--arch", huge), 2, "lps train", "raise -Xmx via LPS_JAVA_OPTS");
        assertOneLine(Cli.run("demo", "--arch", huge, "--out", dir.resolve("demo").toString()), 2, "lps demo", "--arch");
        assertOneLine(Cli.run("study", "inits", "--task", huge + "@1", "--data", "embedded",
                "--out", dir.resolve("s").toString()), 2, "lps study inits", "--task");
        assertOneLine(Cli.run("study", "dying-relu", "--widths", "100000", "--out", dir.toString()), 2,
                "lps study dying-relu", "--widths 100000 with --depths 50: a layer has 10000000000 weights");
        assertOneLine(Cli.run("init", "--arch", "cnn:1x28x28,c100000k99,d10", "--method", "he"), 2, "lps init", "parameters need about");
        // few parameters (33 M) but 6.4 M activations per image: the batch is what does not fit
        assertOneLine(Cli.run("train", "--arch", "cnn:1x28x28,c4096k3,d10", "--batch", "3000", "--quiet"), 2, "lps train",
                "--batch 3000 with --arch 'cnn:1x28x28,c4096k3,d10'");
    }

    // ------------------------------------------------------------------ output paths (points 7, 8, 9)

    @Test
    void outputPathsAreCheckedBeforeTheWork() throws Exception {
        String missing = dir.resolve("no/such/x.json").toString();
        assertOneLine(Cli.run("solve", "--system", "katsura3", "--quiet", "--out", missing), 2, "lps solve",
                "--out '" + missing + "': no such directory");
        Path sub = Files.createDirectory(dir.resolve("sub.json"));
        assertOneLine(Cli.run("solve", "--system", "katsura3", "--quiet", "--out", sub.toString()), 2, "lps solve",
                "is a directory");
        Path file = write("plain.txt", "not a directory");
        String under = file.resolve("x.json").toString();
        assertOneLine(Cli.run("solve", "--system", "katsura3", "--quiet", "--out", under), 2, "lps solve", "is not a directory");
        assertOneLine(Cli.run("init", "--arch", "mlp:4,2", "--method", "he", "--out", under.replace(".json", ".npz")), 2,
                "lps init", "--out");
        assertOneLine(Cli.run("train", "--arch", "mlp:784,10", "--plot", sub.toString().replace(".json", ".png")
                .replace("sub.png", "sub.json/../sub.json")), 2, "lps train", "--plot");
        assertOneLine(Cli.run("train", "--arch", "mlp:784,10", "--out", under.replace(".json", ".safetensors")), 2,
                "lps train", "--out");
        assertOneLine(Cli.run("fit", "--activation", "relu", "--plot", under.replace(".json", ".png")), 2, "lps fit", "--plot");
        assertOneLine(Cli.run("study", "counts", "--out", under), 2, "lps study counts", "--out");
        assertOneLine(Cli.run("study", "dying-relu", "--out", under), 2, "lps study dying-relu", "--out");
        assertOneLine(Cli.run("study", "inits", "--data", "embedded", "--out", under), 2, "lps study inits", "--out");
        assertOneLine(Cli.run("demo", "--out", file.toString()), 2, "lps demo", "--out");
        // a study whose BASE.json is a directory
        Files.createDirectory(dir.resolve("c.json"));
        assertOneLine(Cli.run("study", "counts", "--out", dir.resolve("c").toString()), 2, "lps study counts", "is a directory");
    }

    @Test
    void theInputIsNeverTheOutput() throws Exception {
        Path in = write("f.phc", "2\n x^2 - 1;\n y - 2;\n");
        String before = Files.readString(in);
        Files.createSymbolicLink(dir.resolve("link.phc"), in);
        Files.createDirectory(dir.resolve("sub"));
        for (String out : new String[] {in.toString(), dir.resolve("sub/../f.phc").toString(),
                dir.resolve("link.phc").toString(), dir.resolve("./f.phc").toString()}) {
            assertOneLine(Cli.run("solve", in.toString(), "--quiet", "--out", out), 2, "lps solve",
                    "is the input file");
        }
        assertEquals(before, Files.readString(in));
    }

    /**
     * A full disk or a file-size limit during the write: the old file stays whole, no temporary file is left,
     * and the message names the file and the reason, exit 1 (the input was fine). A child JVM under
     * {@code ulimit -f 1} (1 KiB) writes katsura5's 32 solutions as JSON (several KiB).
     */
    @Test
    void aFileSizeLimitLeavesTheOldFileWhole() throws Exception {
        Path out = write("old.json", "{\"old\":true}\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", "ulimit -f 1; exec \"$0\" -Xshare:off -XX:-UsePerfData"
                + " -cp \"$1\" org.lps.app.LpsApp solve --system katsura5 --quiet --threads 1 --out \"$2\"",
                java, cp, out.toString());
        pb.redirectErrorStream(false);
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), err);
        assertTrue(err.startsWith("lps solve: cannot write " + out + ": File too large"), err);
        assertFalse(err.contains("Exception"), err);
        assertEquals("{\"old\":true}\n", Files.readString(out));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(out), s.toList(), "no temporary file left");
        }
    }

    // ------------------------------------------------------------------ exit codes by who is at fault (point 13)

    private static Cli.Run report(Exception e) {
        CommandLine cl = LpsApp.commandLine().getSubcommands().get("solve");
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        int exit = new ErrorReporter().handleExecutionException(e, cl, null);
        return new Cli.Run(exit, "", err.toString());
    }

    @Test
    void internalErrorsAndFullDisksAreNotBlamedOnTheInput() {
        assertOneLine(report(new IllegalArgumentException("index -1")), 1, "lps solve",
                "internal error: IllegalArgumentException: index -1 (set LPS_DEBUG=1 for the stack trace)");
        assertOneLine(report(new IllegalStateException("bug")), 1, "lps solve", "internal error");
        assertOneLine(report(new OutputFileException(Path.of("r.json"), "No space left on device", null)), 1,
                "lps solve", "cannot write r.json: No space left on device");
        assertOneLine(report(new java.io.IOException("Broken pipe")), 1, "lps solve", "I/O error: Broken pipe");
        assertOneLine(report(new UserInputException("--x: bad")), 2, "lps solve", "--x: bad");
        assertOneLine(report(new org.lps.homotopy.poly.InvalidSystemException("2 equations in 3 unknowns")), 2,
                "lps solve", "2 equations in 3 unknowns");
        assertOneLine(report(new java.nio.file.NoSuchFileException("f.phc")), 2, "lps solve", "no such file: f.phc");
        assertOneLine(report(new java.io.UncheckedIOException(new OutputFileException(Path.of("a.csv"), "File too large",
                null))), 1, "lps solve", "cannot write a.csv: File too large");
        assertOneLine(report(new IllegalArgumentException("two\nlines")), 1, "lps solve", "internal error: IllegalArgumentException: two");
    }

    // ------------------------------------------------------------------ input files and messages (points 5, 11, 12)

    @Test
    void inputFileProblemsNameTheFile() throws Exception {
        Path d = Files.createDirectory(dir.resolve("adir"));
        assertOneLine(Cli.run("solve", d.toString(), "--quiet"), 2, "lps solve", d + ": is a directory");
        assertOneLine(Cli.run("count", d.toString()), 2, "lps count", d + ": is a directory");
        String none = dir.resolve("none.phc").toString();
        assertOneLine(Cli.run("solve", none, "--quiet"), 2, "lps solve", none + ": no such file");
        assertOneLine(Cli.run("count", none), 2, "lps count", none + ": no such file");
        Path empty = write("empty.phc", "");
        assertOneLine(Cli.run("solve", empty.toString(), "--quiet"), 2, "lps solve", "empty input");
        Path garbage = dir.resolve("garbage.phc");
        Files.write(garbage, new byte[] {0, (byte) 0xff, (byte) 0xfe, 1, 2, 3});
        assertOneLine(Cli.run("solve", garbage.toString(), "--quiet"), 2, "lps solve", "not a text file");
        Path deep = write("deep.phc", "1\n" + "(".repeat(5000) + "x" + ")".repeat(5000) + ";\n");
        assertOneLine(Cli.run("solve", deep.toString(), "--quiet"), 2, "lps solve", "nested more than");
        Path three = write("three.phc", "3\n x + y;\n x - y;\n x*y - 1;\n");
        assertOneLine(Cli.run("solve", three.toString(), "--quiet"), 2, "lps solve", "three.phc:1:1:");
        // a PHCpack file forced to plain: its first line becomes an equation, and the message says why
        Path two = write("two.phc", "2\n x + y - 1;\n x - y;\n");
        assertOneLine(Cli.run("solve", two.toString(), "--format", "plain", "--quiet"), 2, "lps solve",
                two + ": 3 equations in 2 unknowns: the solver needs a square system; the file looks like PHCpack format"
                        + " but --format plain was given");
        assertOneLine(Cli.run("count", two.toString(), "--format", "plain"), 2, "lps count", "--format plain was given");
        Path constant = write("constant.phc", "2\n 3;\n x - y;\n");
        assertOneLine(Cli.run("solve", constant.toString(), "--quiet"), 2, "lps solve",
                "constant.phc: equation 1 is the nonzero constant 3.0 = 0, so the system has no solution");
        Path zero = write("zero.phc", "2\n x - x;\n x - y;\n");
        assertOneLine(Cli.run("solve", zero.toString(), "--quiet"), 2, "lps solve",
                "equation 1 is identically zero, so no solution is isolated (the system is underdetermined)");
        Path tiny = write("tiny.phc", "1\n x - 1e-400;\n");
        assertOneLine(Cli.run("solve", tiny.toString(), "--quiet"), 2, "lps solve", "tiny.phc:2:6: number 1e-400 underflows");
        Path big = write("big.phc", "1\n x - 1E+400;\n");
        assertOneLine(Cli.run("solve", big.toString(), "--quiet"), 2, "lps solve", "big.phc:2:6: number 1E+400 overflows");
    }

    @Test
    void exponentZeroAndAByteOrderMarkAreFine() throws Exception {
        Path f = write("x0.phc", "\uFEFF1\n 2*x^0 + x^2 - 3;\n");
        JsonNode j = Cli.json(Cli.run("solve", f.toString(), "--json", "--solutions", "--quiet"));
        assertEquals(2, j.get("nonsingular").asInt());
        assertEquals(2, j.get("real").asInt());
        double[] x = new double[2];
        for (int k = 0; k < 2; k++) {
            x[k] = j.get("solutions").get(k).get("x").get(0).get(0).asDouble();
        }
        java.util.Arrays.sort(x);
        assertEquals(-1, x[0], 1e-12);   // 2 + x^2 - 3 = x^2 - 1
        assertEquals(1, x[1], 1e-12);
    }

    @Test
    void aDashReadsStandardInputForSolveAsForCount() throws Exception {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream("2\n x^2 - 4;\n y + 1;\n".getBytes(StandardCharsets.UTF_8)));
            Cli.Run r = Cli.run("solve", "-", "--quiet");
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.out().startsWith("<stdin>: 2 equations in 2 unknowns"), r.out());
            assertTrue(r.out().contains("nonsingular          2"), r.out());
            System.setIn(new ByteArrayInputStream("1\n x^3 - 1;\n".getBytes(StandardCharsets.UTF_8)));
            JsonNode j = Cli.json(Cli.run("count", "-", "--json"));
            assertEquals(3, j.get("totalDegree").asInt());
        } finally {
            System.setIn(saved);
        }
    }

    /**
     * The homotopy at k = 3 solves 1129797 paths (hours): refused up front with the count and the flag that allows it
     * (lps:k=3 alone goes to monodromy, LpsSettings.defaultSolver).
     */
    @Test
    void lpsBlocksOverThePathBudgetAreRefusedUpFront() {
        assertOneLine(Cli.run("init", "--arch", "mlp:4,3,2", "--method", "lps:k=3:solver=homotopy"), 2, "lps init",
                "--method lps:k=3:solver=homotopy: the block system (k = 3, d = 2) has 1129797 homotopy paths, over"
                        + " --path-budget 100000");
        assertOneLine(Cli.run("init", "--arch", "mlp:4,3,2", "--method", "lps", "--path-budget", "10000"), 2, "lps init",
                "has 10761 homotopy paths, over --path-budget 10000");
        assertOneLine(Cli.run("init", "--arch", "mlp:4,3,2", "--method", "he", "--path-budget", "0"), 2, "lps init",
                "--path-budget must be at least 1");
    }

    /** The mixed volume has a stated limit, a flag to change it, and says which one stopped it. */
    @Test
    void countsMixedVolumeLimitIsAFlag() throws Exception {
        Cli.Run r = Cli.run("count", "--system", "cyclic5", "--mixed-volume-limit", "10", "--quiet");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("mixed volume         not computed: more than 10 linear programs (raise"
                + " --mixed-volume-limit)"), r.out());
        assertTrue(r.out().contains("linear product       102"), r.out());   // the other bounds are still there
        JsonNode j = Cli.json(Cli.run("count", "--system", "cyclic5", "--mixed-volume-limit", "0", "--json", "--quiet"));
        assertTrue(j.get("mixedVolume").isNull());
        assertEquals(70, Cli.json(Cli.run("count", "--system", "cyclic5", "--json", "--quiet")).get("mixedVolume").asInt());
        assertOneLine(Cli.run("count", "--system", "cyclic5", "--mixed-volume-limit", "-1"), 2, "lps count",
                "--mixed-volume-limit must be at least 0");
    }

    @Test
    void duplicateKeysInMethodSpecsAreRefused() {
        assertOneLine(Cli.run("init", "--arch", "mlp:4,3,2", "--method", "lps:k=2:k=3"), 2, "lps init",
                "parameter k is given twice");
        assertOneLine(Cli.run("init", "--arch", "mlp:4,3,2", "--method", "lps:lambda=0.1:K=1:lambda=0.2"), 2,
                "lps init", "parameter lambda is given twice");
        assertOneLine(Cli.run("train", "--arch", "mlp:784,10", "--init", "lps:d=2:d=2"), 2, "lps train",
                "parameter d is given twice");
    }
}
