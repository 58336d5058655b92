package org.lps.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lps.init.Initializers;
import org.lps.init.study.DyingRelu;
import org.lps.init.study.StudyOutput;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lps study dying-relu}: born-dead probabilities per method, width and depth; JSON, CSV and PNG. */
@Command(name = "dying-relu", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Born-dead probability of deep narrow ReLU networks per init method, width and depth.",
                "Each network maps 1 input through DEPTH hidden ReLU layers of WIDTH units to 1 linear output; it is born dead "
                        + "when its output is constant on " + DyingRelu.GRID_POINTS + " points of [-1, 1] (its derivative exactly 0 at "
                        + "each). 'collapsed' also counts the living networks whose output varies by less than 2^-20 of its size.",
                "Writes BASE.json, BASE.csv and BASE.png; progress on stderr."})
final class StudyDyingReluCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--methods", paramLabel = "M,M,...",
            description = "Init methods as lps init --method takes them (NAME[:PARAMS]); default: he,rai and lps when it is available")
    String methods;

    @Option(names = "--widths", defaultValue = "2,3,4", description = "default: ${DEFAULT-VALUE}")
    String widths;

    @Option(names = "--depths", defaultValue = "10,20,50", description = "Hidden layers; default: ${DEFAULT-VALUE}")
    String depths;

    @Option(names = "--trials", defaultValue = "1000", description = "Networks per method, width and depth; default: ${DEFAULT-VALUE}")
    int trials;

    @CommandLine.Mixin
    StudyRunOptions run = new StudyRunOptions();

    @Option(names = "--out", paramLabel = "DIR|BASE", defaultValue = "dying-relu",
            description = "BASE of BASE.json/.csv/.png, or a directory (existing, or ending in /) to write dying-relu.* into; default: ${DEFAULT-VALUE}")
    String out;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> methodList = methods();
        int[] w = parse("--widths", widths);
        int[] d = parse("--depths", depths);
        if (trials < 1) {
            throw new UserInputException("--trials must be at least 1, got " + trials);
        }
        int nThreads = run.threads();
        Path base = base(out);
        Outputs.requireStudy("--out", base);
        for (String m : methodList) {
            InitCommand.resolve("--methods", m, null);
        }
        // each thread holds one network of the widest, deepest cell at a time
        int wMax = java.util.Arrays.stream(w).max().orElse(1), dMax = java.util.Arrays.stream(d).max().orElse(1);
        ModelSize.require("--widths", DyingRelu.architecture(wMax, dMax), "--widths " + wMax + " with --depths " + dMax,
                "lps study dying-relu (" + nThreads + " threads)",
                ModelSize.INIT_BYTES_PER_PARAMETER * nThreads, (long) DyingRelu.GRID_POINTS * nThreads, Float.BYTES);
        int cells = methodList.size() * w.length * d.length;
        long t0 = System.nanoTime();
        int[] done = {0};
        List<DyingRelu.Result> results;
        try {
            results = DyingRelu.run(methodList, w, d, trials, run.seed, nThreads, r -> {
                done[0]++;
                err.printf(Locale.ROOT, "dying-relu [%d/%d] %s width %d depth %d: %d/%d born dead (%.3f), %.1f s%n", done[0], cells,
                        r.method(), r.width(), r.depth(), r.dead(), r.trials(), r.bornDead(), (System.nanoTime() - t0) / 1e9);
                err.flush();
            });
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--methods '" + String.join(",", methodList) + "': " + e.getMessage(), e);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        StudyOutput output = new StudyOutput(base);
        DyingRelu.write(output, results, run.seed);
        if (run.json) {
            o.println(Files.readString(output.json()));
        } else {
            o.printf("%-14s %5s %5s %6s %9s %17s %9s%n", "method", "width", "depth", "trials", "bornDead", "95% interval", "collapsed");
            for (DyingRelu.Result r : results) {
                o.printf(Locale.ROOT, "%-14s %5d %5d %6d %9.4f   [%.4f, %.4f] %9.4f%n", r.method(), r.width(), r.depth(), r.trials(),
                        r.bornDead(), r.ciLow(), r.ciHigh(), r.collapsed());
            }
            o.printf(Locale.ROOT, "%d networks in %.1f s on %d threads; wrote %s, %s, %s%n", cells * trials, seconds, nThreads,
                    output.json(), output.csv(), output.png());
        }
        o.flush();
        return 0;
    }

    /**
     * The files' base path: {@code DIR/dying-relu} for an existing directory or one written with a trailing
     * slash (created), else {@code BASE} itself, whose directory must exist.
     */
    private static Path base(String out) {
        if (out.isBlank()) {
            throw new UserInputException("--out: empty path");
        }
        Path p = Path.of(out);
        if (out.endsWith("/") || Files.isDirectory(p)) {
            Path parent = p.toAbsolutePath().getParent();
            if (!Files.isDirectory(p) && parent != null && !Files.isDirectory(parent)) {
                throw new UserInputException("--out '" + out + "': the directory " + parent + " does not exist");
            }
            return p.resolve("dying-relu");
        }
        Path dir = p.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new UserInputException("--out '" + out + "': the directory " + dir + " does not exist");
        }
        return p;
    }

    private List<String> methods() {
        String m = methods;
        if (m == null) {
            m = Initializers.names().contains("lps") ? "he,rai,lps" : "he,rai";
        }
        List<String> list = new ArrayList<>();
        for (String s : m.split(",")) {
            if (s.isBlank()) {
                throw new UserInputException("--methods '" + m + "': an empty method name");
            }
            list.add(s.trim());
        }
        return list;
    }

    private static int[] parse(String flag, String list) {
        try {
            return DyingRelu.parseList(flag, list);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
    }
}
