package org.lps.app;

import java.io.PrintWriter;
import java.math.BigInteger;
import java.util.concurrent.Callable;
import org.lps.homotopy.family.StandardSystems;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.rootcount.LinearProductBound;
import org.lps.homotopy.rootcount.RootCounts;
import org.lps.init.lps.LpsBlockSystem;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code lps demo}, interim: root counts of built-in systems next to their known solution counts. The full LPS
 * job replaces it once the solver and the initializer land.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "The main job on embedded defaults (for now: root counts of built-in systems).")
final class DemoCommand implements Callable<Integer> {

    private static final String[] FAMILIES = {"cyclic5", "cyclic6", "cyclic7", "katsura6", "noon4", "eco6", "chandra5"};
    private static final int[][] BLOCKS = {{1, 2}, {2, 2}};

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Root counts of built-in systems: upper bounds on the number of isolated complex solutions.");
        out.println();
        String fmt = "%-14s %3s %13s %13s %15s %10s %8s%n";
        out.printf(fmt, "system", "n", "total degree", "m-hom Bezout", "linear product", "solutions", "seconds");
        for (String name : FAMILIES) {
            String family = name.replaceAll("\\d", "");
            int n = Integer.parseInt(name.replaceAll("\\D", ""));
            row(out, fmt, name, StandardSystems.byName(name), String.valueOf(StandardSystems.knownSolutionCount(family, n)));
        }
        for (int[] kd : BLOCKS) {
            PolynomialSystem block = LpsBlockSystem.generic(kd[0], kd[1], 1);
            row(out, fmt, "lps k=" + kd[0] + " d=" + kd[1], block, "?");
        }
        out.println();
        out.println("solutions: published counts of isolated solutions (SOLVER_NOTES.md); ? = to be found by the solver.");
        out.print("lps k d: the LPS block system of width k and activation degree d (generic data); the set structure");
        out.println(" of DESIGN.md gives " + designBounds() + ".");
        out.println("Counts of any system: lps count FILE (or --system NAME) [--json].");
        out.flush();
        return 0;
    }

    private static void row(PrintWriter out, String fmt, String label, PolynomialSystem s, String known) {
        long t0 = System.nanoTime();
        RootCounts rc = RootCounts.of(s);
        double seconds = (System.nanoTime() - t0) / 1e9;
        out.printf(fmt, label, s.variableCount(), rc.totalDegree(), rc.multiHomogeneousBezout(),
                rc.linearProductBound(), known, String.format("%.2f", seconds));
    }

    private static String designBounds() {
        StringBuilder sb = new StringBuilder();
        for (int[] kd : BLOCKS) {
            BigInteger b = LinearProductBound.count(LpsBlockSystem.designStructure(kd[0], kd[1]));
            sb.append(sb.length() == 0 ? "" : " and ").append(b).append(" (k=").append(kd[0]).append(')');
        }
        return sb.toString();
    }
}
