package org.lps.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lps.homotopy.rootcount.RootCounts;
import org.lps.init.Initializer;
import org.lps.init.Initializers;
import org.lps.init.PredictedMoments;
import org.lps.init.lps.LpsInitializer;
import org.lps.init.lps.LpsSettings;
import org.lps.init.lps.block.ActivationFit;
import org.lps.init.lps.block.BlockCache;
import org.lps.init.lps.block.BlockProblem;
import org.lps.init.lps.block.BlockSolution;
import org.lps.init.lps.block.BlockSpec;
import org.lps.init.lps.block.CriticalPoint;
import org.lps.init.lps.block.LpsBlockSystem;
import org.lps.init.study.InitsStudy;
import org.lps.init.study.StudyOutput;
import org.lps.nets.data.Dataset;
import org.lps.nets.data.FashionMnist;
import org.lps.nets.io.Weights;
import org.lps.nets.layer.Activations;
import org.lps.nets.model.Architecture;
import org.lps.nets.model.Model;
import org.lps.nets.model.PreActivations;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lps demo}: LPS initialization from end to end on the embedded defaults, each step printing what it
 * computed. The steps are those of docs/design.md's definition, in order: the activation's polynomial fit, the block's
 * gradient system and its root counts, every path of the linear-product homotopy, the real critical points
 * classified, the lift to a network (with the predicted pre-activation statistics checked on data), and training
 * next to He initialization.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The main job on embedded defaults: fit ReLU, solve the LPS block system (bounds, paths, "
                + "real critical points, minima), write LPS weights for a small MLP, train it on the embedded "
                + "Fashion-MNIST subset next to He initialization, print the comparison and write a PNG.",
                "Under 2 minutes on 2 cores."})
final class DemoCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", defaultValue = "lps-demo", paramLabel = "DIR",
            description = "Directory for the weights, JSON, CSV and PNG (created if missing); default: ${DEFAULT-VALUE}")
    Path out;

    @Option(names = "--arch", defaultValue = "mlp:784,128,64,10",
            description = "The network to initialize and train; default: ${DEFAULT-VALUE}")
    String arch;

    @Option(names = "--epochs", defaultValue = "5", description = "Training epochs; default: ${DEFAULT-VALUE}")
    int epochs;

    @Option(names = "--seeds", defaultValue = "5", description = "Training runs per scheme (seeds 1..N); default: ${DEFAULT-VALUE}")
    int seeds;

    @Option(names = "--threads", description = "Threads for the solver and training; default: all cores")
    Integer threads;

    @Override
    public Integer call() throws Exception {
        if (epochs < 1) {
            throw new UserInputException("--epochs must be at least 1, got " + epochs);
        }
        if (seeds < 1) {
            throw new UserInputException("--seeds must be at least 1, got " + seeds);
        }
        if (threads != null && threads < 1) {
            throw new UserInputException("--threads must be at least 1, got " + threads);
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserInputException("--out '" + out + "' exists and is not a directory");
        }
        Path parent = out.toAbsolutePath().getParent();
        if (Files.isDirectory(out) ? !Files.isWritable(out) : parent != null && !Files.isWritable(parent)) {
            throw new UserInputException("--out '" + out + "': " + (Files.isDirectory(out) ? "the directory is not writable"
                    : parent + (Files.isDirectory(parent) ? " is not writable" : " does not exist")));
        }
        if (Files.isDirectory(out)) {
            for (String name : new String[] {"lps-weights.safetensors", "training.json", "training.csv", "training.png"}) {
                Outputs.require("--out", out.resolve(name));
            }
        }
        ModelSize.require("--arch", arch, "lps demo", ModelSize.TRAIN_BYTES_PER_PARAMETER, 128,
                ModelSize.TRAIN_BYTES_PER_ACTIVATION);
        Model probe = UserInputException.forFlag("--arch", () -> Architecture.parse(arch, Activations.relu()));
        FashionMnist.Split data = FashionMnist.embedded().standardized();
        if (probe.inputShape().size() != data.train().shape().size()) {
            throw new UserInputException("--arch '" + arch + "' takes inputs of " + probe.inputShape()
                    + " but the embedded Fashion-MNIST images are " + data.train().shape());
        }
        Files.createDirectories(out);
        int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();

        BlockSpec block = LpsSettings.defaults().block(org.lps.polyapprox.activation.Activation.relu());
        BlockProblem problem = BlockProblem.of(block);
        printFit(o, problem.fit());
        BlockSolution solved = solveBlock(o, err, problem, nThreads);
        Initializer lps = Initializers.parse("lps");
        Path weights = writeWeights(o, lps, data.train());
        train(o, err, data, nThreads);
        o.printf(Locale.ROOT, "%ndone in %.1f s; weights in %s; solve your own systems with lps solve, "
                + "count roots with lps count, compare every scheme with lps study inits.%n",
                (System.nanoTime() - start) / 1e9, weights);
        o.flush();
        return solved.minima().isEmpty() ? 1 : 0;
    }

    private static void printFit(PrintWriter o, ActivationFit fit) {
        double[] a = fit.coefficients();
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < a.length; i++) {
            p.append(i == 0 ? String.format(Locale.ROOT, "%.4f", a[i])
                    : String.format(Locale.ROOT, " %s %.4f t%s", a[i] < 0 ? "-" : "+", Math.abs(a[i]), i == 1 ? "" : "^" + i));
        }
        o.printf(Locale.ROOT, "1. Fit: %s(t) ~ p(t) = %s%n", fit.activation().name(), p);
        o.printf(Locale.ROOT, "   degree %d, least squares under %s; L2 error %.4f%n%n", fit.degree(), fit.measure(), fit.l2Error());
    }

    private BlockSolution solveBlock(PrintWriter o, PrintWriter err, BlockProblem problem, int nThreads) {
        BlockSpec b = problem.spec();
        int k = b.width();
        o.printf(Locale.ROOT, "2. Block: B(t) = sum_j v_j p(w_j t + b_j) + c fitted to t ~ N(0,1), k = %d, lambda = %s;%n",
                k, b.lambda());
        o.printf(Locale.ROOT, "   J = E[(B(t) - t)^2] + lambda (|w|^2 + |b|^2 + |v|^2) exactly by Gauss-Hermite; grad J = 0 "
                + "has %d equations in %s%n", problem.unknowns(), String.join(", ", problem.variableNames()));
        RootCounts rc = RootCounts.of(problem.gradientSystem());
        BlockSolution s;
        try (SolveCommand.ProgressBar bar = new SolveCommand.ProgressBar(err)) {
            s = BlockCache.solve(b, LpsSettings.defaults().solverSeed(), nThreads, bar::update);
        }
        o.printf(Locale.ROOT, "   total degree %s, multi-homogeneous %s, linear-product bound %s (the design's set structure)%n",
                s.totalDegree(), rc.multiHomogeneousBezout(), s.linearProductBound());
        o.printf(Locale.ROOT, "   tracked %d paths in %.2f s: %d failed, %d at infinity, %d finite, %d real critical points%n",
                s.paths(), s.seconds(), s.failed(), s.atInfinity(), s.finite(), s.realCritical());
        o.printf(Locale.ROOT, "   up to neuron permutations and sign symmetries: %d minima, %d saddles, %d maxima, %d degenerate%n",
                s.minima().size(), s.saddles(), s.maxima(), s.degenerate());
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "   %-4s %10s", "min", "J"));
        for (int j = 1; j <= k; j++) {
            head.append(String.format(Locale.ROOT, " %8s %8s %8s", "|w" + j + "|", "b" + j, "v" + j));
        }
        o.println(head.append(String.format(Locale.ROOT, " %8s", "c")));
        int shown = 0;
        for (CriticalPoint m : s.minima()) {
            double[] t = m.theta();
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "   %-4d %10.6f", ++shown, m.loss()));
            for (int j = 0; j < k; j++) {
                row.append(String.format(Locale.ROOT, " %8.4f %8.4f %8.4f", Math.abs(t[LpsBlockSystem.w(j)]),
                        t[LpsBlockSystem.b(j)], t[LpsBlockSystem.v(j)]));
            }
            o.println(row.append(String.format(Locale.ROOT, " %8.4f", t[LpsBlockSystem.c(k)])));
            if (shown == 8) {
                o.printf("   ... %d more in lps init --method lps --json%n", s.minima().size() - shown);
                break;
            }
        }
        o.printf(Locale.ROOT, "   the hidden units come in groups of %d sharing one random direction, each group the best minimum's "
                + "neurons (w, b),%n   times its layer's gain, scaled by its input's statistics; the gains even out the "
                + "layers' Gauss-Newton curvature%n   and the logits start with std %s (the design's definition as written, k = 1: "
                + "--method lps:design;%n   docs/lps.md says why the default differs)%n",
                k, LpsSettings.defaults().outputStd());
        o.println();
        return s;
    }

    private Path writeWeights(PrintWriter o, Initializer lps, Dataset images) throws Exception {
        Model model = Architecture.parse(arch, Activations.relu());
        long seed = 1;
        lps.initialize(model, seed);
        Path file = out.resolve("lps-weights.safetensors");
        Map<String, String> meta = new HashMap<>();
        meta.put("arch", arch);
        meta.put("init", "lps");
        meta.put("activation", "relu");
        meta.put("seed", Long.toString(seed));
        Weights.save(model, file, meta);
        o.printf(Locale.ROOT, "3. LPS weights for %s (seed %d, %d parameters) -> %s (PyTorch names layerN.weight/bias)%n",
                arch, seed, model.parameterCount(), file);
        int samples = Math.min(1000, images.size());
        List<PreActivations.Moments> measured = PreActivations.measure(model, images.features(), samples);
        Map<String, PredictedMoments> predicted = new HashMap<>();
        lps.predictedPreActivations().ifPresent(list -> list.forEach(p -> predicted.put(p.layer(), p)));
        o.printf(Locale.ROOT, "   pre-activations on %d embedded training images: predicted by the lift against measured%n", samples);
        Map<String, Double> gains = new HashMap<>();
        if (lps instanceof LpsInitializer l) {
            l.predictions().forEach(p -> gains.put(p.layer(), p.gain()));
        }
        o.printf(Locale.ROOT, "   %-8s %7s %15s %14s %14s %13s%n", "layer", "gain", "predicted mean", "measured mean",
                "predicted std", "measured std");
        for (PreActivations.Moments m : measured) {
            PredictedMoments p = predicted.get(m.layer());
            Double g = gains.get(m.layer());
            o.printf(Locale.ROOT, "   %-8s %7s %15s %14.4f %14s %13.4f%n", m.layer(),
                    g == null ? "-" : String.format(Locale.ROOT, "%.3f", g),
                    p == null ? "-" : String.format(Locale.ROOT, "%.4f", p.mean()), m.mean(),
                    p == null ? "-" : String.format(Locale.ROOT, "%.4f", Math.sqrt(p.variance())), m.std());
        }
        o.println();
        return file;
    }

    private void train(PrintWriter o, PrintWriter err, FashionMnist.Split data, int nThreads) {
        List<Long> seedList = new ArrayList<>();
        for (long s = 1; s <= seeds; s++) {
            seedList.add(s);
        }
        InitsStudy.Settings settings = new InitsStudy.Settings(List.of(new InitsStudy.Task(arch, epochs)),
                List.of("he", "lps"), seedList, Activations.relu(), 128, 0.05, 0.9, nThreads);
        o.printf(Locale.ROOT, "4. Training %s on the embedded Fashion-MNIST subset (%d train, %d test images), "
                + "SGD lr 0.05 momentum 0.9, batch 128, %d epochs, seeds 1..%d%n", arch, data.train().size(),
                data.test().size(), epochs, seeds);
        List<InitsStudy.Run> runs = new InitsStudy(settings, Initializers::parse).run(data, new InitsStudy.Progress() {
            @Override
            public void run(int index, int total, String a, String method, long seed) {
                err.printf(Locale.ROOT, "\r   training %d/%d: %s seed %d   ", index, total, method, seed);
                err.flush();
            }

            @Override
            public void epoch(InitsStudy.Run r) {
            }
        });
        err.print("\r" + " ".repeat(60) + "\r");
        err.flush();
        List<InitsStudy.Summary> summaries = InitsStudy.summarize(runs);
        o.printf(Locale.ROOT, "   test accuracy, mean +- std over %d seeds%n", seeds);
        o.printf(Locale.ROOT, "   %-6s %18s %18s %11s%n", "epoch", "he", "lps", "lps - he");
        for (int ep = 1; ep <= epochs; ep++) {
            InitsStudy.Summary he = find(summaries, "he", ep);
            InitsStudy.Summary lp = find(summaries, "lps", ep);
            o.printf(Locale.ROOT, "   %-6d %18s %18s %+11.4f%n", ep, cell(he), cell(lp), lp.meanAccuracy() - he.meanAccuracy());
        }
        StudyOutput output = new StudyOutput(out.resolve("training"));
        InitsStudy.write(output, settings, runs, summaries);
        o.printf(Locale.ROOT, "%n5. Wrote %s, %s and the plot %s%n", output.json(), output.csv(), output.png());
    }

    private static InitsStudy.Summary find(List<InitsStudy.Summary> summaries, String method, int epoch) {
        return summaries.stream().filter(s -> s.method().equals(method) && s.epoch() == epoch).findFirst().orElseThrow();
    }

    private static String cell(InitsStudy.Summary s) {
        return Double.isFinite(s.meanAccuracy())
                ? String.format(Locale.ROOT, "%.4f +- %.4f", s.meanAccuracy(), s.stdAccuracy()) : "diverged";
    }
}
