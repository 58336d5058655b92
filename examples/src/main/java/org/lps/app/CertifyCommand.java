package org.lps.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lps.homotopy.certify.Certificate;
import org.lps.homotopy.certify.Certification;
import org.lps.homotopy.certify.Certifier;
import org.lps.homotopy.certify.IntervalSystem;
import org.lps.homotopy.parse.Format;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.result.CertificationJson;
import org.lps.homotopy.result.SolutionsJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lps certify}: proves (or refuses) each given approximate solution of a system. */
@Command(name = "certify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Certify approximate solutions: for each point, Krawczyk's test in interval arithmetic proves that a"
                + " box around it holds exactly one zero of the system (double precision, then 60 digits for"
                + " ill-conditioned zeros), and whether that zero is real. Boxes proved to hold the same zero count once.",
                "The points come from the JSON lps solve --out S.json writes; only each solution's \"x\" ([[re, im], ...])"
                        + " is required, so any program's points can be given. Nothing is dropped: a point that cannot be"
                        + " certified is reported with the reason."})
final class CertifyCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "The system: PHCpack, Bertini or plain text; - reads standard input.")
    String file;

    @Option(names = "--system", paramLabel = "NAME",
            description = "A built-in system instead of a file: cyclic7, katsura6, ..., or lps-k2-d3.")
    String system;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "Input format: auto, phc, bertini or plain (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--solutions", paramLabel = "S.json", required = true,
            description = "The points: JSON with a \"solutions\" array whose entries have \"x\": [[re, im], ...].")
    Path solutions;

    @Option(names = "--json", description = "Print one JSON object (totals, and per point its certificate and box).")
    boolean json;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores); the result does not depend on it.")
    Integer threads;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (threads != null && threads < 1) {
            throw new UserInputException("--threads must be at least 1, got " + threads);
        }
        PolynomialSystem s = SystemInput.load(file, system, format, System.in).requireSquare("certification", format, true).system();
        IntervalSystem is = UserInputException.forFlag("FILE", () -> IntervalSystem.of(s));
        List<double[]> points;
        try {
            points = SolutionsJson.read(solutions, s.variables());
        } catch (IllegalArgumentException e) {   // the file's content, named with file and place by the reader
            throw new UserInputException(e.getMessage(), e);
        }
        int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        Certification c = Certifier.certify(is, points, nThreads);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(CertificationJson.toJson(c, s.variables()));
        } else {
            out.printf(Locale.ROOT, "%s: %d equations in %d unknowns, %d points from %s%n", SystemInput.label(file, system),
                    s.equationCount(), s.variableCount(), points.size(), solutions);
            summary(out, c);
            for (int i = 0; i < c.size(); i++) {
                Certificate k = c.get(i);
                if (!k.certified()) {
                    out.printf(Locale.ROOT, "  point %d not certified: %s%n", i + 1, k.reason());
                } else if (c.sameAs()[i] >= 0) {
                    out.printf(Locale.ROOT, "  point %d: the same zero as point %d%n", i + 1, c.sameAs()[i] + 1);
                }
            }
        }
        out.flush();
        return 0;
    }

    /** The certified counts, two lines, as {@code lps solve --certify} also prints them. */
    static void summary(PrintWriter pw, Certification c) {
        pw.printf(Locale.ROOT, "  certified            %d of %d solutions: %d distinct zeros, %d real%s (%.3f s, %d thread%s)%n",
                c.certified(), c.size(), c.certifiedDistinct(), c.certifiedReal(),
                c.realCoefficients() ? "" : " (non-real coefficients: reality not provable)", c.seconds(), c.threads(),
                c.threads() == 1 ? "" : "s");
        if (c.uncertified() > 0 || c.ambiguous() > 0) {
            pw.printf(Locale.ROOT, "  not certified        %d solution%s%s%n", c.uncertified(), c.uncertified() == 1 ? "" : "s",
                    c.ambiguous() > 0 ? ", " + c.ambiguous() + " overlapping boxes neither proved equal nor apart" : "");
        }
    }
}
