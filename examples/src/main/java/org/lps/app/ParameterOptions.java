package org.lps.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lps.homotopy.param.ParameterizedSystem;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.result.JsonOutput;
import org.lps.homotopy.solve.Monodromy;
import org.lps.homotopy.solve.MonodromyOptions;
import org.lps.homotopy.solve.ParameterSolver;
import org.lps.homotopy.solve.SolveOptions;
import org.lps.homotopy.solve.SolveResult;
import org.lps.homotopy.param.Symmetry;
import picocli.CommandLine.Option;

/**
 * The options of {@code lps solve} for parameterized systems and monodromy, and what they do: a picocli mixin, so
 * that {@link SolveCommand} only dispatches to it.
 *
 * <ul>
 * <li>{@code --parameters a,b} names the parameters of a PHCpack or plain file (a Bertini file declares them);</li>
 * <li>{@code --at a=1,b=2+0.5i} solves at one point: all solutions at a random complex point by the ordinary solver,
 * then a parameter homotopy to the target; {@code --at targets.csv} (a header of parameter names, one point per row)
 * solves at every row, reusing that one generic solve, and prints one JSON line per point;</li>
 * <li>{@code --from S.json} starts from the solutions an earlier {@code --out S.json} wrote (with the parameter
 * values they were solved at) instead of a generic solve;</li>
 * <li>{@code --monodromy} finds the solutions by monodromy loops ({@code --target-count}, {@code
 * --loops-without-progress}, {@code --symmetry}, {@code --verify}).</li>
 * </ul>
 * Every inconsistency is a one-line error before any work.
 */
final class ParameterOptions {

    /**
     * Jackson, built on first use: its ObjectMapper costs a fresh JVM about 0.1 s of class loading and set-up, which
     * every {@code lps solve} paid (this class is its mixin) while only parameter runs read or write JSON here.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    @Option(names = "--parameters", paramLabel = "NAMES", split = ",",
            description = "names of the parameters among the file's symbols (PHCpack and plain; Bertini files"
                    + " declare theirs with 'parameter')")
    List<String> parameterNames;

    @Option(names = "--at", paramLabel = "POINT|FILE",
            description = "solve at this parameter point, e.g. a=1,b=2-0.5i (a parameter homotopy from a generic"
                    + " solve), or at every row of a .csv file (header: the parameter names), one JSON line each")
    String at;

    @Option(names = "--from", paramLabel = "S.json",
            description = "track the solutions of an earlier --out S.json (solved at the parameter values it"
                    + " records) to the --at point, instead of a generic solve")
    Path from;

    @Option(names = "--monodromy",
            description = "find the solutions by monodromy loops (work grows with the number of solutions)")
    boolean monodromy;

    @Option(names = "--target-count", paramLabel = "N",
            description = "monodromy: stop when N solutions are known")
    Long targetCount;

    @Option(names = "--loops-without-progress", paramLabel = "L",
            description = "monodromy: stop after L loops with no new solution (heuristic; default 5)")
    Integer loopsWithoutProgress;

    @Option(names = "--symmetry", paramLabel = "SPEC",
            description = "monodromy: symmetries of the system, generators separated by ';': perm:2,3,1 (x1 takes"
                    + " the value of x2, ...) or sign:-1,1,1 (x1 changes sign); every image of a solution is a"
                    + " solution")
    String symmetry;

    @Option(names = "--verify", description = "monodromy: run the trace test on the solutions found")
    boolean verify;

    /** The parameter point of the last solve (interleaved), its names, and the monodromy run, for the JSON. */
    private List<String> solvedNames;
    private double[] solvedAt;
    private Monodromy.Run run;

    /** Whether these options (or parameters the system declares) take over the solve. */
    /** Whether the system has parameters (declared in the file or named by --parameters), not only coefficients. */
    boolean declaresParameters(PolynomialSystem system) {
        return parameterNames != null || !ParameterizedSystem.declaredParameters(system).isEmpty();
    }

    boolean active(PolynomialSystem system) {
        return parameterNames != null || at != null || from != null || monodromy
                || !ParameterizedSystem.declaredParameters(system).isEmpty() || monodromyOnly();
    }

    private boolean monodromyOnly() {
        return targetCount != null || loopsWithoutProgress != null || symmetry != null || verify;
    }

    /** How many of the system's symbols are parameters (0 when these options are not in use). */
    int parameterCount(PolynomialSystem system) {
        return parameters(system).size();
    }

    /** Whether --at names a file of targets (then {@link #solveTargets} runs instead of {@link #solve}). */
    boolean manyTargets() {
        return at != null && at.toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    /** The parameter names: declared by the file or given by --parameters (both: they must agree). */
    private List<String> parameters(PolynomialSystem system) {
        List<String> declared = ParameterizedSystem.declaredParameters(system);
        if (parameterNames != null && !declared.isEmpty() && !parameterNames.equals(declared)) {
            throw new UserInputException("--parameters " + String.join(",", parameterNames) + ": the file declares "
                    + String.join(", ", declared));
        }
        return parameterNames != null ? parameterNames : declared;
    }

    /** Checks the combination of flags before any work. */
    void check(PolynomialSystem system, Path out) {
        if (monodromyOnly() && !monodromy) {
            throw new UserInputException("--target-count, --loops-without-progress, --symmetry and --verify need"
                    + " --monodromy");
        }
        if (targetCount != null && targetCount < 1) {
            throw new UserInputException("--target-count must be at least 1, not " + targetCount);
        }
        if (loopsWithoutProgress != null && loopsWithoutProgress < 1) {
            throw new UserInputException("--loops-without-progress must be at least 1, not " + loopsWithoutProgress);
        }
        List<String> names = parameters(system);
        if (!names.isEmpty() && at == null) {
            throw new UserInputException("the system has parameters " + String.join(", ", names)
                    + ": give their values with --at " + names.get(0) + "=..." + (names.size() > 1 ? ",..." : "")
                    + " (or a .csv file of points)");
        }
        if (at != null && names.isEmpty()) {
            throw new UserInputException("--at needs parameters: name them with --parameters a,b (or declare them"
                    + " with 'parameter' in a Bertini file)");
        }
        if (from != null && monodromy) {
            throw new UserInputException("--from and --monodromy exclude each other: --from tracks known solutions");
        }
        if (from != null && !Files.isReadable(from)) {
            throw new UserInputException("--from " + from + ": no such readable file");
        }
        if (manyTargets() && out != null) {
            throw new UserInputException("--out with --at " + at + ": the output is one JSON line per point on"
                    + " standard output");
        }
        if (manyTargets() && monodromy) {
            throw new UserInputException("--monodromy with a file of points is not supported: solve one point by"
                    + " monodromy, --out S.json, then --from S.json --at " + at);
        }
        if (symmetry != null) {
            Symmetry.parse(symmetry, system.variableCount() - names.size());
        }
        if (!manyTargets() && at != null) {
            point(names, at, "--at");
        }
    }

    /**
     * With --spark: what distributes is the solve itself and the sweep over a file of points; monodromy and the
     * parameter homotopy to a single point (a few paths from a known start) run in one process.
     */
    void checkSpark() {
        if (monodromy || monodromyOnly()) {
            throw new UserInputException("--spark with --monodromy is not supported: monodromy runs in one process"
                    + " (drop --spark)");
        }
        if (at != null && !manyTargets()) {
            throw new UserInputException("--spark with --at " + at + ": only a file of points (--at targets.csv)"
                    + " is distributed; drop --spark to solve at one point");
        }
    }

    /** Solves at the one --at point (or, without parameters, the system itself by monodromy). */
    SolveResult solve(PolynomialSystem system, SolveOptions options, PrintWriter err) throws IOException {
        List<String> names = parameters(system);
        if (names.isEmpty()) {
            return monodromy(system, options);
        }
        ParameterizedSystem family = ParameterizedSystem.of(system, names);
        double[] target = point(names, at, "--at");
        solvedNames = names;
        solvedAt = target;
        if (monodromy) {
            return monodromy(family.at(target), options);
        }
        try (ParameterSolver ps = new ParameterSolver(family, options)) {
            if (from != null) {
                Start start = readStart(from, family);
                return ps.track(start.parameters(), start.solutions(), target);
            }
            SolveResult r = ps.solve(target);
            warnIfIncomplete(ps.lastGeneric(), err);
            return r;
        }
    }

    /** --at FILE.csv: one JSON line per point on {@code out}, all from one generic solve (or --from). */
    void solveTargets(PolynomialSystem system, SolveOptions options, boolean withSolutions, PrintWriter out,
                      PrintWriter err, String spark) throws IOException {
        List<String> names = parameters(system);
        ParameterizedSystem family = ParameterizedSystem.of(system, names);
        List<double[]> targets = readTargets(Path.of(at), names);
        try (ParameterSolver ps = new ParameterSolver(family, options)) {
            double[] p0;
            List<double[]> starts;
            if (from != null) {
                Start start = readStart(from, family);
                p0 = start.parameters();
                starts = start.solutions();
            } else {
                ParameterSolver.Generic g = ps.solveGeneric();
                warnIfIncomplete(g, err);
                p0 = g.parameters();
                starts = g.solutions();
            }
            if (spark != null) {
                // the generic solve above ran here; the targets are spread over the cluster, results in target order
                SparkRoute.sweep(spark, system, names, options, p0, starts, targets, withSolutions, (json, k) -> {
                    try {
                        printPoint(out, names, k, targets.get(k), (ObjectNode) Json.MAPPER.readTree(json));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                return;
            }
            for (int k = 0; k < targets.size(); k++) {
                SolveResult r = ps.track(p0, starts, targets.get(k));
                printPoint(out, names, k, targets.get(k), JsonOutput.toJson(r, withSolutions));
            }
        }
    }

    /** One line of a sweep's output: the point's number and parameters, then its solve's JSON. */
    private static void printPoint(PrintWriter out, List<String> names, int k, double[] target, ObjectNode result) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("point", k + 1);
        putParameters(o, names, target);
        o.setAll(result);
        out.println(o);
        out.flush();
    }

    /**
     * A generic solve with failed paths or singular solutions may have missed solutions that every parameter
     * homotopy from it then misses too: said on stderr, not silently.
     */
    private static void warnIfIncomplete(ParameterSolver.Generic g, PrintWriter err) {
        SolveResult r = g.result();
        if (r.failed() > 0 || r.singular() > 0 || r.positiveDimensional() > 0) {
            err.printf(Locale.ROOT, "lps solve: warning: the generic solve had %d failed paths and %d singular"
                    + " solutions; only its %d nonsingular solutions are tracked, so solutions may be missing%n",
                    r.failed(), r.singular(), g.solutions().size());
            err.flush();
        }
    }

    /** Adds {@code parameters} (the point solved at) and {@code monodromy} to a solve's JSON. */
    void decorate(ObjectNode json) {
        if (solvedAt != null) {
            putParameters(json, solvedNames, solvedAt);
        }
        if (run != null) {
            ObjectNode m = json.putObject("monodromy");
            m.put("loops", run.loops());
            m.put("pathsTracked", run.pathsTracked());
            m.put("stop", run.stop().label());
            m.put("traceTest", run.traceTest() == null ? "not run" : run.traceTest().label());
            if (run.traceTest() == null || !Double.isFinite(run.traceTest().residual())) {
                m.putNull("traceResidual");
            } else {
                m.put("traceResidual", run.traceTest().residual());
            }
        }
    }

    /** Summary lines for the monodromy run, if any. */
    void summary(PrintWriter pw) {
        if (solvedAt != null) {
            StringBuilder b = new StringBuilder();
            for (int k = 0; k < solvedNames.size(); k++) {
                b.append(k == 0 ? "" : ", ").append(solvedNames.get(k)).append(" = ")
                        .append(ComplexValue.format(solvedAt[2 * k], solvedAt[2 * k + 1]));
            }
            pw.printf(Locale.ROOT, "  parameters           %s%n", b);
        }
        if (run != null) {
            pw.printf(Locale.ROOT, "  monodromy            %d loops, %d paths, stop: %s, trace test: %s%s%n",
                    run.loops(), run.pathsTracked(), run.stop().label(),
                    run.traceTest() == null ? "not run" : run.traceTest().label(),
                    run.traceTest() == null ? "" : String.format(Locale.ROOT, " (residual %.1e)",
                            run.traceTest().residual()));
        }
    }

    private SolveResult monodromy(PolynomialSystem system, SolveOptions options) {
        MonodromyOptions m = monodromyOptions(options);
        Monodromy.Solve s = symmetry == null ? Monodromy.solve(system, m)
                : Monodromy.solve(system, Symmetry.parse(symmetry, system.variableCount()), m);
        run = s.run();
        return s.result();
    }

    private MonodromyOptions monodromyOptions(SolveOptions options) {
        MonodromyOptions m = MonodromyOptions.defaults().seed(options.seed()).threads(Math.max(1, options.threads()))
                .verify(verify);
        if (targetCount != null) {
            m = m.targetCount(targetCount);
        }
        if (loopsWithoutProgress != null) {
            m = m.loopsWithoutProgress(loopsWithoutProgress);
        }
        return m;
    }

    private static void putParameters(ObjectNode o, List<String> names, double[] p) {
        ObjectNode params = o.putObject("parameters");
        for (int k = 0; k < names.size(); k++) {
            params.putArray(names.get(k)).add(p[2 * k]).add(p[2 * k + 1]);
        }
    }

    /** "a=1,b=2-0.5i": a value for every parameter and nothing else. */
    static double[] point(List<String> names, String text, String flag) {
        Map<String, double[]> values = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new UserInputException(flag + " " + text + ": expected name=value pairs separated by commas,"
                        + " found '" + part + "'");
            }
            String name = part.substring(0, eq).trim();
            if (!names.contains(name)) {
                throw new UserInputException(flag + ": '" + name + "' is not a parameter (parameters: "
                        + String.join(", ", names) + ")");
            }
            if (values.put(name, ComplexValue.parse(part.substring(eq + 1), flag + " " + name)) != null) {
                throw new UserInputException(flag + ": " + name + " is given twice");
            }
        }
        double[] p = new double[2 * names.size()];
        for (int k = 0; k < names.size(); k++) {
            double[] v = values.get(names.get(k));
            if (v == null) {
                throw new UserInputException(flag + ": no value for the parameter " + names.get(k));
            }
            p[2 * k] = v[0];
            p[2 * k + 1] = v[1];
        }
        return p;
    }

    /** A CSV file of points: a header naming every parameter, then one row per point. */
    static List<double[]> readTargets(Path file, List<String> names) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> header = null;
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (header == null) {
                header = Arrays.stream(cells).map(String::trim).toList();
                if (!new java.util.HashSet<>(header).equals(new java.util.HashSet<>(names))
                        || header.size() != names.size()) {
                    throw new UserInputException(file + ":" + (i + 1) + ":1: the header must name the parameters "
                            + String.join(", ", names) + " (found " + String.join(", ", header) + ")");
                }
                continue;
            }
            if (cells.length != header.size()) {
                throw new UserInputException(file + ":" + (i + 1) + ":1: expected " + header.size() + " values, found "
                        + cells.length);
            }
            double[] p = new double[2 * names.size()];
            for (int c = 0; c < cells.length; c++) {
                int k = names.indexOf(header.get(c));
                double[] v = ComplexValue.parse(cells[c], file + ":" + (i + 1) + ":" + (c + 1));
                p[2 * k] = v[0];
                p[2 * k + 1] = v[1];
            }
            out.add(p);
        }
        if (out.isEmpty()) {
            throw new UserInputException(file + ": no points (a header line, then one point per line)");
        }
        return out;
    }

    /** Start solutions and the parameter point they solve. */
    record Start(double[] parameters, List<double[]> solutions) {
    }

    /** The solutions and parameter values of an earlier {@code --out S.json}. */
    static Start readStart(Path file, ParameterizedSystem family) throws IOException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UserInputException("--from " + file + ": not JSON (" + e.getOriginalMessage() + ")");
        }
        JsonNode vars = root.path("variables"), params = root.path("parameters"), sols = root.path("solutions");
        if (!vars.isArray() || !params.isObject() || !sols.isArray()) {
            throw new UserInputException("--from " + file + ": expected the output of lps solve --at ... --out"
                    + " FILE.json (keys variables, parameters and solutions)");
        }
        List<String> v = new ArrayList<>();
        vars.forEach(n -> v.add(n.asText()));
        if (!v.equals(family.variables())) {
            throw new UserInputException("--from " + file + ": solutions in the unknowns " + String.join(", ", v)
                    + ", but the system's are " + String.join(", ", family.variables()));
        }
        double[] p = new double[2 * family.parameterCount()];
        for (int k = 0; k < family.parameterCount(); k++) {
            JsonNode value = params.path(family.parameters().get(k));
            if (!value.isArray() || value.size() != 2) {
                throw new UserInputException("--from " + file + ": no value for the parameter "
                        + family.parameters().get(k));
            }
            p[2 * k] = value.get(0).asDouble();
            p[2 * k + 1] = value.get(1).asDouble();
        }
        List<double[]> xs = new ArrayList<>();
        for (JsonNode s : sols) {
            // singular solutions do not start parameter homotopies: only the nonsingular ones move smoothly
            if (!"nonsingular".equals(s.path("status").asText())) {
                continue;
            }
            double[] x = new double[2 * v.size()];
            JsonNode coords = s.path("x");
            for (int k = 0; k < v.size(); k++) {
                x[2 * k] = coords.path(k).path(0).asDouble(Double.NaN);
                x[2 * k + 1] = coords.path(k).path(1).asDouble(Double.NaN);
            }
            if (Arrays.stream(x).anyMatch(d -> !Double.isFinite(d))) {
                throw new UserInputException("--from " + file + ": solution " + (xs.size() + 1)
                        + " does not have " + v.size() + " complex coordinates");
            }
            xs.add(x);
        }
        if (xs.isEmpty()) {
            throw new UserInputException("--from " + file + ": no nonsingular solutions to start from");
        }
        return new Start(p, xs);
    }
}
