package org.lps.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.lps.init.Initializer;
import org.lps.init.Initializers;
import org.lps.init.MethodSpec;
import org.lps.init.PredictedMoments;
import org.lps.init.diagnostics.HessianNorms;
import org.lps.nets.data.Dataset;
import org.lps.nets.data.FashionMnist;
import org.lps.nets.io.Weights;
import org.lps.nets.layer.Activation;
import org.lps.nets.layer.Activations;
import org.lps.nets.layer.Parameter;
import org.lps.nets.layer.ParameterizedLayer;
import org.lps.nets.model.Architecture;
import org.lps.nets.model.Model;
import org.lps.nets.model.PreActivations;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lps init}: the weights of an architecture by one scheme, their per-layer statistics, and on data the
 * pre-activation statistics (measured, and predicted when the scheme predicts them) and the Gauss-Newton
 * Hessian norms.
 */
@Command(name = "init", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generate initial weights (LPS or another scheme) for an architecture; print per-layer statistics.",
                "With --data: the pre-activation mean and std of every layer on " + InitCommand.MEASURE_SAMPLES
                        + " standardized training images, next to the scheme's prediction when it makes one.",
                "With --diagnose: the Gauss-Newton estimate of each layer's Hessian Frobenius norm for softmax cross-entropy on "
                        + InitCommand.DIAGNOSE_SAMPLES + " images."})
final class InitCommand implements Callable<Integer> {

    /** Images the pre-activation statistics are measured on. */
    static final int MEASURE_SAMPLES = 1000;
    /** Images the Hessian diagnostic averages over (its cost grows with their square). */
    static final int DIAGNOSE_SAMPLES = 64;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--arch", required = true, description = "mlp:784,256,256,10 or cnn:1x28x28,c16k3,p2,c32k3,p2,d10")
    String arch;

    @Option(names = "--method", required = true, paramLabel = "M",
            description = "The scheme, NAME[:PARAMS]: ${COMPLETION-CANDIDATES}", completionCandidates = Syntaxes.class)
    String method;

    @Option(names = "--activation", defaultValue = "relu", description = "relu, leaky-relu:A, tanh, sigmoid, gelu, silu or poly:c0,c1,...; default: ${DEFAULT-VALUE}")
    String activation;

    @Option(names = "--degree", paramLabel = "D", description = "Degree of the polynomial surrogate of the activation (lps only; lps's default when absent)")
    Integer degree;

    @Option(names = "--seed", defaultValue = "1", description = "default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the weights: FILE.safetensors or FILE.npz (PyTorch names layerN.weight / layerN.bias)")
    Path out;

    @Option(names = "--json", description = "One JSON object on stdout: layers (name, weightShape, weightMean, weightStd, biasMean, biasStd), "
            + "preActivations and diagnose when asked, and the scheme's details under its name")
    boolean json;

    @Option(names = "--data", paramLabel = "SET", description = "embedded, fashion-mnist or a directory of IDX files: measure pre-activations on it")
    String data;

    @Option(names = "--path-budget", paramLabel = "N", defaultValue = "" + DEFAULT_PATH_BUDGET,
            description = "lps only: refuse a block system with more homotopy paths than N (k = 2, d = 2 has 10761;"
                    + " k = 3, d = 2 has 1129797, hours on two cores: lps:k=3 is solved by monodromy, whose budget is"
                    + " lps:...:budget=N); default: ${DEFAULT-VALUE}")
    long pathBudget;

    /** Ten times the default block's paths: minutes, not hours. */
    static final long DEFAULT_PATH_BUDGET = 100_000;

    @Option(names = "--no-cache", description = "lps only: solve the block even if it is in the block cache"
            + " ($XDG_CACHE_HOME/lps/blocks or ~/.cache/lps/blocks), and do not write it there")
    boolean noCache;

    @Option(names = "--diagnose", description = "Gauss-Newton Hessian norm of every layer (on --data, embedded by default)")
    boolean diagnose;

    /** The method names with their parameters, for the help text. */
    static final class Syntaxes implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Initializers.syntaxes().iterator();
        }
    }

    @Override
    public Integer call() throws Exception {
        String outName = out == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (out != null && !outName.endsWith(".safetensors") && !outName.endsWith(".npz")) {
            throw new UserInputException("--out '" + out + "': weight files end in .safetensors or .npz");
        }
        Outputs.require("--out", out);
        if (degree != null && (degree < 1 || degree > 30)) {
            throw new UserInputException("--degree must be between 1 and 30, got " + degree);
        }
        Activation act = UserInputException.forFlag("--activation", () -> Activations.parse(activation));
        // before anything is allocated: the weights, and with --data the forward passes measured on the images
        ModelSize.require("--arch", arch, "lps init", ModelSize.INIT_BYTES_PER_PARAMETER,
                data != null || diagnose ? MEASURE_SAMPLES : 1, Float.BYTES);
        Model model = UserInputException.forFlag("--arch", () -> Architecture.parse(arch, act));
        Initializer init = withBlockCacheAndProgress(resolve(method, degree));
        requireWithinPathBudget(init);
        // Data first: a missing data set should fail before a long initialization.
        Dataset images = null;
        String dataName = data;
        if (data != null || diagnose) {
            dataName = data == null ? "embedded" : data;
            String name = dataName;
            images = UserInputException.forFlag("--data", () -> byName(name)).standardized().train();
            if (images.shape().size() != model.inputShape().size()) {
                throw new UserInputException("--arch '" + arch + "' takes inputs of " + model.inputShape()
                        + " but the " + dataName + " images are " + images.shape());
            }
        }
        long t0 = System.nanoTime();
        try {
            init.initialize(model, seed);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--method '" + method + "' with --activation " + activation + ": " + e.getMessage(), e);
        } finally {
            if (bar != null) {
                bar.close();
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<Map<String, Object>> layers = layerStats(model);
        List<Map<String, Object>> pre = null;
        List<HessianNorms.LayerNorm> norms = null;
        int measured = 0;
        if (images != null && data != null) {
            measured = Math.min(MEASURE_SAMPLES, images.size());
            pre = preActivations(model, init, images, measured);
        }
        int diagnosed = 0;
        if (diagnose) {
            diagnosed = Math.min(DIAGNOSE_SAMPLES, images.size());
            norms = HessianNorms.gaussNewton(model, images.features(), diagnosed);
        }
        if (out != null) {
            Map<String, String> meta = new HashMap<>();
            meta.put("arch", arch);
            meta.put("init", methodString());
            meta.put("activation", activation);
            meta.put("seed", Long.toString(seed));
            Weights.save(model, out, meta);
        }
        Optional<Object> details = init.details();
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("arch", arch);
            j.put("activation", act.name());
            j.put("method", methodString());
            j.put("seed", seed);
            j.put("parameters", model.parameterCount());
            j.put("seconds", seconds);
            j.put("layers", layers);
            if (pre != null) {
                j.put("data", dataName);
                j.put("samples", measured);
                j.put("preActivations", pre);
            }
            if (norms != null) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("data", dataName);
                d.put("samples", diagnosed);
                d.put("loss", "softmax cross-entropy, mean over the samples");
                List<Map<String, Object>> rows = new ArrayList<>();
                for (HessianNorms.LayerNorm n : norms) {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("name", n.layer());
                    r.put("weights", n.weights());
                    r.put("gaussNewtonFrobenius", n.frobenius());
                    rows.add(r);
                }
                d.put("layers", rows);
                j.put("diagnose", d);
            }
            details.ifPresent(d -> j.put(init.name(), d));
            if (out != null) {
                j.put("out", out.toString());
            }
            o.println(new ObjectMapper().writeValueAsString(j));
        } else {
            printHuman(o, model, act, layers, pre, dataName, measured, norms, diagnosed, details, init, seconds);
        }
        o.flush();
        return 0;
    }

    /**
     * LPS: the user's block cache (unless --no-cache), and progress on stderr while a block is solved: the homotopy's
     * paths with a rate and an estimate of the time left, monodromy's stages.
     */
    private SolveCommand.ProgressBar bar;

    private Initializer withBlockCacheAndProgress(Initializer init) {
        if (!(init instanceof org.lps.init.lps.LpsInitializer lps)) {
            return init;
        }
        PrintWriter err = spec.commandLine().getErr();
        bar = new SolveCommand.ProgressBar(err);
        org.lps.init.lps.LpsSettings s = lps.settings()
                .store(noCache ? null : org.lps.init.lps.block.BlockStore.user())
                .progress(bar::update)
                .listener(status -> {
                    err.println("lps: block by monodromy: " + status.line());
                    err.flush();
                });
        return new org.lps.init.lps.LpsInitializer(s);
    }

    /**
     * LPS solves its block system first; its paths are the linear-product bound of the design's set structure,
     * known before solving. Over the budget: refused with the count and what to do, instead of a silent hour.
     */
    private void requireWithinPathBudget(Initializer init) {
        requireWithinPathBudget("--method", method, init, pathBudget);
    }

    /**
     * The LPS block's linear-product path count against {@code budget}, for {@code lps init} and {@code lps study
     * inits} alike: known before solving, so over the budget is refused with the count and what to do instead of
     * a silent hour. Monodromy's path count is not known before it runs and is not checked here.
     */
    static void requireWithinPathBudget(String flag, String method, Initializer init, long budget) {
        if (budget < 1) {
            throw new UserInputException("--path-budget must be at least 1, got " + budget);
        }
        if (!(init instanceof org.lps.init.lps.LpsInitializer lps)
                || lps.settings().solver() != org.lps.init.lps.block.BlockSolver.Method.HOMOTOPY) {
            return;
        }
        int k = lps.settings().width(), d = lps.settings().degree();
        java.math.BigInteger paths = org.lps.homotopy.rootcount.LinearProductBound.count(
                org.lps.init.lps.block.LpsBlockSystem.designStructure(k, d));
        if (paths.compareTo(java.math.BigInteger.valueOf(budget)) > 0) {
            throw new UserInputException(flag + " " + method + ": the block system (k = " + k + ", d = " + d + ") has "
                    + paths + " homotopy paths, over --path-budget " + budget + " (the default lps, k = 2, d = 2,"
                    + " has 10761, about 15 s on 2 cores); raise --path-budget to solve it anyway, use solver=monodromy (lps:...:solver=monodromy) or a smaller k or d");
        }
    }

    /** FashionMnist.byName with its IOException unchecked, for {@link UserInputException#forFlag}. */
    static FashionMnist.Split byName(String name) {
        try {
            return FashionMnist.byName(name);
        } catch (java.io.IOException e) {
            // a data set that is not where it was said to be: the flag's value is what the user can change
            String m = String.valueOf(e.getMessage());
            throw new UserInputException(m.startsWith("--data") ? m : "--data '" + name + "': " + m, e);
        }
    }

    /** The method string as given, normalized ({@code FMP:0.5} -> {@code fmp:0.5}). */
    private String methodString() {
        return MethodSpec.parse(method).method();
    }

    /** {@code --method} parsed and configured; errors name the flag. Shared with {@code lps train --init}. */
    static Initializer resolve(String flag, String method, Integer degree) {
        try {
            MethodSpec s = MethodSpec.parse(method);
            return Initializers.parse(degree == null ? s : s.withDegree(degree));
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            throw new UserInputException(m.startsWith("--") ? m : flag + " " + m, e);
        }
    }

    private static Initializer resolve(String method, Integer degree) {
        return resolve("--method", method, degree);
    }

    static List<Map<String, Object>> layerStats(Model model) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ParameterizedLayer l : model.parameterizedLayers()) {
            double[] w = meanStd(l.weight());
            double[] b = meanStd(l.bias());
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", model.nameOf(l));
            r.put("kind", l.kind());
            r.put("weightShape", l.weight().shape());
            r.put("fanIn", l.fanIn());
            r.put("fanOut", l.fanOut());
            r.put("weightMean", w[0]);
            r.put("weightStd", w[1]);
            r.put("biasMean", b[0]);
            r.put("biasStd", b[1]);
            rows.add(r);
        }
        return rows;
    }

    /** Mean and (population) standard deviation, accumulated in double. */
    private static double[] meanStd(Parameter p) {
        float[] v = p.values();
        double s = 0;
        for (float x : v) {
            s += x;
        }
        double mean = s / v.length;
        double ss = 0;
        for (float x : v) {
            ss += (x - mean) * (x - mean);
        }
        return new double[] {mean, Math.sqrt(ss / v.length)};
    }

    private static List<Map<String, Object>> preActivations(Model model, Initializer init, Dataset images, int samples) {
        List<PreActivations.Moments> m = PreActivations.measure(model, images.features(), samples);
        Map<String, PredictedMoments> predicted = new HashMap<>();
        init.predictedPreActivations().ifPresent(list -> list.forEach(p -> predicted.put(p.layer(), p)));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PreActivations.Moments mo : m) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", mo.layer());
            r.put("measuredMean", mo.mean());
            r.put("measuredVariance", mo.variance());
            PredictedMoments p = predicted.get(mo.layer());
            r.put("predictedMean", p == null ? null : p.mean());
            r.put("predictedVariance", p == null ? null : p.variance());
            rows.add(r);
        }
        return rows;
    }

    private void printHuman(PrintWriter o, Model model, Activation act, List<Map<String, Object>> layers, List<Map<String, Object>> pre,
                            String dataName, int measured, List<HessianNorms.LayerNorm> norms, int diagnosed,
                            Optional<Object> details, Initializer init, double seconds) throws Exception {
        o.printf(Locale.ROOT, "%s, %s, %s, seed %d: %d parameters (%.2f s)%n", arch, act.name(), methodString(), seed,
                model.parameterCount(), seconds);
        o.printf(Locale.ROOT, "%-8s %-7s %-16s %7s %7s %12s %11s %11s %10s%n", "layer", "kind", "weight shape", "fan in", "fan out",
                "weight mean", "weight std", "bias mean", "bias std");
        for (Map<String, Object> r : layers) {
            o.printf(Locale.ROOT, "%-8s %-7s %-16s %7d %7d %12.6f %11.6f %11.6f %10.6f%n", r.get("name"), r.get("kind"),
                    Arrays.toString((int[]) r.get("weightShape")), (Integer) r.get("fanIn"), (Integer) r.get("fanOut"),
                    (Double) r.get("weightMean"), (Double) r.get("weightStd"), (Double) r.get("biasMean"), (Double) r.get("biasStd"));
        }
        if (pre != null) {
            o.printf(Locale.ROOT, "pre-activations on %d %s training images (standardized):%n", measured, dataName);
            o.printf(Locale.ROOT, "%-8s %14s %13s %15s %14s%n", "layer", "measured mean", "measured std", "predicted mean", "predicted std");
            for (Map<String, Object> r : pre) {
                Double pm = (Double) r.get("predictedMean");
                Double pv = (Double) r.get("predictedVariance");
                o.printf(Locale.ROOT, "%-8s %14.6f %13.6f %15s %14s%n", r.get("name"), (Double) r.get("measuredMean"),
                        Math.sqrt((Double) r.get("measuredVariance")), pm == null ? "-" : String.format(Locale.ROOT, "%.6f", pm),
                        pv == null ? "-" : String.format(Locale.ROOT, "%.6f", Math.sqrt(pv)));
            }
        }
        if (norms != null) {
            o.printf(Locale.ROOT, "Gauss-Newton Hessian Frobenius norm, softmax cross-entropy over %d %s training images:%n", diagnosed, dataName);
            o.printf(Locale.ROOT, "%-8s %9s %14s%n", "layer", "weights", "|H|_F");
            for (HessianNorms.LayerNorm n : norms) {
                o.printf(Locale.ROOT, "%-8s %9d %14.6g%n", n.layer(), n.weights(), n.frobenius());
            }
        }
        if (details.isPresent()) {
            o.printf("%s: %s%n", init.name(), new ObjectMapper().writeValueAsString(details.get()));
        }
        if (out != null) {
            o.println("weights: " + out);
        }
    }
}
