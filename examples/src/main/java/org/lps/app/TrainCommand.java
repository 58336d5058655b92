package org.lps.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lps.init.Initializer;
import org.lps.init.MethodSpec;
import org.lps.nets.data.FashionMnist;
import org.lps.nets.io.Weights;
import org.lps.nets.layer.Activations;
import org.lps.nets.loss.Loss;
import org.lps.nets.model.Architecture;
import org.lps.nets.model.Model;
import org.lps.nets.optim.Optimizer;
import org.lps.nets.tensor.Gemm;
import org.lps.nets.train.EpochResult;
import org.lps.nets.train.Trainer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a network on Fashion-MNIST: a progress bar on stderr, one line (or JSON object) per epoch.",
                "Inputs are standardized with the training set's mean and standard deviation."})
final class TrainCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--arch", required = true, description = "mlp:784,256,256,10 or cnn:1x28x28,c16k3,p2,c32k3,p2,d10")
    String arch;

    @Option(names = "--init", defaultValue = "he", paramLabel = "M",
            description = "Weight initialization, NAME[:PARAMS] as in lps init --method: ${COMPLETION-CANDIDATES}; default: ${DEFAULT-VALUE}",
            completionCandidates = InitCommand.Syntaxes.class)
    String init;

    @Option(names = "--data", defaultValue = "embedded", description = "fashion-mnist (the full set, from $LPS_DATA or /usr/share/datasets/fashion-mnist), embedded (the shipped subset) or a directory of MNIST-format IDX files; default: ${DEFAULT-VALUE}")
    String data;

    @Option(names = "--epochs", defaultValue = "1", description = "default: ${DEFAULT-VALUE}")
    int epochs;

    @Option(names = "--batch", defaultValue = "128", description = "default: ${DEFAULT-VALUE}")
    int batch;

    @Option(names = "--lr", description = "Learning rate; default 0.05 for sgd, 0.001 for adam")
    Double lr;

    @Option(names = "--momentum", defaultValue = "0.9", description = "SGD momentum; default: ${DEFAULT-VALUE}")
    double momentum;

    @Option(names = "--weight-decay", defaultValue = "0", description = "L2 weight decay; default: ${DEFAULT-VALUE}")
    double weightDecay;

    @Option(names = "--optimizer", defaultValue = "sgd", description = "sgd or adam; default: ${DEFAULT-VALUE}")
    String optimizer;

    @Option(names = "--activation", defaultValue = "relu", description = "relu, leaky-relu:A, tanh, sigmoid, gelu, silu or poly:c0,c1,...; default: ${DEFAULT-VALUE}")
    String activation;

    @Option(names = "--loss", defaultValue = "cross-entropy", description = "cross-entropy or mse; default: ${DEFAULT-VALUE}")
    String loss;

    @Option(names = "--seed", defaultValue = "1", description = "Seeds the weights and the batch order; default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--threads", description = "Training threads; default: all cores. Results are reproducible for the same seed and thread count.")
    Integer threads;

    @Option(names = "--json", description = "One JSON object per epoch on stdout: epoch, trainLoss, testLoss, testAccuracy, imagesPerSecond")
    boolean json;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "Write the loss and accuracy curves as a PNG")
    Path plot;

    @Option(names = "--out", paramLabel = "FILE", description = "Save the trained weights (.safetensors or .npz)")
    Path out;

    @Option(names = "--quiet", description = "No progress bar")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (plot != null && !plot.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw new UserInputException("--plot '" + plot + "': the plot is a PNG, name it FILE.png");
        }
        String outName = out == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (out != null && !outName.endsWith(".safetensors") && !outName.endsWith(".npz")) {
            throw new UserInputException("--out '" + out + "': weight files end in .safetensors or .npz");
        }
        // Fail before training, not after it.
        Outputs.require("--plot", plot);
        Outputs.require("--out", out);
        if (epochs < 1) {
            throw new UserInputException("--epochs must be at least 1, got " + epochs);
        }
        if (batch < 1) {
            throw new UserInputException("--batch must be at least 1, got " + batch);
        }
        if (threads != null && threads < 1) {
            throw new UserInputException("--threads must be at least 1, got " + threads);
        }
        if (lr != null && (!(lr > 0) || !Double.isFinite(lr))) {
            throw new UserInputException("--lr must be a positive number, got " + lr);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new UserInputException("--momentum must be in [0, 1), got " + momentum);
        }
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
            throw new UserInputException("--weight-decay must be finite and >= 0, got " + weightDecay);
        }
        var act = UserInputException.forFlag("--activation", () -> Activations.parse(activation));
        // the parameters now, before allocating them; the batch's activations once the batch is known (below)
        ModelSize.require("--arch", arch, "lps train", ModelSize.TRAIN_BYTES_PER_PARAMETER, 0, 0);
        Model model = UserInputException.forFlag("--arch", () -> Architecture.parse(arch, act));
        // lps-init's parser: every registered scheme with its parameters (fmp:0.8), nets' own names included.
        Initializer scheme = InitCommand.resolve("--init", init, null);
        String initName = MethodSpec.parse(init).method();
        Loss lossFn = UserInputException.forFlag("--loss", () -> Loss.parse(loss));
        Optimizer opt = optimizer(optimizer, lr, momentum, weightDecay);
        int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        FashionMnist.Split split = UserInputException.forFlag("--data", () -> InitCommand.byName(data)).standardized();
        if (split.train().shape().size() != model.inputShape().size()) {
            throw new UserInputException("--arch '" + arch + "' takes inputs of " + model.inputShape()
                    + " but the " + data + " images are " + split.train().shape());
        }
        if (batch > split.train().size()) {
            err.println("lps train: --batch " + batch + " is more than the " + split.train().size() + " training images; using " + split.train().size());
            batch = split.train().size();
        }
        ModelSize.require("--arch", arch, "--batch " + batch + " with --arch '" + arch + "'", "lps train",
                ModelSize.TRAIN_BYTES_PER_PARAMETER, batch, ModelSize.TRAIN_BYTES_PER_ACTIVATION);
        try {
            scheme.initialize(model, seed);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--init '" + init + "' with --activation " + activation + ": " + e.getMessage(), e);
        }
        if (!Gemm.isNative()) {
            err.println("lps train: GEMM backend: " + Gemm.backend());
        }
        TrainProgressBar bar = new TrainProgressBar(err, epochs, !quiet);
        ObjectMapper mapper = new ObjectMapper();
        if (!json) {
            o.printf("%s, %d parameters, init %s, %s lr %s, batch %d, %d threads, %s: %d train / %d test images%n",
                    arch, model.parameterCount(), initName, opt.name(), fmt(opt.learningRate()), batch, nThreads,
                    data, split.train().size(), split.test().size());
            o.println("epoch  trainLoss  testLoss  testAccuracy  imagesPerSecond");
            o.flush();
        }
        List<EpochResult> results;
        try (Trainer trainer = new Trainer(model, opt, lossFn, batch, nThreads)) {
            results = trainer.fit(split.train(), split.test(), epochs, seed, new org.lps.nets.train.ProgressListener() {
                @Override
                public void batch(int epoch, int done, int total, double batchLoss, double meanLoss) {
                    bar.batch(epoch, done, total, batchLoss, meanLoss);
                }

                @Override
                public void epoch(EpochResult r) {
                    bar.epoch(r);
                    if (!Double.isFinite(r.trainLoss())) {
                        throw new UserInputException("training diverged in epoch " + r.epoch() + " (the loss is "
                                + r.trainLoss() + "): lower --lr (" + fmt(opt.learningRate()) + ")");
                    }
                    if (json) {
                        ObjectNode n = mapper.createObjectNode();
                        n.put("epoch", r.epoch());
                        n.put("trainLoss", r.trainLoss());
                        n.put("testLoss", r.testLoss());
                        n.put("testAccuracy", r.testAccuracy());
                        n.put("imagesPerSecond", Math.round(r.imagesPerSecond()));
                        o.println(n);
                    } else {
                        o.printf("%5d  %9.4f  %8.4f  %12.4f  %15.0f%n", r.epoch(), r.trainLoss(), r.testLoss(), r.testAccuracy(), r.imagesPerSecond());
                    }
                    o.flush();
                }
            });
        }
        if (plot != null) {
            TrainPlot.write(plot, arch + ", init " + initName + ", " + opt.name() + ", " + data, bar.lossCurve(), results);
            if (!json) {
                o.println("plot: " + plot);
            }
        }
        if (out != null) {
            Weights.save(model, out, java.util.Map.of("arch", arch, "init", initName, "activation", activation));
            if (!json) {
                o.println("weights: " + out);
            }
        }
        return 0;
    }

    static Optimizer optimizer(String name, Double lr, double momentum, double weightDecay) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "sgd": return Optimizer.sgd(lr == null ? 0.05 : lr, momentum, weightDecay);
            case "adam": return Optimizer.adam(lr == null ? 0.001 : lr, 0.9, 0.999, 1e-8, weightDecay);
            default: throw new UserInputException("--optimizer '" + name + "': expected sgd or adam");
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
