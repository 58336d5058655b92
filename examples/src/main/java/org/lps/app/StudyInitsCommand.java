package org.lps.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.lps.homotopy.solve.SolveOptions;
import org.lps.init.Initializers;
import org.lps.init.lps.LpsInitializer;
import org.lps.nets.init.WeightInit;
import org.lps.init.study.InitsStudy;
import org.lps.init.study.StudyOutput;
import org.lps.nets.data.FashionMnist;
import org.lps.nets.layer.Activations;
import org.lps.nets.model.Architecture;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "inits", mixinStandardHelpOptions = true,
        description = {"Train the same networks from every initialization scheme with several seeds; report the mean and",
                "spread of the test accuracy per epoch. Writes BASE.json, BASE.csv and BASE.png.",
                "Defaults: the MLP 784-256-256-10 for 5 epochs and the CNN 1x28x28,c16k3,p2,c32k3,p2,d10 for 2,",
                "full Fashion-MNIST (standardized), SGD lr 0.05 momentum 0.9, batch 128, seeds 1..5.",
                "With several methods, each is also compared with the first one seed by seed (the same batch order):",
                "the mean difference of test accuracy and its standard error (JSON: paired)."})
final class StudyInitsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--methods", split = ",", paramLabel = "M,M,...",
            description = "Schemes to compare (NAME[:PARAMS], as lps init --method); default: every registered scheme")
    List<String> methods;

    @Option(names = "--task", paramLabel = "ARCH@EPOCHS",
            description = "An architecture and its number of epochs, repeatable; default: mlp:784,256,256,10@5 and cnn:1x28x28,c16k3,p2,c32k3,p2,d10@2")
    List<String> tasks;

    @Option(names = "--seeds", defaultValue = "5", description = "Seeds 1..N per (task, method); default: ${DEFAULT-VALUE}")
    int seeds;

    @Option(names = "--data", defaultValue = "fashion-mnist", description = "fashion-mnist (the full set) or embedded; default: ${DEFAULT-VALUE}")
    String data;

    @Option(names = "--activation", defaultValue = "relu", description = "default: ${DEFAULT-VALUE}")
    String activation;

    @Option(names = "--batch", defaultValue = "128", description = "default: ${DEFAULT-VALUE}")
    int batch;

    @Option(names = "--lr", defaultValue = "0.05", description = "SGD learning rate; default: ${DEFAULT-VALUE}")
    double lr;

    @Option(names = "--momentum", defaultValue = "0.9", description = "default: ${DEFAULT-VALUE}")
    double momentum;

    @Option(names = "--threads", description = "Training threads; default: all cores")
    Integer threads;

    @Option(names = "--out", defaultValue = "study-inits", paramLabel = "BASE",
            description = "Where to write BASE.json, BASE.csv, BASE.png; default: ${DEFAULT-VALUE}")
    Path out;

    @Option(names = "--json", description = "Also print the summary as JSON on stdout")
    boolean json;

    @Option(names = "--path-budget", paramLabel = "N", defaultValue = "" + InitCommand.DEFAULT_PATH_BUDGET,
            description = "lps methods only: refuse a block system with more homotopy paths than N (lps:k=3:solver=homotopy"
                    + " at d = 2 has 1129797; lps:k=3 is solved by monodromy); default: ${DEFAULT-VALUE}")
    long pathBudget;

    @Option(names = "--no-cache", description = "lps methods only: solve each block even if it is in the block cache"
            + " ($XDG_CACHE_HOME/lps/blocks or ~/.cache/lps/blocks), and do not write it there")
    boolean noCache;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (seeds < 1) {
            throw new UserInputException("--seeds must be at least 1, got " + seeds);
        }
        if (batch < 1) {
            throw new UserInputException("--batch must be at least 1, got " + batch);
        }
        if (threads != null && threads < 1) {
            throw new UserInputException("--threads must be at least 1, got " + threads);
        }
        List<InitsStudy.Task> taskList = parseTasks(tasks == null
                ? List.of("mlp:784,256,256,10@5", "cnn:1x28x28,c16k3,p2,c32k3,p2,d10@2") : tasks);
        List<String> methodList = methods == null ? Initializers.schemes() : methods;
        List<Long> seedList = new ArrayList<>();
        for (long s = 1; s <= seeds; s++) {
            seedList.add(s);
        }
        if (!(lr > 0) || !Double.isFinite(lr)) {
            throw new UserInputException("--lr must be a positive number, got " + lr);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new UserInputException("--momentum must be in [0, 1), got " + momentum);
        }
        for (String m : methodList) {
            InitCommand.requireWithinPathBudget("--methods", m, InitCommand.resolve("--methods", m, null), pathBudget);
        }
        int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        InitsStudy.Settings settings = new InitsStudy.Settings(taskList, methodList, seedList,
                UserInputException.forFlag("--activation", () -> Activations.parse(activation)), batch, lr, momentum, nThreads);
        Outputs.requireStudy("--out", out);
        FashionMnist.Split split = UserInputException.forFlag("--data", () -> InitCommand.byName(data)).standardized();
        for (InitsStudy.Task t : taskList) {
            // one model per training thread at a time
            ModelSize.require("--task", t.arch(), "lps study inits", ModelSize.TRAIN_BYTES_PER_PARAMETER * nThreads,
                    (long) batch * nThreads, ModelSize.TRAIN_BYTES_PER_ACTIVATION);
            var model = UserInputException.forFlag("--task", () -> Architecture.parse(t.arch(), settings.activation()));
            if (model.inputShape().size() != split.train().shape().size()) {
                throw new UserInputException("--task '" + t.arch() + "' takes inputs of " + model.inputShape()
                        + " but the " + data + " images are " + split.train().shape());
            }
        }
        java.util.function.Function<String, org.lps.nets.init.WeightInit> schemes =
                m -> withBlockCacheAndProgress(Initializers.parse(m), err);
        long start = System.nanoTime();
        solveBlocksFirst(schemes, methodList, taskList, settings.activation(), err);
        List<InitsStudy.Run> runs = new InitsStudy(settings, schemes).run(split, new InitsStudy.Progress() {
            private String label = "";

            @Override
            public void run(int index, int total, String arch, String method, long seed) {
                label = String.format(Locale.ROOT, "[%d/%d] %s %s seed %d", index, total, arch, method, seed);
                err.println(label);
                err.flush();
            }

            @Override
            public void epoch(InitsStudy.Run r) {
                err.printf(Locale.ROOT, "    epoch %d: test accuracy %.4f, test loss %.4f (%.1f s)%n",
                        r.epoch(), r.testAccuracy(), r.testLoss(), r.seconds());
                err.flush();
            }
        });
        List<InitsStudy.Summary> summaries = InitsStudy.summarize(runs);
        StudyOutput output = new StudyOutput(out);
        InitsStudy.write(output, settings, runs, summaries);
        printTable(o, summaries, seeds);
        printPaired(o, InitsStudy.paired(runs, methodList.get(0)));
        o.printf(Locale.ROOT, "%ntime %.0f s; wrote %s, %s, %s%n", (System.nanoTime() - start) / 1e9,
                output.json(), output.csv(), output.png());
        if (json) {
            o.println(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of("results", summaries)));
        }
        o.flush();
        return 0;
    }

    /** Per architecture: each scheme's mean +- std test accuracy after every epoch. */
    private static void printTable(PrintWriter o, List<InitsStudy.Summary> summaries, int seeds) {
        Map<String, List<InitsStudy.Summary>> byArch = summaries.stream()
                .collect(Collectors.groupingBy(InitsStudy.Summary::arch, java.util.LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<String, List<InitsStudy.Summary>> e : byArch.entrySet()) {
            int maxEpoch = e.getValue().stream().mapToInt(InitsStudy.Summary::epoch).max().orElse(1);
            o.printf(Locale.ROOT, "%n%s: test accuracy, mean +- std over %d seeds%n", e.getKey(), seeds);
            StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-14s", "method"));
            for (int ep = 1; ep <= maxEpoch; ep++) {
                head.append(String.format(Locale.ROOT, " %17s", "epoch " + ep));
            }
            o.println(head);
            Map<String, List<InitsStudy.Summary>> byMethod = e.getValue().stream()
                    .collect(Collectors.groupingBy(InitsStudy.Summary::method, java.util.LinkedHashMap::new, Collectors.toList()));
            for (Map.Entry<String, List<InitsStudy.Summary>> m : byMethod.entrySet()) {
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-14s", m.getKey()));
                for (InitsStudy.Summary s : m.getValue()) {
                    String cell = Double.isFinite(s.meanAccuracy())
                            ? String.format(Locale.ROOT, "%.4f +- %.4f", s.meanAccuracy(), s.stdAccuracy())
                            : "diverged";
                    if (s.diverged() > 0 && Double.isFinite(s.meanAccuracy())) {
                        cell += "*";
                    }
                    row.append(String.format(Locale.ROOT, " %17s", cell));
                }
                o.println(row);
            }
        }
        if (summaries.stream().anyMatch(s -> s.diverged() > 0)) {
            o.println("* some seeds diverged (non-finite loss) and are left out of the mean; see the JSON");
        }
    }

    /**
     * Every LPS method's blocks (one per activation after a hidden layer of each task's network), before any training:
     * a block that cannot be solved (monodromy over its loop-path budget) stops the study here, with its message,
     * rather than after an hour of the other methods' training. Each block is solved once (or read from the block
     * cache) and kept in memory for the training runs.
     */
    private static void solveBlocksFirst(java.util.function.Function<String, WeightInit> schemes, List<String> methods,
                                         List<InitsStudy.Task> tasks, org.lps.nets.layer.Activation activation,
                                         PrintWriter err) {
        for (String m : methods) {
            if (!(schemes.apply(m) instanceof LpsInitializer lps)) {
                continue;
            }
            for (InitsStudy.Task t : tasks) {
                long t0 = System.nanoTime();
                int blocks = lps.solveBlocks(Architecture.parse(t.arch(), activation)).size();
                err.printf(Locale.ROOT, "inits: %s on %s: %d block%s ready (%s, %.1f s)%n", m, t.arch(), blocks,
                        blocks == 1 ? "" : "s", lps.settings().solver().label(), (System.nanoTime() - t0) / 1e9);
                err.flush();
            }
        }
    }

    /**
     * An LPS method reads and writes the user's block cache (unless --no-cache), and its block solve shows progress on
     * stderr (it can take minutes before the first epoch): the homotopy's bar, monodromy's stage lines.
     */
    private WeightInit withBlockCacheAndProgress(org.lps.init.Initializer init, PrintWriter err) {
        if (!(init instanceof LpsInitializer lps)) {
            return init;
        }
        SolveCommand.ProgressBar[] bar = {null};
        SolveOptions.Progress paths = (done, total) -> {
            synchronized (bar) {
                if (bar[0] == null) {
                    bar[0] = new SolveCommand.ProgressBar(err);
                }
                bar[0].update(done, total);
                if (done == total) {
                    bar[0].close();
                }
            }
        };
        LpsInitializer withProgress = new LpsInitializer(lps.settings()
                .store(noCache ? null : org.lps.init.lps.block.BlockStore.user())
                .progress(paths)
                .listener(status -> {
                    err.println("inits: block by monodromy: " + status.line());
                    err.flush();
                }));
        return withProgress;
    }

    /** Per architecture: each scheme minus the first one (the baseline), seed by seed, after every epoch. */
    private static void printPaired(PrintWriter o, List<InitsStudy.Paired> paired) {
        if (paired.isEmpty()) {
            return;
        }
        Map<String, List<InitsStudy.Paired>> byArch = paired.stream()
                .collect(Collectors.groupingBy(InitsStudy.Paired::arch, java.util.LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<String, List<InitsStudy.Paired>> e : byArch.entrySet()) {
            int maxEpoch = e.getValue().stream().mapToInt(InitsStudy.Paired::epoch).max().orElse(1);
            o.printf(Locale.ROOT, "%n%s: test accuracy minus %s's on the same seed, mean +- standard error%n", e.getKey(),
                    e.getValue().get(0).baseline());
            StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-14s", "method"));
            for (int ep = 1; ep <= maxEpoch; ep++) {
                head.append(String.format(Locale.ROOT, " %19s", "epoch " + ep));
            }
            o.println(head);
            Map<String, List<InitsStudy.Paired>> byMethod = e.getValue().stream()
                    .collect(Collectors.groupingBy(InitsStudy.Paired::method, java.util.LinkedHashMap::new, Collectors.toList()));
            for (Map.Entry<String, List<InitsStudy.Paired>> m : byMethod.entrySet()) {
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-14s", m.getKey()));
                for (InitsStudy.Paired p : m.getValue()) {
                    row.append(String.format(Locale.ROOT, " %19s", p.seeds() == 0 ? "-"
                            : String.format(Locale.ROOT, "%+.4f +- %.4f", p.meanDifference(), p.standardError())));
                }
                o.println(row);
            }
        }
    }

    static List<InitsStudy.Task> parseTasks(List<String> specs) {
        List<InitsStudy.Task> out = new ArrayList<>();
        for (String t : specs) {
            int at = t.lastIndexOf('@');
            if (at <= 0 || at == t.length() - 1) {
                throw new UserInputException("--task '" + t + "': expected ARCH@EPOCHS, e.g. mlp:784,256,256,10@5");
            }
            int epochs;
            try {
                epochs = Integer.parseInt(t.substring(at + 1));
            } catch (NumberFormatException e) {
                throw new UserInputException("--task '" + t + "': the epochs after '@' must be a whole number");
            }
            if (epochs < 1) {
                throw new UserInputException("--task '" + t + "': at least 1 epoch");
            }
            out.add(new InitsStudy.Task(t.substring(0, at), epochs));
        }
        return out;
    }
}
