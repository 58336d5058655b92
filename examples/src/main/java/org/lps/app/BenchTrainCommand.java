package org.lps.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lps.nets.data.Dataset;
import org.lps.nets.data.FashionMnist;
import org.lps.nets.init.He;
import org.lps.nets.layer.Activations;
import org.lps.nets.loss.Loss;
import org.lps.nets.model.Architecture;
import org.lps.nets.model.Model;
import org.lps.nets.optim.Optimizer;
import org.lps.nets.tensor.Gemm;
import org.lps.nets.train.EpochResult;
import org.lps.nets.train.ProgressListener;
import org.lps.nets.train.Trainer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Our training throughput next to PyTorch's on the same MLP and CNN, in the same run: same batch, "
                + "same threads, He init, SGD momentum 0.9, cross-entropy. PyTorch runs with /usr/bin/python3 and the "
                + "OpenBLAS settings of docs/nets.md; it is skipped, saying so, when torch is missing.",
                "With --accuracy: the recipes of issue 5 on the full Fashion-MNIST (MLP 1 epoch, CNN 2 epochs, "
                + "standardized inputs, lr 0.05) for both, test accuracy side by side."})
final class BenchTrainCommand implements Callable<Integer> {
    static final String MLP = "mlp:784,256,256,10";
    static final String CNN = "cnn:1x28x28,c16k3,p2,c32k3,p2,d10";
    private static final String OPENBLAS_DIR = "/usr/lib/x86_64-linux-gnu/openblas-pthread";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--threads", description = "Threads for both sides; default: all cores")
    Integer threads;

    @Option(names = "--batch", defaultValue = "128", description = "default: ${DEFAULT-VALUE}")
    int batch;

    @Option(names = "--seconds", defaultValue = "4", description = "Length of one timed run; default: ${DEFAULT-VALUE}")
    double seconds;

    @Option(names = "--repeats", defaultValue = "3", description = "Timed runs per side (the best counts); default: ${DEFAULT-VALUE}")
    int repeats;

    @Option(names = "--arch", defaultValue = "both", paramLabel = "mlp|cnn|both", description = "mlp, cnn or both; default: ${DEFAULT-VALUE}")
    String which;

    @Option(names = "--accuracy", description = "Compare test accuracy on the full Fashion-MNIST instead of speed")
    boolean accuracy;

    @Option(names = "--seeds", defaultValue = "1", description = "With --accuracy: seeds 1..N for both sides, mean accuracy; default: ${DEFAULT-VALUE}")
    int seeds;

    @Option(names = "--profile", description = "Also print where our training time goes, per layer")
    boolean profile;

    @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "The Python with torch; default: ${DEFAULT-VALUE}")
    String python;

    @Option(names = "--json", description = "One JSON object on stdout")
    boolean json;

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1 || batch < 1 || !(seconds > 0) || repeats < 1 || seeds < 1) {
            throw new UserInputException("--threads, --batch, --seconds, --repeats and --seeds must be positive");
        }
        List<String> archs = switch (which.toLowerCase(Locale.ROOT)) {
            case "mlp" -> List.of(MLP);
            case "cnn" -> List.of(CNN);
            case "both" -> List.of(MLP, CNN);
            default -> throw new UserInputException("--arch '" + which + "': expected mlp, cnn or both");
        };
        String torchProblem = torchProblem();
        if (torchProblem != null) {
            err.println("lps bench train: PyTorch peer skipped: " + torchProblem);
        }
        String blasThreads = System.getenv("OPENBLAS_NUM_THREADS");
        if (!"1".equals(blasThreads)) {
            err.println("lps bench train: OPENBLAS_NUM_THREADS is " + (blasThreads == null ? "unset" : blasThreads)
                    + "; run through ./lps (which sets it to 1) or our threads and OpenBLAS's compete");
        }
        ObjectNode report = mapper.createObjectNode();
        report.put("mode", accuracy ? "accuracy" : "speed");
        report.put("threads", t);
        report.put("batch", batch);
        report.put("gemm", Gemm.backend());
        report.put("openblasCoretype", System.getenv("OPENBLAS_CORETYPE"));
        ArrayNode rows = report.putArray("results");
        if (!json) {
            String core = System.getenv("OPENBLAS_CORETYPE");
            out.printf("threads %d, batch %d, GEMM %s, OPENBLAS_CORETYPE=%s%n", t, batch, Gemm.backend(), core == null ? "(unset)" : core);
        }
        try (TorchPeer torch = accuracy || torchProblem != null ? null : new TorchPeer(t)) {
            for (String arch : archs) {
                ObjectNode row = accuracy ? accuracyRow(arch, t, torchProblem, err) : speedRow(arch, t, torch, err, out);
                rows.add(row);
                if (!json) {
                    print(out, row);
                }
            }
        }
        if (json) {
            out.println(report);
        }
        return 0;
    }

    /**
     * Alternates timed runs, ours then PyTorch's, {@code repeats} times: on a shared machine both sides then
     * see the same background load, and the best run of each counts.
     */
    private ObjectNode speedRow(String arch, int t, TorchPeer torch, PrintWriter err, PrintWriter out) throws IOException {
        String key = arch.substring(0, 3);
        Model model = Architecture.parse(arch, Activations.relu());
        new He().initialize(model, 1);
        Dataset data = FashionMnist.embedded().standardized().train();
        int[] order = new int[data.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        double[] ours = new double[repeats];
        double[] theirs = new double[repeats];
        try (Trainer trainer = new Trainer(model, Optimizer.sgd(0.05, 0.9, 0), Loss.softmaxCrossEntropy(), batch, t)) {
            err.println("lps bench train: " + key + ": warming up...");
            timed(trainer, data, order, Math.min(2.0, seconds));
            if (profile) {
                trainer.startProfile();
            }
            for (int r = 0; r < repeats; r++) {
                err.println("lps bench train: " + key + ": run " + (r + 1) + "/" + repeats + (torch == null ? "" : ", ours then pytorch"));
                ours[r] = timed(trainer, data, order, seconds);
                if (torch != null) {
                    theirs[r] = torch.run(key, seconds);
                }
            }
            if (profile && !json) {
                out.print(trainer.profile());
            }
        }
        ObjectNode row = mapper.createObjectNode();
        row.put("arch", arch);
        row.put("oursImagesPerSecond", Math.round(max(ours)));
        row.set("oursRuns", runs(ours));
        if (torch != null) {
            row.put("pytorchImagesPerSecond", Math.round(max(theirs)));
            row.set("pytorchRuns", runs(theirs));
            row.put("ratio", Math.round(max(ours) / max(theirs) * 1000) / 1000.0);
        }
        return row;
    }

    /** The PyTorch side of the speed benchmark: bench_train.py in serve mode, one timed run per request. */
    private final class TorchPeer implements AutoCloseable {
        private final Process process;
        private final Path script;
        private final java.io.BufferedReader in;
        private final java.io.Writer toPython;

        TorchPeer(int threads) throws IOException {
            script = extractScript();
            process = processBuilder(List.of(script.toString(), "--mode", "serve", "--batch", "" + batch, "--threads", "" + threads))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            in = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            toPython = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            response(); // {"ready": true, ...}
        }

        double run(String arch, double secs) throws IOException {
            toPython.write(arch + " " + secs + "\n");
            toPython.flush();
            return response().path("imagesPerSecond").asDouble();
        }

        private JsonNode response() throws IOException {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("{")) {
                    return mapper.readTree(line);
                }
            }
            throw new IOException("the PyTorch benchmark stopped without an answer");
        }

        @Override
        public void close() throws IOException {
            try {
                toPython.close();
                process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                process.destroy();
                Files.deleteIfExists(script);
            }
        }
    }

    private double timed(Trainer trainer, Dataset data, int[] order, double secs) {
        long start = System.nanoTime();
        long images = 0;
        long limit = (long) (secs * 1e9);
        int n = data.size() - data.size() % batch; // whole batches only, like the Python side
        while (true) {
            for (int from = 0; from < n; from += batch) {
                trainer.step(data, order, from, batch);
                images += batch;
            }
            long el = System.nanoTime() - start;
            if (el >= limit) {
                return images / (el / 1e9);
            }
        }
    }

    private ObjectNode accuracyRow(String arch, int t, String torchProblem, PrintWriter err) throws IOException, InterruptedException {
        String key = arch.substring(0, 3);
        int epochs = key.equals("mlp") ? 1 : 2;
        FashionMnist.Split split = FashionMnist.load().standardized();
        ArrayNode oursAcc = mapper.createArrayNode();
        ArrayNode torchAcc = mapper.createArrayNode();
        double oursSum = 0;
        double torchSum = 0;
        for (int seed = 1; seed <= seeds; seed++) {
            Model model = Architecture.parse(arch, Activations.relu());
            new He().initialize(model, seed);
            err.println("lps bench train: " + key + ", seed " + seed + ": ours, " + epochs + " epoch(s) on the full Fashion-MNIST...");
            List<EpochResult> ours;
            try (Trainer trainer = new Trainer(model, Optimizer.sgd(0.05, 0.9, 0), Loss.softmaxCrossEntropy(), batch, t)) {
                ours = trainer.fit(split.train(), split.test(), epochs, seed, ProgressListener.NONE);
            }
            double a = ours.get(ours.size() - 1).testAccuracy();
            oursAcc.add(a);
            oursSum += a;
            if (torchProblem == null) {
                err.println("lps bench train: " + key + ", seed " + seed + ": pytorch, same recipe...");
                List<JsonNode> lines = python(List.of("--mode", "accuracy", "--arch", key, "--batch", "" + batch, "--threads", "" + t,
                        "--epochs", "" + epochs, "--seed", "" + seed, "--data", FashionMnist.locate().toString()));
                double p = Math.round(lines.get(lines.size() - 1).path("testAccuracy").asDouble() * 10000) / 10000.0; // float32 noise digits
                torchAcc.add(p);
                torchSum += p;
            }
        }
        ObjectNode row = mapper.createObjectNode();
        row.put("arch", arch);
        row.put("epochs", epochs);
        row.put("seeds", seeds);
        row.put("oursTestAccuracy", oursSum / seeds);
        row.set("oursRuns", oursAcc);
        if (torchProblem == null) {
            row.put("pytorchTestAccuracy", torchSum / seeds);
            row.set("pytorchRuns", torchAcc);
            row.put("accuracyDifference", Math.round((oursSum - torchSum) / seeds * 10000) / 10000.0);
        }
        return row;
    }

    private void print(PrintWriter out, ObjectNode row) {
        if (accuracy) {
            out.printf("%-36s %d epoch(s), %d seed(s)  ours %.4f", row.get("arch").asText(), row.get("epochs").asInt(),
                    row.get("seeds").asInt(), row.get("oursTestAccuracy").asDouble());
            if (row.has("pytorchTestAccuracy")) {
                out.printf("  pytorch %.4f  difference %+.4f", row.get("pytorchTestAccuracy").asDouble(), row.get("accuracyDifference").asDouble());
            }
            if (row.get("seeds").asInt() > 1) {
                out.printf("%n  runs: ours %s  pytorch %s", row.get("oursRuns"), row.path("pytorchRuns"));
            }
        } else {
            out.printf("%-36s ours %7d images/s", row.get("arch").asText(), row.get("oursImagesPerSecond").asLong());
            if (row.has("pytorchImagesPerSecond")) {
                out.printf("  pytorch %7d images/s  ratio %.2f", row.get("pytorchImagesPerSecond").asLong(), row.get("ratio").asDouble());
            }
        }
        out.println();
        out.flush();
    }

    /** Null when {@code python -c 'import torch'} works, else why not. */
    private String torchProblem() {
        try {
            Process p = processBuilder(List.of("-c", "import torch")).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0 ? null : python + " -c 'import torch' failed (on Debian: apt-get install python3-torch)";
        } catch (IOException e) {
            return "cannot run " + python + " (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static Path extractScript() throws IOException {
        Path script = Files.createTempFile("lps-bench-train", ".py");
        try (InputStream in = BenchTrainCommand.class.getResourceAsStream("bench_train.py")) {
            if (in == null) {
                throw new IllegalStateException("bench_train.py missing from the app");
            }
            Files.write(script, in.readAllBytes());
        }
        return script;
    }

    private List<JsonNode> python(List<String> args) throws IOException, InterruptedException {
        Path script = extractScript();
        try {
            List<String> cmd = new ArrayList<>();
            cmd.add(script.toString());
            cmd.addAll(args);
            Process p = processBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IOException("the PyTorch benchmark failed (exit " + p.exitValue() + ")");
            }
            List<JsonNode> lines = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (line.startsWith("{")) {
                    lines.add(mapper.readTree(line));
                }
            }
            if (lines.isEmpty()) {
                throw new IOException("the PyTorch benchmark printed no result");
            }
            return lines;
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /** PyTorch in its fastest setup here (docs/nets.md): OpenBLAS pthread, one BLAS thread, SkylakeX kernels on AVX-512 AMD. */
    private ProcessBuilder processBuilder(List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(python);
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (Files.isDirectory(Path.of(OPENBLAS_DIR))) {
            String old = System.getenv("LD_LIBRARY_PATH");
            pb.environment().put("LD_LIBRARY_PATH", old == null || old.isEmpty() ? OPENBLAS_DIR : OPENBLAS_DIR + ":" + old);
        }
        pb.environment().put("OPENBLAS_NUM_THREADS", "1");
        String core = System.getenv("OPENBLAS_CORETYPE");
        if (core != null) {
            pb.environment().put("OPENBLAS_CORETYPE", core);
        } else if (amdAvx512()) {
            pb.environment().put("OPENBLAS_CORETYPE", "SkylakeX");
        }
        return pb;
    }

    private static boolean amdAvx512() {
        try {
            String info = Files.readString(Path.of("/proc/cpuinfo"));
            return info.contains("AuthenticAMD") && info.contains(" avx512f");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private ArrayNode runs(double[] r) {
        ArrayNode a = mapper.createArrayNode();
        for (double v : r) {
            a.add(Math.round(v));
        }
        return a;
    }

    private static double max(double[] v) {
        double m = v[0];
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }
}
