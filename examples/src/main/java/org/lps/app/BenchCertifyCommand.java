package org.lps.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lps.homotopy.certify.Certification;
import org.lps.homotopy.certify.Certifier;
import org.lps.homotopy.certify.IntervalSystem;
import org.lps.homotopy.family.StandardSystems;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.solve.SolveOptions;
import org.lps.homotopy.solve.SolveResult;
import org.lps.homotopy.solve.Solver;
import org.lps.init.lps.block.BlockCertificate;
import org.lps.init.lps.block.BlockProblem;
import org.lps.init.lps.block.BlockSolver;
import org.lps.init.lps.block.BlockSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lps bench certify}: the cost of certification next to the cost of the solve, per system. Both are wall
 * times in process on the same threads, after an untimed warm-up solve and certification (JIT).
 */
@Command(name = "certify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Certification time against solve time on the same systems and threads.",
                "Systems: standard names (katsura9, cyclic7, ...) or lps-k2 (the ReLU LPS block of width 2, d = 2, whose"
                        + " certification also proves its minima).",
                "Wall times in process, after one untimed warm-up solve and certification; for standard systems the best of"
                        + " --repeats certifications (lps-k2: one solve with classification, one certification with minima)."})
final class BenchCertifyCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--systems", paramLabel = "LIST", split = ",", defaultValue = "katsura9,cyclic7,lps-k2",
            description = "systems, comma-separated (default: ${DEFAULT-VALUE})")
    List<String> systems;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "2", description = "threads (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--repeats", paramLabel = "R", defaultValue = "1",
            description = "certifications per system; the best time counts (default: ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--json", description = "print one JSON object instead of the table")
    boolean json;

    record Row(String system, long solutions, int certified, int distinct, long real, int certifiedReal,
               Integer minima, Integer certifiedMinima, int extended, double solveSeconds, double certifySeconds) {
    }

    @Override
    public Integer call() {
        if (threads < 1 || repeats < 1) {
            throw new UserInputException("--threads and --repeats must be at least 1");
        }
        for (String s : systems) {
            if (!s.equals("lps-k2")) {
                UserInputException.forFlag("--systems", () -> StandardSystems.byName(s));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PolynomialSystem warm = StandardSystems.katsura(6);
        Certifier.certify(IntervalSystem.of(warm), Solver.solve(warm, SolveOptions.defaults().threads(threads)), threads);
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode rows = mapper.createArrayNode();
        if (!json) {
            out.printf("%-9s %9s %9s %9s %5s %9s %6s %8s %8s %9s %9s %7s%n", "system", "solutions", "certified", "distinct",
                    "real", "certReal", "minima", "certMin", "60-digit", "solve s", "certify s", "ratio");
        }
        for (String name : systems) {
            err.printf("bench certify: %s...%n", name);
            err.flush();
            Row r = name.equals("lps-k2") ? block() : standard(name);
            if (json) {
                rows.add(mapper.valueToTree(r));
            } else {
                out.printf(Locale.ROOT, "%-9s %9d %9d %9d %5d %9d %6s %8s %8d %9.2f %9.3f %6.1f%%%n", r.system(),
                        r.solutions(), r.certified(), r.distinct(), r.real(), r.certifiedReal(),
                        r.minima() == null ? "-" : r.minima().toString(),
                        r.certifiedMinima() == null ? "-" : r.certifiedMinima().toString(), r.extended(), r.solveSeconds(),
                        r.certifySeconds(), 100 * r.certifySeconds() / r.solveSeconds());
            }
            out.flush();
        }
        if (json) {
            ObjectNode root = mapper.createObjectNode();
            root.put("threads", threads);
            root.set("results", rows);
            out.println(root);
            out.flush();
        }
        return 0;
    }

    private Row standard(String name) {
        PolynomialSystem s = StandardSystems.byName(name);
        long t0 = System.nanoTime();
        SolveResult r = Solver.solve(s, SolveOptions.defaults().threads(threads));
        double solve = (System.nanoTime() - t0) * 1e-9;
        IntervalSystem is = IntervalSystem.of(s);
        Certification best = null;
        for (int k = 0; k < repeats; k++) {
            Certification c = Certifier.certify(is, r, threads);
            if (best == null || c.seconds() < best.seconds()) {
                best = c;
            }
        }
        return new Row(name, r.solutions().size(), best.certified(), best.certifiedDistinct(), r.real(),
                best.certifiedReal(), null, null, extended(best), solve, best.seconds());
    }

    /** The LPS k = 2 block as lps study counts solves it (seed 1): solve and classify, then certify all of it. */
    private Row block() {
        BlockProblem p = BlockProblem.of(BlockSpec.defaults().activation("relu").degree(2).width(2));
        BlockSolver.Certified c = BlockSolver.solveCertified(p, 1, threads, null);
        BlockCertificate k = c.certificate();
        return new Row("lps-k2", c.solution().finite(), k.certification().certified(), k.certifiedFinite(),
                c.solution().realCritical(), k.certifiedReal(), c.solution().minima().size(), k.certifiedMinima(),
                extended(k.certification()), c.solution().seconds(), k.seconds());
    }

    private static int extended(Certification c) {
        return (int) c.certificates().stream().filter(k -> k.certified() && !"double".equals(k.precision())).count();
    }
}
