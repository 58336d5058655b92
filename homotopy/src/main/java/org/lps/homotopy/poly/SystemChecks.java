package org.lps.homotopy.poly;

import java.util.Locale;

/**
 * The checks a system passes before it is solved or its roots are counted, each failure an
 * {@link InvalidSystemException} that says what is wrong in the user's terms.
 */
public final class SystemChecks {

    private SystemChecks() {
    }

    /**
     * Square (as many equations as unknowns, at least one), and no equation constant: a nonzero constant equation
     * has no solution, an identically zero one leaves the solutions non-isolated (the system is underdetermined).
     */
    public static void requireSquareNonConstant(PolynomialSystem system, String who) {
        requireSquare(system, who);
        for (int i = 0; i < system.equationCount(); i++) {
            Polynomial p = system.equation(i);
            if (p.isConstant()) {
                throw new InvalidSystemException("equation " + (i + 1) + " is the nonzero constant "
                        + constant(p) + " = 0, so the system has no solution");
            }
        }
    }

    /**
     * Square, and no equation identically zero. A nonzero constant equation passes: root counts of such a system
     * are 0, a true bound.
     */
    public static void requireSquare(PolynomialSystem system, String who) {
        int m = system.equationCount(), n = system.dimension();
        if (m == 0) {
            throw new InvalidSystemException("no equations");
        }
        if (m != n) {
            String unknowns = system.homogeneousGroupCount() == 0 ? plural(n, "unknown")
                    : plural(n, "unknown") + " (" + system.variableCount() + " variables in "
                    + plural(system.homogeneousGroupCount(), "projective group") + ")";
            throw new InvalidSystemException(plural(m, "equation") + " in " + unknowns + ": " + who
                    + " needs a square system" + (m > n ? "" : " (with fewer equations the solutions are not isolated)"));
        }
        for (int i = 0; i < m; i++) {
            Polynomial p = system.equation(i);
            if (p.isZero()) {
                throw new InvalidSystemException("equation " + (i + 1) + " is identically zero, so no solution is"
                        + " isolated (the system is underdetermined)");
            }
        }
    }

    private static String constant(Polynomial p) {
        double re = p.re(0), im = p.im(0);
        return im == 0 ? Double.toString(re) : String.format(Locale.ROOT, "(%s%+gi)", re, im);
    }

    private static String plural(int k, String noun) {
        return k + " " + noun + (k == 1 ? "" : "s");
    }
}
