package org.lps.init.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.lps.nets.data.FashionMnist;
import org.lps.nets.init.WeightInit;
import org.lps.nets.layer.Activation;
import org.lps.nets.loss.Loss;
import org.lps.nets.model.Architecture;
import org.lps.nets.model.Model;
import org.lps.nets.optim.Optimizer;
import org.lps.nets.train.EpochResult;
import org.lps.nets.train.ProgressListener;
import org.lps.nets.train.Trainer;

/**
 * Trains the same architectures from every initialization scheme with several seeds and records the test
 * accuracy after each epoch: the comparison {@code lps study inits} reports as mean and spread over seeds.
 *
 * <p>Everything but the scheme is held fixed (data, optimizer, batch order per seed, thread count), so a
 * difference between rows is the initialization's. Each run is reproducible from its seed and thread count.
 */
public final class InitsStudy {

    /** One architecture to train, for how many epochs. */
    public record Task(String arch, int epochs) {
    }

    /**
     * @param lr, momentum SGD settings (the recipe of the nets issue: lr 0.05, momentum 0.9, batch 128)
     */
    public record Settings(List<Task> tasks, List<String> methods, List<Long> seeds, Activation activation,
                           int batch, double lr, double momentum, int threads) {
        public Settings {
            tasks = List.copyOf(tasks);
            methods = List.copyOf(methods);
            seeds = List.copyOf(seeds);
        }
    }

    /** One epoch of one training run. */
    public record Run(String arch, String method, long seed, int epoch, double trainLoss, double testLoss,
                      double testAccuracy, double seconds) {
    }

    /** Test accuracy after {@code epoch}, over the seeds: mean, sample standard deviation, min and max. */
    public record Summary(String arch, String method, int epoch, int seeds, double meanAccuracy,
                          double stdAccuracy, double minAccuracy, double maxAccuracy, double meanTestLoss,
                          int diverged) {
    }

    /**
     * A method against the baseline on the same seeds (the same batch order): the mean over seeds of the difference of
     * their test accuracies after {@code epoch}, and its standard error (sample std of the differences / sqrt(seeds)).
     * Seeds where either run diverged are left out ({@code seeds} counts those kept); the standard error is NaN
     * below 2 seeds.
     */
    public record Paired(String arch, String method, String baseline, int epoch, int seeds, double meanDifference,
                         double standardError) {
    }

    /** Told when a run starts and after each of its epochs. */
    public interface Progress {
        void run(int index, int total, String arch, String method, long seed);

        void epoch(Run result);
    }

    private final Settings settings;
    private final Function<String, WeightInit> schemes;

    /** @param schemes resolves a method name (as given in the settings) to its scheme */
    public InitsStudy(Settings settings, Function<String, WeightInit> schemes) {
        this.settings = settings;
        this.schemes = schemes;
    }

    /** Runs every (task, method, seed) in that order; returns every epoch of every run. */
    public List<Run> run(FashionMnist.Split data, Progress progress) {
        // resolve every name first: a typo should fail before an hour of training, not during it
        for (String m : settings.methods()) {
            schemes.apply(m);
        }
        List<Run> runs = new ArrayList<>();
        int total = settings.tasks().size() * settings.methods().size() * settings.seeds().size();
        int index = 0;
        for (Task task : settings.tasks()) {
            for (String method : settings.methods()) {
                for (long seed : settings.seeds()) {
                    progress.run(++index, total, task.arch(), method, seed);
                    runs.addAll(train(task, method, seed, data, progress));
                }
            }
        }
        return runs;
    }

    private List<Run> train(Task task, String method, long seed, FashionMnist.Split data, Progress progress) {
        Model model = Architecture.parse(task.arch(), settings.activation());
        schemes.apply(method).initialize(model, seed);
        Optimizer sgd = Optimizer.sgd(settings.lr(), settings.momentum(), 0.0);
        List<Run> out = new ArrayList<>();
        try (Trainer trainer = new Trainer(model, sgd, Loss.parse("cross-entropy"), settings.batch(), settings.threads())) {
            trainer.fit(data.train(), data.test(), task.epochs(), seed, new ProgressListener() {
                @Override
                public void epoch(EpochResult r) {
                    Run run = new Run(task.arch(), method, seed, r.epoch(), r.trainLoss(), r.testLoss(),
                            Double.isFinite(r.trainLoss()) ? r.testAccuracy() : Double.NaN, r.seconds());
                    out.add(run);
                    progress.epoch(run);
                }
            });
        }
        return out;
    }

    /** Writes BASE.json (settings, summaries, every run), BASE.csv (every run) and BASE.png (the curves). */
    public static void write(StudyOutput out, Settings settings, List<Run> runs, List<Summary> summaries) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("study", "inits");
        json.put("settings", Map.of(
                "tasks", settings.tasks(), "methods", settings.methods(), "seeds", settings.seeds(),
                "activation", settings.activation().name(), "batch", settings.batch(), "lr", settings.lr(),
                "momentum", settings.momentum(), "threads", settings.threads(), "optimizer", "sgd"));
        json.put("results", summaries);
        json.put("baseline", settings.methods().get(0));
        json.put("paired", paired(runs, settings.methods().get(0)));
        json.put("runs", runs);
        out.writeJson(json);
        List<List<?>> rows = new ArrayList<>();
        for (Run r : runs) {
            rows.add(List.of(r.arch(), r.method(), r.seed(), r.epoch(), r.trainLoss(), r.testLoss(), r.testAccuracy(),
                    r.seconds()));
        }
        out.writeCsv(List.of("arch", "method", "seed", "epoch", "trainLoss", "testLoss", "testAccuracy", "seconds"), rows);
        out.writePng(InitsPlot.charts(summaries));
    }

    /**
     * Every method but {@code baseline} against it, per architecture and epoch, paired by seed ({@link Paired}); in
     * the order the runs came.
     */
    public static List<Paired> paired(List<Run> runs, String baseline) {
        Map<String, Double> base = new LinkedHashMap<>();
        for (Run r : runs) {
            if (r.method().equals(baseline)) {
                base.put(r.arch() + '\u0000' + r.epoch() + '\u0000' + r.seed(), r.testAccuracy());
            }
        }
        Map<String, List<Double>> diffs = new LinkedHashMap<>();
        Map<String, Run> first = new LinkedHashMap<>();
        for (Run r : runs) {
            if (r.method().equals(baseline)) {
                continue;
            }
            String key = r.arch() + '\u0000' + r.method() + '\u0000' + r.epoch();
            first.putIfAbsent(key, r);
            List<Double> d = diffs.computeIfAbsent(key, k -> new ArrayList<>());
            Double b = base.get(r.arch() + '\u0000' + r.epoch() + '\u0000' + r.seed());
            if (b != null && Double.isFinite(b) && Double.isFinite(r.testAccuracy())) {
                d.add(r.testAccuracy() - b);
            }
        }
        List<Paired> out = new ArrayList<>();
        for (Map.Entry<String, List<Double>> e : diffs.entrySet()) {
            Run r = first.get(e.getKey());
            List<Double> d = e.getValue();
            int n = d.size();
            double mean = n == 0 ? Double.NaN : d.stream().mapToDouble(Double::doubleValue).sum() / n;
            double ss = 0;
            for (double x : d) {
                ss += (x - mean) * (x - mean);
            }
            double se = n > 1 ? Math.sqrt(ss / (n - 1) / n) : Double.NaN;
            out.add(new Paired(r.arch(), r.method(), baseline, r.epoch(), n, mean, se));
        }
        return out;
    }

    /**
     * Mean and spread of the test accuracy per (architecture, method, epoch). A diverged run (non-finite
     * loss) counts in {@code diverged} and is left out of the statistics, so one bad seed is visible rather
     * than averaged into a number that looks plausible.
     */
    public static List<Summary> summarize(List<Run> runs) {
        Map<String, List<Run>> groups = new TreeMap<>();
        List<String> order = new ArrayList<>();
        for (Run r : runs) {
            String key = r.arch() + '\u0000' + r.method() + '\u0000' + String.format("%06d", r.epoch());
            if (!groups.containsKey(key)) {
                order.add(key);
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        List<Summary> out = new ArrayList<>();
        for (String key : order) {
            List<Run> g = groups.get(key);
            Run first = g.get(0);
            double sum = 0, sumLoss = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
            int n = 0, diverged = 0;
            for (Run r : g) {
                if (!Double.isFinite(r.testAccuracy())) {
                    diverged++;
                    continue;
                }
                n++;
                sum += r.testAccuracy();
                sumLoss += r.testLoss();
                min = Math.min(min, r.testAccuracy());
                max = Math.max(max, r.testAccuracy());
            }
            double mean = n == 0 ? Double.NaN : sum / n;
            double ss = 0;
            for (Run r : g) {
                if (Double.isFinite(r.testAccuracy())) {
                    ss += (r.testAccuracy() - mean) * (r.testAccuracy() - mean);
                }
            }
            double std = n > 1 ? Math.sqrt(ss / (n - 1)) : 0.0;
            out.add(new Summary(first.arch(), first.method(), first.epoch(), g.size(), mean, std,
                    n == 0 ? Double.NaN : min, n == 0 ? Double.NaN : max, n == 0 ? Double.NaN : sumLoss / n, diverged));
        }
        return out;
    }
}
