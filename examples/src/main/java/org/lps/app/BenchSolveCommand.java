package org.lps.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lps.homotopy.family.StandardSystems;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.solve.Monodromy;
import org.lps.homotopy.solve.MonodromyOptions;
import org.lps.homotopy.solve.SolveOptions;
import org.lps.homotopy.solve.SolveResult;
import org.lps.homotopy.solve.Solver;
import org.lps.homotopy.start.StartKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lps bench solve}: our solver and PHCpack's {@code phc -b} on the same systems in the same run, wall
 * times side by side. Ours is timed in process (the whole solve: start system, tracking, post-processing) after
 * one untimed warm-up solve that lets the JIT compile the hot loops; phc is timed as a process, from launch to
 * exit, and its solution count is read from its output file.
 */
@Command(name = "solve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Our solver next to PHCpack's phc -b on the same inputs, in the same run.",
                "Ours: in-process wall time of the whole solve, after one untimed warm-up solve (JIT).",
                "phc: process wall time of 'phc -b -tN'; its solution count is read from its output file."})
final class BenchSolveCommand implements Callable<Integer> {

    /** What the warm-up solves, untimed: small but exercising every part (paths to infinity included). */
    static final String WARMUP = "eco7";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--systems", paramLabel = "LIST", split = ",", defaultValue = DEFAULT_SYSTEMS,
            description = "standard systems, comma-separated (default: ${DEFAULT-VALUE})")
    List<String> systems;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "2",
            description = "threads for both solvers: ours --threads N, phc -tN (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--repeats", paramLabel = "R", defaultValue = "1",
            description = "runs per solver and system; the best time counts (default: ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--start", paramLabel = "S", defaultValue = "auto",
            description = "our start system: auto, total-degree, lps or polyhedral (default: ${DEFAULT-VALUE})")
    String start;

    @Option(names = "--phc", paramLabel = "PATH", defaultValue = "phc",
            description = "the phc executable (default: ${DEFAULT-VALUE}, looked up on PATH)")
    String phc;

    @Option(names = "--json", description = "print one JSON object instead of the table")
    boolean json;

    @Option(names = "--monodromy", paramLabel = "LIST", split = ",",
            description = "systems also solved by monodromy (with the trace test) next to a polyhedral solve, in the"
                    + " same run (default: cyclic7 with the default --systems, none otherwise; 'none' for none)")
    List<String> monodromySystems;

    /** The default {@code --systems}, with which the default monodromy rows come. */
    static final String DEFAULT_SYSTEMS = "katsura9,noon5,eco8,reimer5,cyclic7";

    record Row(String system, String start, long paths, double ours, double ourStart, long ourSolutions,
               long ourFailed, Double phc, Long phcSolutions, long known, boolean monodromySection) {
    }

    /** phc's result: wall time and the number of solutions in its refined lists. */
    record PhcRun(double seconds, long solutions) {
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (threads < 1 || repeats < 1) {
            throw new UserInputException("--threads and --repeats must be at least 1");
        }
        StartKind startKind = UserInputException.forFlag("--start", () -> StartKind.parse(start));
        List<PolynomialSystem> inputs = new ArrayList<>();
        for (String name : systems) {
            inputs.add(UserInputException.forFlag("--systems", () -> StandardSystems.byName(name.trim())));
        }
        PrintWriter out = spec.commandLine().getOut();
        Path phcExe = findExecutable(phc);
        if (!json) {
            out.printf("warm-up: one untimed solve of %s (JIT compilation), then each system %d time%s per solver, best"
                    + " time kept%n", WARMUP, repeats, repeats == 1 ? "" : "s");
            out.println(phcExe == null ? "phc: not found (install Debian's phcpack); timing ours only"
                    : "phc: " + phcExe + " -b -t" + threads);
            out.flush();
        }
        SolveOptions options = SolveOptions.defaults().threads(threads).start(startKind);
        Solver.solve(StandardSystems.byName(WARMUP), options);

        List<Row> rows = new ArrayList<>();
        for (int k = 0; k < inputs.size(); k++) {
            String name = systems.get(k).trim();
            PolynomialSystem s = inputs.get(k);
            SolveResult best = null;
            for (int rep = 0; rep < repeats; rep++) {
                SolveResult r = Solver.solve(s, options);
                if (best == null || r.seconds() < best.seconds()) {
                    best = r;
                }
            }
            PhcRun p = null;
            if (phcExe != null) {
                for (int rep = 0; rep < repeats; rep++) {
                    PhcRun run;
                    try {
                        run = runPhc(phcExe, s, threads);
                    } catch (IOException first) {
                        spec.commandLine().getErr().println("phc: " + first.getMessage() + "; running it again");
                        run = runPhc(phcExe, s, threads);
                    }
                    if (p == null || run.seconds() < p.seconds()) {
                        p = run;
                    }
                }
            }
            String family = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
            int size = Integer.parseInt(name.replaceAll("[^0-9]", ""));
            rows.add(new Row(name, best.startSystem(), best.paths(), best.seconds(), best.startSeconds(),
                    best.solutions().size(), best.failed(),
                    p == null ? null : p.seconds(), p == null ? null : p.solutions(),
                    StandardSystems.knownSolutionCount(family, size), false));
        }
        rows.addAll(monodromyRows());
        if (json) {
            printJson(out, rows, phcExe != null);
        } else {
            printTable(out, rows, phcExe != null);
        }
        out.flush();
        return 0;
    }

    /**
     * Each --monodromy system twice: polyhedral (the solver's fewest-paths start system) and monodromy with the trace
     * test, whose paths are loop paths (three edges each) plus the trace test's and the final parameter homotopy's.
     * Best of the repeats, after an untimed monodromy warm-up.
     */
    private List<Row> monodromyRows() {
        List<String> names = monodromySystems != null ? monodromySystems
                : String.join(",", systems).equals(DEFAULT_SYSTEMS) ? List.of("cyclic7") : List.of();
        List<Row> rows = new ArrayList<>();
        if (names.isEmpty() || names.equals(List.of("none"))) {
            return rows;
        }
        MonodromyOptions mo = MonodromyOptions.defaults().threads(threads).verify(true);
        Monodromy.solve(StandardSystems.byName("katsura4"), mo);
        for (String raw : names) {
            String name = raw.trim();
            PolynomialSystem s = StandardSystems.byName(name);
            String family = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
            long known = StandardSystems.knownSolutionCount(family, Integer.parseInt(name.replaceAll("[^0-9]", "")));
            SolveResult poly = null;
            Monodromy.Solve mono = null;
            for (int rep = 0; rep < repeats; rep++) {
                SolveResult r = Solver.solve(s, SolveOptions.defaults().threads(threads).start(StartKind.POLYHEDRAL));
                if (poly == null || r.seconds() < poly.seconds()) {
                    poly = r;
                }
                Monodromy.Solve m = Monodromy.solve(s, mo);
                if (mono == null || m.result().seconds() < mono.result().seconds()) {
                    mono = m;
                }
            }
            rows.add(new Row(name, poly.startSystem(), poly.paths(), poly.seconds(), poly.startSeconds(),
                    poly.solutions().size(), poly.failed(), null, null, known, true));
            SolveResult r = mono.result();
            rows.add(new Row(name, "monodromy" + (mono.run().traceTest().passed() ? "+trace" : " (trace failed)"),
                    mono.run().pathsTracked() + r.paths(), r.seconds(), r.startSeconds(), r.solutions().size(),
                    r.failed(), null, null, known, true));
        }
        return rows;
    }

    private void printTable(PrintWriter out, List<Row> rows, boolean withPhc) {
        out.printf("%n%-10s %-15s %6s %9s %9s %9s %10s %8s   %s%n", "system", "start", "paths", "ours (s)", "start (s)",
                "track (s)", "phc (s)", "ratio", "solutions: ours / phc / known");
        double ours = 0, theirs = 0;
        for (Row r : rows) {
            if (!r.monodromySection()) {
                ours += r.ours();
                theirs += r.phc() == null ? 0 : r.phc();
            }
            out.printf(Locale.ROOT, "%-10s %-15s %6d %9.3f %9.3f %9.3f %10s %8s   %d / %s / %s%s%n", r.system(),
                    r.start(), r.paths(), r.ours(), r.ourStart(), r.ours() - r.ourStart(),
                    r.phc() == null ? "-" : String.format(Locale.ROOT, "%.3f", r.phc()),
                    r.phc() == null ? "-" : String.format(Locale.ROOT, "%.3f", r.ours() / r.phc()),
                    r.ourSolutions(), r.phcSolutions() == null ? "-" : r.phcSolutions(),
                    r.known() < 0 ? "?" : r.known(), r.ourFailed() > 0 ? "  (" + r.ourFailed() + " failed paths)" : "");
        }
        out.printf(Locale.ROOT, "%-10s %-15s %6s %9.3f %9s %9s %10s %8s%n", "total", "", "", ours, "", "",
                withPhc ? String.format(Locale.ROOT, "%.3f", theirs) : "-",
                withPhc ? String.format(Locale.ROOT, "%.3f", ours / theirs) : "-");
        out.println("start: choosing and building our start system (root counts, mixed cells); track: the rest"
                + " (paths, endgames, post-processing)");
        if (rows.stream().anyMatch(Row::monodromySection)) {
            out.println("polyhedral / monodromy rows (not in the total): the same system by the polyhedral start system"
                    + " and by monodromy with the trace test; monodromy's paths are loop paths (three edges each),"
                    + " the trace test's and the final parameter homotopy's, its start time the loops'");
        }
    }

    private void printJson(PrintWriter out, List<Row> rows, boolean withPhc) {
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = m.createObjectNode();
        root.put("warmup", WARMUP);
        root.put("threads", threads);
        root.put("repeats", repeats);
        root.put("phcAvailable", withPhc);
        ArrayNode arr = root.putArray("results");
        double ours = 0, theirs = 0;
        for (Row r : rows) {
            ObjectNode o = arr.addObject();
            o.put("system", r.system()).put("start", r.start()).put("paths", r.paths()).put("ourSeconds", r.ours())
                    .put("ourStartSeconds", r.ourStart())
                    .put("ourSolutions", r.ourSolutions()).put("ourFailed", r.ourFailed()).put("known", r.known());
            o.put("monodromySection", r.monodromySection());
            if (r.monodromySection()) {
                continue;
            }
            ours += r.ours();
            if (r.phc() != null) {
                o.put("phcSeconds", r.phc()).put("phcSolutions", r.phcSolutions()).put("ratio", r.ours() / r.phc());
                theirs += r.phc();
            }
        }
        ObjectNode total = root.putObject("total");
        total.put("ourSeconds", ours);
        if (withPhc) {
            total.put("phcSeconds", theirs).put("ratio", ours / theirs);
        }
        out.println(root);
    }

    /** An executable by path, or by name on PATH; null if absent. */
    static Path findExecutable(String name) {
        if (name.contains(File.separator)) {
            Path p = Path.of(name);
            return Files.isExecutable(p) ? p : null;
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** Runs {@code phc -b -tN} on the system (at most 30 minutes); a failure or timeout is an IOException. */
    static PhcRun runPhc(Path exe, PolynomialSystem s, int threads) throws IOException, InterruptedException {
        Path in = Files.createTempFile("lps-bench-phc", ".phc");
        try {
            Files.writeString(in, s.toPhcFormat(), StandardCharsets.UTF_8);
            PhcProcess.Run run = PhcProcess.run(exe, in, threads, Duration.ofMinutes(30));
            if (!run.ok()) {
                throw new IOException("phc failed on " + in.getFileName() + ": " + run.reason());
            }
            return new PhcRun(run.outcome().seconds(), run.solutions());
        } finally {
            Files.deleteIfExists(in);
        }
    }

    /** The number of solutions phc reports; see {@link PhcProcess#solutionCount}. */
    static long solutionCount(String phcOutput) {
        return PhcProcess.solutionCount(phcOutput);
    }
}
