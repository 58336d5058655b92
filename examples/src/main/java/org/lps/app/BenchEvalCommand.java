package org.lps.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lps.app.bench.EvalBenchmark;
import org.lps.homotopy.eval.CompiledSystem;
import org.lps.homotopy.poly.PolynomialSystem;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluations per second of values + full Jacobian (JMH, one forked JVM):",
                "the compiled straight-line program next to term-by-term evaluation of the symbolic Jacobian,",
                "on cyclic-7, katsura-10, noon-6 and a dense degree-4 system in 8 variables."})
final class BenchEvalCommand implements Callable<Integer> {

    @Option(names = "--warmup", defaultValue = "3", description = "Warm-up iterations of 1 s (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--iterations", defaultValue = "5", description = "Measured iterations of 1 s (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--json", description = "Print one JSON object instead of the table.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws RunnerException {
        if (warmup < 0 || iterations < 1) {
            throw new UserInputException("--warmup must be >= 0 and --iterations >= 1, got " + warmup + " and " + iterations);
        }
        Options opt = new OptionsBuilder()
                .include(EvalBenchmark.class.getName() + ".")
                .forks(1)
                .warmupIterations(warmup)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(1))
                .threads(1)
                .verbosity(json ? VerboseMode.SILENT : VerboseMode.NORMAL)
                .build();
        Collection<RunResult> results = new Runner(opt).run();
        Map<String, double[]> rate = new HashMap<>();   // system -> {compiled, reference, compiledError}
        for (RunResult r : results) {
            String sys = r.getParams().getParam("system");
            String bench = r.getParams().getBenchmark();
            double[] v = rate.computeIfAbsent(sys, k -> new double[3]);
            if (bench.endsWith(".compiled")) {
                v[0] = r.getPrimaryResult().getScore();
                v[2] = r.getPrimaryResult().getScoreError();
            } else {
                v[1] = r.getPrimaryResult().getScore();
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode rows = mapper.createArrayNode();
        if (!json) {
            out.printf("%n%-10s %5s %6s %16s %16s %8s%n", "system", "n", "terms", "compiled eval/s", "reference eval/s", "speedup");
        }
        for (String name : EvalBenchmark.SYSTEMS) {
            double[] v = rate.get(name);
            if (v == null) {
                continue;
            }
            PolynomialSystem s = EvalBenchmark.system(name);
            int terms = CompiledSystem.compile(s).termCount();
            if (json) {
                ObjectNode row = rows.addObject();
                row.put("system", name).put("variables", s.variableCount()).put("terms", terms)
                        .put("compiledPerSecond", v[0]).put("compiledError", v[2])
                        .put("referencePerSecond", v[1]).put("speedup", v[0] / v[1]);
            } else {
                out.printf("%-10s %5d %6d %16.0f %16.0f %7.1fx%n", name, s.variableCount(), terms, v[0], v[1], v[0] / v[1]);
            }
        }
        if (json) {
            ObjectNode root = mapper.createObjectNode();
            root.set("results", rows);
            out.println(root);
        }
        out.flush();
        return 0;
    }
}
