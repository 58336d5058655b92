package org.lps.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lps.homotopy.parse.Format;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.polyhedral.cells.MixedVolume;
import org.lps.homotopy.rootcount.RootCounts;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lps count}: the root counts of a square system, each an upper bound on its isolated solutions. */
@Command(name = "count", mixinStandardHelpOptions = true,
        description = {"Root counts of a square polynomial system: total degree, multi-homogeneous Bezout number"
                + " (best variable partition found), generalized linear-product bound (best set structure found),"
                + " mixed volume (BKK: solutions with no zero coordinate) and stable mixed volume (Huber-Sturmfels:"
                + " all isolated solutions).",
                "Every count but the mixed volume bounds the isolated complex solutions; the mixed volume bounds those"
                        + " with no zero coordinate."})
final class CountCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "The system: PHCpack, Bertini or plain text; - reads standard input.")
    String file;

    @Option(names = "--system", paramLabel = "NAME",
            description = "A built-in system instead of a file: cyclic7, katsura6, noon4, eco6, chandra5, reimer5, ...,"
                    + " or lps-k2-d3 (LPS block system of width k, activation degree d, generic data).")
    String system;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "Input format: auto, phc, bertini or plain (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--json", description = "Print one JSON object instead of the summary.")
    boolean json;

    @Option(names = "--mixed-volume-limit", paramLabel = "N", defaultValue = "" + MixedVolume.DEFAULT_WORK_LIMIT,
            description = "Give up the mixed volume after N linear programs (0: skip it); large systems (lps-k9-d2) take"
                    + " minutes per million (default: ${DEFAULT-VALUE}).")
    long mixedVolumeLimit;

    @Option(names = "--quiet", description = "No progress line on stderr.")
    boolean quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (mixedVolumeLimit < 0) {
            throw new UserInputException("--mixed-volume-limit must be at least 0, got " + mixedVolumeLimit);
        }
        PolynomialSystem s = SystemInput.load(file, system, format, System.in)
                .requireSquare("counting roots", format, false).system();
        long t0 = System.nanoTime();
        RootCounts rc;
        // the set-structure search and the mixed cells can take minutes on large systems: say which is running
        try (PhaseProgress progress = quiet ? null : new PhaseProgress(spec.commandLine().getErr(),
                spec.qualifiedName())) {
            phase(progress, "total degree, multi-homogeneous and set-structure bounds");
            rc = RootCounts.of(s);
            phase(progress, "mixed volume (at most " + mixedVolumeLimit + " linear programs: --mixed-volume-limit)");
            rc.mixedVolumes(mixedVolumeLimit);   // computed on request: here, within the timing
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(json(s, rc, seconds));
        } else {
            summary(out, SystemInput.label(file, system), s, rc, seconds, mixedVolumeLimit);
        }
        out.flush();
        return 0;
    }

    private static void phase(PhaseProgress p, String name) {
        if (p != null) {
            p.phase(name);
        }
    }

    static String json(PolynomialSystem s, RootCounts rc, double seconds) throws JsonProcessingException {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("totalDegree", rc.totalDegree());
        o.put("mhomBezout", rc.multiHomogeneousBezout());
        o.put("linearProductBound", rc.linearProductBound());
        o.put("mixedVolume", rc.mixedVolume());
        o.put("stableMixedVolume", rc.stableMixedVolume());
        MixedVolume mv = rc.mixedVolumes();
        if (mv != null) {
            o.put("mixedCells", mv.torusCells().cells().size());
            o.put("mixedVolumeSeconds", Math.round(mv.seconds() * 1000) / 1000.0);
        }
        o.put("partition", rc.partition().groupNames(s.variables()));
        o.put("setStructure", rc.setStructure().names(s.variables()));
        o.put("equations", rc.equationCount());
        o.put("variables", rc.variableCount());
        if (rc.patches() > 0) {
            o.put("patchEquations", rc.patches());
        }
        o.put("seconds", Math.round(seconds * 1000) / 1000.0);
        return new ObjectMapper().writeValueAsString(o);
    }

    private static void summary(PrintWriter out, String label, PolynomialSystem s, RootCounts rc, double seconds,
                                long mixedVolumeLimit) {
        List<String> names = s.variables();
        out.printf("%s: %d equations in %d unknowns%n", label, rc.equationCount(), s.dimension());
        out.printf("  total degree         %s%n", rc.totalDegree());
        out.printf("  multi-homogeneous    %s   partition %s%n", rc.multiHomogeneousBezout(),
                rc.partition().format(names));
        out.printf("  linear product       %s   set structure below%n", rc.linearProductBound());
        MixedVolume mv = rc.mixedVolumes();
        if (mv == null) {
            out.printf("  mixed volume         %s%n", mixedVolumeLimit == 0 ? "not computed (--mixed-volume-limit 0)"
                    : "not computed: more than " + mixedVolumeLimit + " linear programs (raise --mixed-volume-limit)");
        } else {
            out.printf("  mixed volume         %s   %d mixed cells, %.3f s%n", mv.mixedVolume(),
                    mv.torusCells().cells().size(), mv.seconds());
            out.printf("  stable mixed volume  %s   %s%n", mv.stableMixedVolume(), mv.zeroCoordinatesPossible()
                    ? "solutions with zero coordinates possible" : "no isolated solution with a zero coordinate");
        }
        out.printf("  time                 %.3f s%n", seconds);
        out.println("set structure (one line per equation, one {set} per factor):");
        List<String> lines = rc.setStructure().format(names);
        int width = String.valueOf(lines.size()).length();
        for (int i = 0; i < lines.size(); i++) {
            String tag = i < rc.equationCount() ? "f" + (i + 1) : "patch";
            out.printf("  %-" + (width + 6) + "s%s%n", tag, lines.get(i));
        }
        if (rc.patches() > 0) {
            out.printf("(projective groups are counted on an affine patch: %d linear patch equation%s appended)%n",
                    rc.patches(), rc.patches() == 1 ? "" : "s");
        }
    }
}
