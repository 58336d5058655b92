package org.lps.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lps.homotopy.family.StandardSystems;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.solve.SolveOptions;
import org.lps.homotopy.solve.SolveResult;
import org.lps.homotopy.solve.Solver;
import org.lps.homotopy.start.StartKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lps bench threads}: the solver's speedup from 1 to N threads on one system, in one warmed JVM. The 1- and
 * N-thread solves alternate, so a slow phase of the machine hits both, and the best of each is kept: a solve of a
 * fraction of a second is otherwise dominated by JIT compilation and by whatever else the machine is doing.
 */
@Command(name = "threads", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Speedup of our solver from 1 to N threads on one system (same seed, same paths).",
                "Warm-up: two untimed solves per thread count; then --repeats alternating pairs, best time of each kept."})
final class BenchThreadsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--system", paramLabel = "NAME", defaultValue = "katsura9",
            description = "a standard system (default: ${DEFAULT-VALUE})")
    String system;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "2", description = "compared with 1 (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--repeats", paramLabel = "R", defaultValue = "30", description = "timed pairs (default: ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--start", paramLabel = "S", defaultValue = "auto",
            description = "auto, total-degree, lps or polyhedral (default: ${DEFAULT-VALUE})")
    String start;

    @Option(names = "--json", description = "print one JSON object instead of the table")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (threads < 2) {
            throw new UserInputException("--threads must be at least 2 (it is compared with 1), got " + threads);
        }
        if (repeats < 1) {
            throw new UserInputException("--repeats must be at least 1, got " + repeats);
        }
        PolynomialSystem s = UserInputException.forFlag("--system", () -> StandardSystems.byName(system));
        StartKind kind = UserInputException.forFlag("--start", () -> StartKind.parse(start));
        SolveOptions one = SolveOptions.defaults().seed(1).threads(1).start(kind);
        SolveOptions many = one.threads(threads);
        for (int w = 0; w < 2; w++) {
            Solver.solve(s, one);
            Solver.solve(s, many);
        }
        SolveResult bestOne = null;
        SolveResult bestMany = null;
        for (int r = 0; r < repeats; r++) {
            SolveResult a = Solver.solve(s, one);
            SolveResult b = Solver.solve(s, many);
            bestOne = bestOne == null || a.seconds() < bestOne.seconds() ? a : bestOne;
            bestMany = bestMany == null || b.seconds() < bestMany.seconds() ? b : bestMany;
        }
        if (bestOne.nonsingular() != bestMany.nonsingular() || bestOne.paths() != bestMany.paths()) {
            throw new IllegalStateException("1 and " + threads + " threads disagree: " + bestOne.nonsingular() + " vs "
                    + bestMany.nonsingular() + " solutions");
        }
        double speedup = bestOne.seconds() / bestMany.seconds();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("system", system);
            j.put("start", bestOne.startSystem());
            j.put("paths", bestOne.paths());
            j.put("solutions", bestOne.nonsingular());
            j.put("threads", threads);
            j.put("repeats", repeats);
            j.put("oneThreadSeconds", bestOne.seconds());
            j.put("seconds", bestMany.seconds());
            j.put("speedup", speedup);
            out.println(new ObjectMapper().writeValueAsString(j));
        } else {
            out.printf(Locale.ROOT, "%s, %s start, %d paths, %d solutions; best of %d alternating pairs after warm-up%n",
                    system, bestOne.startSystem(), bestOne.paths(), bestOne.nonsingular(), repeats);
            out.printf(Locale.ROOT, "  1 thread   %.4f s%n  %d threads  %.4f s%n  speedup    %.2fx%n", bestOne.seconds(),
                    threads, bestMany.seconds(), speedup);
        }
        out.flush();
        return 0;
    }
}
