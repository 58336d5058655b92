package org.lps.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Callable;
import org.lps.homotopy.parse.Format;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.polyhedral.cells.MixedVolume;
import org.lps.homotopy.rootcount.RootCounts;
import org.lps.homotopy.rootcount.WorkMeter;
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

    @Option(names = "--budget", paramLabel = "SECONDS", defaultValue = "" + DEFAULT_BUDGET_SECONDS,
            description = "Give up (exit 2) when the counts take longer than this, with what to do instead; the"
                    + " progress line on stderr estimates the time left (default: ${DEFAULT-VALUE}).")
    long budgetSeconds;

    static final long DEFAULT_BUDGET_SECONDS = 300;

    /** The phase running now and since when (read by the progress painter and by the over-budget message). */
    private volatile String phaseName = "";
    private volatile long phaseStart = System.nanoTime();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (mixedVolumeLimit < 0) {
            throw new UserInputException("--mixed-volume-limit must be at least 0, got " + mixedVolumeLimit);
        }
        if (budgetSeconds < 1) {
            throw new UserInputException("--budget must be at least 1 (seconds), got " + budgetSeconds);
        }
        PolynomialSystem s = SystemInput.load(file, system, format, System.in)
                .requireSquare("counting roots", format, false).system();
        long t0 = System.nanoTime();
        RootCounts rc;
        WorkMeter meter = new WorkMeter();
        // the budget is wall-clock time (what the user waits for); the counts themselves stay deterministic
        Timer budget = new Timer("lps-count-budget", true);
        budget.schedule(new TimerTask() {
            @Override
            public void run() {
                meter.stop();
            }
        }, TimeUnit.SECONDS.toMillis(budgetSeconds));
        // the set-structure search and the mixed cells can take minutes on large systems: say which is running,
        // how far it got and how long it may still take
        double boundsSeconds = 0;
        try (PhaseProgress progress = quiet ? null : new PhaseProgress(spec.commandLine().getErr(),
                spec.qualifiedName())) {
            phase(progress, meter, "total degree, multi-homogeneous and set-structure bounds");
            rc = RootCounts.of(s, meter);
            boundsSeconds = (System.nanoTime() - t0) / 1e9;
            phase(progress, meter, "mixed volume");
            rc.mixedVolumes(mixedVolumeLimit, meter);   // computed on request: here, within the timing
        } catch (WorkMeter.Stopped e) {
            throw new UserInputException(overBudget(meter, boundsSeconds));
        } finally {
            budget.cancel();
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

    private void phase(PhaseProgress p, WorkMeter meter, String name) {
        meter.start("", 0, () -> 0);
        phaseName = name;
        phaseStart = System.nanoTime();
        if (p != null) {
            p.phase(name, () -> workDetail(meter, (System.nanoTime() - phaseStart) * 1e-9, "left"));
        }
    }

    /**
     * "N of at most M units (P%, at most about T s left)": the work the running search reported, and the time the
     * rest of its limit would take at the rate so far (an upper estimate: the searches often end before their
     * limit); "" before the search has reported any work.
     */
    static String workDetail(WorkMeter meter, double phaseSeconds, String leftWord) {
        long done = meter.done(), limit = meter.limit();
        if (done <= 0 || limit <= 0 || phaseSeconds <= 0) {
            return "";
        }
        double left = (limit - Math.min(done, limit)) * phaseSeconds / done;
        return String.format(Locale.ROOT, "%,d of at most %,d %s (%.0f%%, at most about %.0f s %s)", done, limit,
                meter.unit(), 100.0 * done / limit, left, leftWord);
    }

    /** The one-line refusal when the budget ran out: where it was, how far it got, what to do instead. */
    private String overBudget(WorkMeter meter, double boundsSeconds) {
        String where = phaseName.startsWith("mixed") ? "the mixed volume" : "the set-structure search";
        String detail = workDetail(meter, (System.nanoTime() - phaseStart) * 1e-9, "more");
        String head = "over --budget " + budgetSeconds + " s in " + where + (detail.isEmpty() ? "" : " after " + detail);
        if (where.equals("the mixed volume")) {
            return head + ": raise --budget, lower --mixed-volume-limit, or skip the mixed volume with"
                    + String.format(Locale.ROOT, " --mixed-volume-limit 0 (the other counts took %.0f s)",
                    boundsSeconds);
        }
        return head + ": raise --budget (the search ends by itself at its node limit), or count a smaller system";
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
