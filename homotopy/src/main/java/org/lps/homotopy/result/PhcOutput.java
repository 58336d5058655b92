package org.lps.homotopy.result;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.hipparchus.complex.Complex;
import org.lps.homotopy.solve.Solution;
import org.lps.homotopy.solve.SolveResult;

/**
 * The solutions in PHCpack's solution-list format ("THE SOLUTIONS :" block), readable by PHCpack's tools:
 * per solution t = 1, the multiplicity, one line "name : re im" per variable in %.14E, and the diagnostics line
 * "== err : .. = rco : .. = res : .. = real regular ==" with err the accuracy estimate, rco the inverse
 * condition number and res the residual.
 */
public final class PhcOutput {

    private static final String RULE = "===========================================================================";

    private PhcOutput() {
    }

    public static void write(SolveResult r, Appendable out) throws IOException {
        List<Solution> sols = r.solutions();
        out.append("THE SOLUTIONS :\n");
        out.append(Integer.toString(sols.size())).append(' ').append(Integer.toString(r.variables().size())).append('\n');
        out.append(RULE).append('\n');
        int k = 1;
        for (Solution s : sols) {
            out.append("solution ").append(Integer.toString(k++)).append(" :\n");
            out.append("t : ").append(e14(1)).append("  ").append(e14(0)).append('\n');
            out.append("m : ").append(Integer.toString(s.multiplicity())).append('\n');
            out.append("the solution for t :\n");
            Complex[] x = s.coordinates();
            for (int v = 0; v < x.length; v++) {
                out.append(' ').append(r.variables().get(v)).append(" : ").append(e14(x[v].getReal())).append("  ")
                        .append(e14(x[v].getImaginary())).append('\n');
            }
            double rco = Double.isFinite(s.condition()) && s.condition() > 0 ? 1 / s.condition() : 0;
            out.append("== err : ").append(e3(s.accuracy())).append(" = rco : ").append(e3(rco)).append(" = res : ")
                    .append(e3(s.residual())).append(" = ").append(s.isReal() ? "real" : "complex")
                    .append(s.isSingular() ? " singular" : " regular").append(" ==\n");
        }
        out.append(RULE).append('\n');
    }

    private static String e14(double v) {
        return String.format(Locale.ROOT, "% .14E", v);
    }

    private static String e3(double v) {
        return String.format(Locale.ROOT, "% .3E", Double.isFinite(v) ? v : 0.0);
    }
}
