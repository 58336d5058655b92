package org.lps.homotopy.result;

import java.io.IOException;
import java.util.Locale;
import org.hipparchus.complex.Complex;
import org.lps.homotopy.solve.Solution;
import org.lps.homotopy.solve.SolveResult;

/**
 * The solutions as CSV, one row per distinct solution: {@code solution,status,multiplicity,real,condition,
 * residual}, then {@code NAME_re,NAME_im} per variable. Numbers in full double precision (17 significant
 * digits), so the file reads back to the same doubles.
 */
public final class CsvOutput {

    private CsvOutput() {
    }

    public static void write(SolveResult r, Appendable out) throws IOException {
        out.append("solution,status,multiplicity,real,condition,residual");
        for (String v : r.variables()) {
            out.append(',').append(quote(v + "_re")).append(',').append(quote(v + "_im"));
        }
        out.append('\n');
        int k = 1;
        for (Solution s : r.solutions()) {
            out.append(Integer.toString(k++)).append(',').append(s.status().label()).append(',')
                    .append(Integer.toString(s.multiplicity())).append(',').append(Boolean.toString(s.isReal()))
                    .append(',').append(number(s.condition())).append(',').append(number(s.residual()));
            for (Complex c : s.coordinates()) {
                out.append(',').append(number(c.getReal())).append(',').append(number(c.getImaginary()));
            }
            out.append('\n');
        }
    }

    private static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.17g", v) : (Double.isNaN(v) ? "" : "inf");
    }

    private static String quote(String s) {
        return s.matches("[A-Za-z0-9_\\[\\]]+") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
