package org.lps.app;

import org.lps.io.AtomicFile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.lps.homotopy.parse.SystemParser;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.solve.SolveOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lps bench demos}: every system of a directory (by default PHCpack's demo database) solved by one
 * {@code lps solve} process and one {@code phc -b} process each, the two interleaved system by system so both
 * meet the same load: process wall times, solution counts against the known ones, and the sums. It measures
 * what a user meets, start-up included, and is the project's completeness check on outside input.
 */
@Command(name = "demos", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Each system of DIR solved by one 'lps solve' process and one 'phc -b' process, interleaved:",
                "process wall times, solution counts against the known ones (READ_ME table or the file's own list),",
                "sums over all systems and over those phc solves in under 1 s. Writes PREFIX.csv, PREFIX.json and",
                "PREFIX.png (ratio against total degree); progress on stderr. A system that fails or times out is a row",
                "with that status."})
final class BenchDemosCommand implements Callable<Integer> {

    static final String DEFAULT_DIR = "/usr/share/doc/phcpack/examples";

    /** phc's wall time below which a system counts as small (the criterion). */
    static final double SMALL_SECONDS = 1.0;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = DEFAULT_DIR,
            description = "directory of systems, one per file, READ_ME skipped (default: ${DEFAULT-VALUE})")
    Path dir;

    @Option(names = "--systems", paramLabel = "LIST", split = ",",
            description = "only these file names, comma-separated (default: every file)")
    List<String> only;

    @Option(names = "--seed", paramLabel = "S", split = ",", defaultValue = "" + SolveOptions.DEFAULT_SEED,
            description = "our seed; a comma-separated list runs each system once per seed (default: ${DEFAULT-VALUE})")
    List<Long> seeds;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "threads: ours --threads N, phc -tN; 0 runs each as a user would by default"
                    + " (lps on all cores, phc -b on one) (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "limit per process; a process over it is killed and its row says timeout (default: ${DEFAULT-VALUE})")
    double timeout;

    @Option(names = "--phc", paramLabel = "PATH", defaultValue = "phc",
            description = "the phc executable (default: ${DEFAULT-VALUE}, looked up on PATH); without it ours run alone")
    String phc;

    @Option(names = "--lps", paramLabel = "CMD",
            description = "command that starts lps, split at blanks, e.g. ./lps (default: this JVM, its flags and jar)")
    String lps;

    @Option(names = "--out", paramLabel = "PREFIX", defaultValue = "lps-bench-demos",
            description = "writes PREFIX.csv, PREFIX.json and PREFIX.png (default: ${DEFAULT-VALUE})")
    String out;

    @Option(names = "--json", description = "print the JSON on stdout instead of the table")
    boolean json;

    /** One process's run: status ok, failed, timeout or absent; counts null unless ok. */
    record Side(String status, double seconds, double cpuSeconds, Long solutions, Long paths, double solveSeconds,
                String message) {

        static final Side ABSENT = new Side("absent", Double.NaN, Double.NaN, null, null, Double.NaN, null);

        boolean ok() {
            return status.equals("ok");
        }

        boolean ran() {
            return !status.equals("absent");
        }
    }

    /** One system and seed: its size (-1 / NaN when our parser refused it), the known count, both runs. */
    record Row(String system, long seed, int equations, double totalDegree, Long known, String knownSource,
               Side ours, Side phc) {

        /** Our wall time over phc's, when both ran to the end. */
        Double ratio() {
            return ours.ok() && phc.ok() ? ours.seconds() / phc.seconds() : null;
        }
    }

    /** Sums over a set of rows; a timed-out process counts with its limit (a lower bound), a failed one as measured. */
    record Totals(int rows, double ours, double phc, double oursCpu, double phcCpu, long ourUnfinished,
                  long phcUnfinished) {

        static Totals of(List<Row> rows) {
            return new Totals(rows.size(), sum(rows, r -> r.ours().seconds()), sum(rows, r -> r.phc().seconds()),
                    sum(rows, r -> r.ours().cpuSeconds()), sum(rows, r -> r.phc().cpuSeconds()),
                    rows.stream().filter(r -> !r.ours().ok()).count(),
                    rows.stream().filter(r -> r.phc().ran() && !r.phc().ok()).count());
        }

        private static double sum(List<Row> rows, java.util.function.ToDoubleFunction<Row> f) {
            return rows.stream().mapToDouble(f).filter(Double::isFinite).sum();
        }

        double ratio() {
            return ours / phc;
        }
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (threads < 0) {
            throw new UserInputException("--threads " + threads + ": must be 0 (each tool's default) or more");
        }
        if (!(timeout > 0) || Double.isInfinite(timeout)) {
            throw new UserInputException("--timeout " + timeout + ": must be a positive number of seconds");
        }
        Path csv = Path.of(out + ".csv");
        Path jsonFile = Path.of(out + ".json");
        Path png = Path.of(out + ".png");
        for (Path p : List.of(csv, jsonFile, png)) {
            Outputs.require("--out", p);
        }
        List<DemoCatalog.Entry> entries = select(DemoCatalog.read(dir));
        Path phcExe = BenchSolveCommand.findExecutable(phc);
        List<String> lpsCommand = LpsProcess.command(lps);
        Duration limit = Duration.ofNanos((long) (timeout * 1e9));

        PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "bench demos: %d system%s of %s, seed%s %s, limit %.0f s per process%n", entries.size(),
                entries.size() == 1 ? "" : "s", dir, seeds.size() == 1 ? "" : "s", seeds, timeout);
        err.println("  ours: " + LpsProcess.display(lpsCommand) + " solve FILE --seed S"
                + (threads > 0 ? " --threads " + threads : ""));
        err.println(phcExe == null ? "  phc: '" + phc + "' not found (install Debian's phcpack): timing ours only"
                : "  phc:  " + phcExe + " -b" + (threads > 0 ? " -t" + threads : "") + " FILE OUT");
        err.flush();

        List<Row> rows = new ArrayList<>();
        int total = entries.size() * seeds.size();
        for (DemoCatalog.Entry e : entries) {
            PolynomialSystem s = parseQuietly(e.file());
            for (long seed : seeds) {
                Side ours;
                Side theirs;
                // alternate who goes first, so neither always meets the other's leftovers (caches, load)
                if (rows.size() % 2 == 0) {
                    ours = runOurs(lpsCommand, e.file(), seed, limit);
                    theirs = phcExe == null ? Side.ABSENT : runPhc(phcExe, e.file(), limit);
                } else {
                    theirs = phcExe == null ? Side.ABSENT : runPhc(phcExe, e.file(), limit);
                    ours = runOurs(lpsCommand, e.file(), seed, limit);
                }
                Row row = new Row(e.name(), seed, s == null ? -1 : s.equationCount(), s == null ? Double.NaN : totalDegree(s),
                        e.known(), e.source().label, ours, theirs);
                rows.add(row);
                err.println(progressLine(rows.size(), total, row));
                err.flush();
            }
        }

        ObjectNode report = toJson(rows, phcExe != null, lpsCommand, phcExe);
        AtomicFile.writeString(jsonFile, report.toPrettyString() + "\n");
        AtomicFile.writeString(csv, toCsv(rows));
        byte[] plot = DemosPlot.png(rows, phcExe != null);
        AtomicFile.write(png, o -> o.write(plot));
        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            stdout.println(report);
        } else {
            printTable(stdout, rows, phcExe != null);
            stdout.println("wrote " + csv + ", " + jsonFile + " and " + png);
        }
        stdout.flush();
        return 0;
    }

    private List<DemoCatalog.Entry> select(List<DemoCatalog.Entry> all) {
        if (only == null || only.isEmpty()) {
            return all;
        }
        Set<String> wanted = new LinkedHashSet<>();
        only.forEach(n -> wanted.add(n.trim()));
        List<String> names = all.stream().map(DemoCatalog.Entry::name).toList();
        for (String n : wanted) {
            if (!names.contains(n)) {
                throw new UserInputException("--systems: no file '" + n + "' in " + dir);
            }
        }
        return all.stream().filter(e -> wanted.contains(e.name())).toList();
    }

    private static PolynomialSystem parseQuietly(Path file) {
        try {
            return SystemParser.parse(file);
        } catch (IOException | RuntimeException e) {
            return null;   // lps solve will say why in its row
        }
    }

    private static double totalDegree(PolynomialSystem s) {
        double d = 1;
        for (int k : s.degrees()) {
            d *= k;
        }
        return d;
    }

    private Side runOurs(List<String> command, Path file, long seed, Duration limit)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(command);
        cmd.addAll(LpsProcess.solveArguments(file, seed, threads));
        // one working directory for all our processes, emptied after each: a user solves in one directory, and
        // the launcher's resident JVM serves one directory (docs/solver.md, "The resident process")
        if (ourDirectory == null) {
            ourDirectory = Files.createTempDirectory("lps-bench-demos");
            ourDirectory.toFile().deleteOnExit();
        }
        Path scratch = ourDirectory;
        try {
            TimedProcess.Outcome o = TimedProcess.run(cmd, scratch, limit);
            if (o.status() != TimedProcess.Status.OK) {
                return new Side(o.status() == TimedProcess.Status.TIMEOUT ? "timeout" : "failed", o.seconds(),
                        o.cpuSeconds(), null, null, Double.NaN, o.reason());
            }
            LpsProcess.Summary sum = LpsProcess.parse(o.stdout());
            if (sum == null) {
                return new Side("failed", o.seconds(), o.cpuSeconds(), null, null, Double.NaN,
                        "exit 0 but no summary in its output");
            }
            return new Side("ok", o.seconds(), o.cpuSeconds(), sum.solutions(), sum.paths(), sum.solveSeconds(), null);
        } finally {
            try (var files = Files.list(scratch)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    PhcProcess.deleteTree(f);
                }
            }
        }
    }

    private Path ourDirectory;

    private Side runPhc(Path exe, Path file, Duration limit) throws IOException, InterruptedException {
        PhcProcess.Run r = PhcProcess.run(exe, file, threads, limit);
        TimedProcess.Outcome o = r.outcome();
        if (r.ok()) {
            return new Side("ok", o.seconds(), o.cpuSeconds(), r.solutions(), null, Double.NaN, null);
        }
        return new Side(o.status() == TimedProcess.Status.TIMEOUT ? "timeout" : "failed", o.seconds(), o.cpuSeconds(),
                null, null, Double.NaN, r.reason());
    }

    private static String progressLine(int k, int total, Row r) {
        return String.format(Locale.ROOT, "[%d/%d] %-10s ours %s | phc %s | known %s", k, total, r.system(),
                describe(r.ours()), r.phc().ran() ? describe(r.phc()) : "-", r.known() == null ? "?" : r.known());
    }

    private static String describe(Side s) {
        return s.ok() ? String.format(Locale.ROOT, "%.3f s, %d solutions", s.seconds(), s.solutions())
                : String.format(Locale.ROOT, "%s after %.3f s%s", s.status(), s.seconds(),
                        s.message() == null || s.status().equals("timeout") ? "" : " (" + s.message() + ")");
    }

    /** The systems phc solved in under {@link #SMALL_SECONDS}: where start-up, not mathematics, is the cost. */
    static Predicate<Row> small() {
        return r -> r.phc().ok() && r.phc().seconds() < SMALL_SECONDS;
    }

    private void printTable(PrintWriter pw, List<Row> rows, boolean withPhc) {
        pw.printf("%-11s %6s %3s %9s %8s %9s %8s %8s   %-22s %s%n", "system", "seed", "n", "degree", "paths",
                "ours (s)", "phc (s)", "ratio", "solutions ours/phc/known", "status");
        for (Row r : rows) {
            String counts = count(r.ours().solutions()) + " / " + (withPhc ? count(r.phc().solutions()) : "-") + " / "
                    + count(r.known());
            String status = r.ours().ok() && (!withPhc || r.phc().ok()) ? ""
                    : "ours " + r.ours().status() + (withPhc ? ", phc " + r.phc().status() : "");
            pw.printf(Locale.ROOT, "%-11s %6d %3s %9s %8s %9.3f %8s %8s   %-22s %s%n", r.system(), r.seed(),
                    r.equations() < 0 ? "?" : Integer.toString(r.equations()),
                    Double.isNaN(r.totalDegree()) ? "?" : String.format(Locale.ROOT, "%.0f", r.totalDegree()),
                    count(r.ours().paths()), r.ours().seconds(),
                    withPhc ? String.format(Locale.ROOT, "%.3f", r.phc().seconds()) : "-",
                    r.ratio() == null ? "-" : String.format(Locale.ROOT, "%.2f", r.ratio()), counts, status);
        }
        pw.println();
        printTotals(pw, "all systems", Totals.of(rows), withPhc);
        if (withPhc) {
            printTotals(pw, "phc < " + (int) SMALL_SECONDS + " s", Totals.of(rows.stream().filter(small()).toList()), true);
        }
        long agree = rows.stream().filter(r -> r.known() != null && r.known().equals(r.ours().solutions())).count();
        long withKnown = rows.stream().filter(r -> r.known() != null).count();
        pw.printf(Locale.ROOT, "our count equals the known one on %d of %d rows with a known count", agree, withKnown);
        if (withPhc) {
            long phcAgree = rows.stream().filter(r -> r.known() != null && r.known().equals(r.phc().solutions())).count();
            pw.printf(Locale.ROOT, "; phc's on %d", phcAgree);
        }
        pw.println(" (singular solutions with multiplicity; known counts are in C* for the READ_ME table)");
    }

    private static void printTotals(PrintWriter pw, String label, Totals t, boolean withPhc) {
        pw.printf(Locale.ROOT, "%-13s %3d rows: ours %.2f s wall (%.2f s cpu)", label, t.rows(), t.ours(), t.oursCpu());
        if (withPhc) {
            pw.printf(Locale.ROOT, ", phc %.2f s wall (%.2f s cpu), ratio %.2f wall, %.2f cpu", t.phc(), t.phcCpu(),
                    t.ratio(), t.oursCpu() / t.phcCpu());
        }
        if (t.ourUnfinished() + t.phcUnfinished() > 0) {
            pw.printf(Locale.ROOT, "; unfinished (timed out at the limit, or failed): ours %d, phc %d", t.ourUnfinished(),
                    t.phcUnfinished());
        }
        pw.println();
    }

    private static String count(Long n) {
        return n == null ? "?" : Long.toString(n);
    }

    private ObjectNode toJson(List<Row> rows, boolean withPhc, List<String> lpsCommand, Path phcExe) {
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = m.createObjectNode();
        root.put("directory", dir.toAbsolutePath().toString());
        root.put("threads", threads);
        root.put("timeoutSeconds", timeout);
        ArrayNode s = root.putArray("seeds");
        seeds.forEach(s::add);
        root.put("phcAvailable", withPhc);
        root.put("oursCommand", String.join(" ", lpsCommand));
        if (phcExe != null) {
            root.put("phcCommand", phcExe + " -b" + (threads > 0 ? " -t" + threads : ""));
        }
        ArrayNode arr = root.putArray("results");
        for (Row r : rows) {
            ObjectNode o = arr.addObject();
            o.put("system", r.system()).put("seed", r.seed());
            if (r.equations() >= 0) {
                o.put("equations", r.equations()).put("totalDegree", r.totalDegree());
            }
            if (r.known() != null) {
                o.put("known", r.known());
            }
            o.put("knownSource", r.knownSource());
            o.set("ours", side(m, r.ours()));
            if (withPhc) {
                o.set("phc", side(m, r.phc()));
                if (r.ratio() != null) {
                    o.put("ratio", r.ratio());
                }
            }
        }
        root.set("total", totals(m, Totals.of(rows), withPhc));
        if (withPhc) {
            root.set("phcUnder1s", totals(m, Totals.of(rows.stream().filter(small()).toList()), true));
        }
        return root;
    }

    private static ObjectNode side(ObjectMapper m, Side s) {
        ObjectNode o = m.createObjectNode();
        o.put("status", s.status());
        o.put("seconds", s.seconds());
        putFinite(o, "cpuSeconds", s.cpuSeconds());
        if (s.solutions() != null) {
            o.put("solutions", s.solutions());
        }
        if (s.paths() != null) {
            o.put("paths", s.paths());
        }
        putFinite(o, "solveSeconds", s.solveSeconds());
        if (s.message() != null) {
            o.put("message", s.message());
        }
        return o;
    }

    private static ObjectNode totals(ObjectMapper m, Totals t, boolean withPhc) {
        ObjectNode o = m.createObjectNode();
        o.put("rows", t.rows()).put("ourSeconds", t.ours()).put("ourCpuSeconds", t.oursCpu())
                .put("ourUnfinished", t.ourUnfinished());
        if (withPhc) {
            o.put("phcSeconds", t.phc()).put("phcCpuSeconds", t.phcCpu()).put("phcUnfinished", t.phcUnfinished());
            putFinite(o, "ratio", t.ratio());
            putFinite(o, "cpuRatio", t.oursCpu() / t.phcCpu());
        }
        return o;
    }

    private static void putFinite(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        }
    }

    static String toCsv(List<Row> rows) {
        StringBuilder b = new StringBuilder("system,seed,equations,total_degree,known,known_source,"
                + "ours_status,ours_seconds,ours_cpu_seconds,ours_solve_seconds,ours_paths,ours_solutions,ours_message,"
                + "phc_status,phc_seconds,phc_cpu_seconds,phc_solutions,phc_message,ratio\n");
        for (Row r : rows) {
            Side o = r.ours();
            Side p = r.phc();
            List<String> f = List.of(r.system(), Long.toString(r.seed()), r.equations() < 0 ? "" : Integer.toString(r.equations()),
                    num(r.totalDegree()), r.known() == null ? "" : r.known().toString(), r.knownSource(),
                    o.status(), num(o.seconds()), num(o.cpuSeconds()), num(o.solveSeconds()), str(o.paths()),
                    str(o.solutions()), quote(o.message()),
                    p.status(), num(p.seconds()), num(p.cpuSeconds()), str(p.solutions()), quote(p.message()),
                    r.ratio() == null ? "" : num(r.ratio()));
            b.append(String.join(",", f)).append('\n');
        }
        return b.toString();
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v).replaceAll("\\.?0+$", "") : "";
    }

    private static String str(Long v) {
        return v == null ? "" : v.toString();
    }

    /** A CSV field: quoted, with inner quotes doubled, when it holds a comma, quote or line break. */
    private static String quote(String s) {
        if (s == null) {
            return "";
        }
        return s.matches("(?s).*[\",\\r\\n].*") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
