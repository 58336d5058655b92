package org.lps.app;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Complex numbers on the command line and in CSV cells: {@code 2}, {@code -1.5e-3}, {@code 2-0.5i}, {@code i}. */
final class ComplexValue {

    private static final String REAL = "(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?";
    private static final Pattern FORM = Pattern.compile(
            "([+-]?" + REAL + ")?(?:([+-]?)(" + REAL + ")?\\*?[iI])?");

    private ComplexValue() {
    }

    /** {re, im}; a {@link UserInputException} naming {@code where} if the text is not a number. */
    static double[] parse(String text, String where) {
        String t = text.trim().replace(" ", "");
        Matcher m = FORM.matcher(t);
        if (t.isEmpty() || !m.matches() || (m.group(1) == null && m.group(2) == null && m.group(3) == null
                && !t.toLowerCase(Locale.ROOT).endsWith("i"))) {
            throw new UserInputException(where + ": '" + text.trim() + "' is not a number (e.g. 2, -1.5e-3, 2-0.5i)");
        }
        boolean imaginary = t.toLowerCase(Locale.ROOT).endsWith("i");
        double re = m.group(1) == null ? 0 : Double.parseDouble(m.group(1));
        double im = 0;
        if (imaginary) {
            im = m.group(3) == null ? 1 : Double.parseDouble(m.group(3));
            if ("-".equals(m.group(2))) {
                im = -im;
            }
            if (m.group(1) != null && m.group(2).isEmpty()) {
                // "2i" matched as re = 2 then a bare i: it is 2i
                im = re * (m.group(3) == null ? 1 : im);
                re = 0;
                if (m.group(3) != null) {
                    throw new UserInputException(where + ": '" + text.trim() + "' is not a number");
                }
            }
        }
        return new double[] {re, im};
    }

    static String format(double re, double im) {
        if (im == 0) {
            return String.format(Locale.ROOT, "%.6g", re);
        }
        return String.format(Locale.ROOT, "%.6g%s%.6gi", re, im < 0 ? "-" : "+", Math.abs(im));
    }
}
