package org.lps.homotopy.endgame;

/**
 * The one definition of a singular endpoint, used by the endgame (is the point it landed on at s = 0 regular?),
 * the path runner (did Newton refine it?) and the classification (nonsingular or singular solution?).
 *
 * <p>An endpoint is <b>nonsingular</b> when all three hold, and <b>singular</b> otherwise:
 * <ul>
 * <li>winding number 1 (the path arrives analytically in s; a winding number c > 1 means c paths meet there);</li>
 * <li>relative accuracy at most {@link #ACCURACY}, or at most the roundoff floor condition x {@link #ROUNDING} where
 * that is larger ({@link #converged}: Newton converged to it; at a simple zero it converges quadratically to that
 * floor, at a multiple one only linearly and stalls far above it);</li>
 * <li>condition number of the Jacobian below {@link #CONDITION} (1e12 leaves 4 digits at unit roundoff; HC.jl
 * uses 1e12 for the same purpose on the endpoint's condition number, Bertini's post-processing 1e8).</li>
 * </ul>
 * The condition number is whichever the caller has at hand: the homotopy Jacobian's on the projective patch in
 * the endgame, the scale-aware affine one of the original system after refinement.
 */
public final class Singularity {

    /** A condition number at or beyond this makes an endpoint singular. */
    public static final double CONDITION = 1e12;
    /** A relative accuracy (last Newton correction, or Cauchy estimate difference) above this makes it singular. */
    public static final double ACCURACY = 1e-8;
    /**
     * Unit roundoff: a simple zero of condition number k is computed to about k times this, relative, and no better
     * (discret3s: regular zeros at |x| = 1e5 with k = 3e10, where Newton's last corrections stall at 1e-7 .. 1e-6).
     */
    public static final double ROUNDING = 2.2e-16;
    /**
     * The roundoff floor is granted up to this relative accuracy, no further: near a positive-dimensional component
     * the condition number of a point that is no zero can be 1e11 .. 1e12 (cohn2: a "solution" with residual 0.67
     * at condition 8e11 passed a floor of 2e-4). discret3s' large zeros stall at 1e-8 .. 8e-8.
     */
    public static final double MAX_FLOOR = 1e-6;

    private Singularity() {
    }

    /** Whether an endpoint with this winding number, relative accuracy and condition number is singular. */
    public static boolean isSingular(int winding, double accuracy, double condition) {
        return !(winding == 1 && converged(accuracy, condition) && condition < CONDITION);
    }

    /**
     * Whether a point known to this relative accuracy (Newton's last correction) at this condition number is as good
     * as double precision gets: at most {@link #ACCURACY}, or at most condition x {@link #ROUNDING} (but never beyond
     * {@link #MAX_FLOOR}). The floor stays
     * below a multiple zero's reach: Newton near a double zero at distance d has corrections of about d and a
     * condition number of about 1 / d, so it passes only once d is below sqrt(ROUNDING), as {@link #ACCURACY} alone
     * already lets it.
     */
    public static boolean converged(double accuracy, double condition) {
        return accuracy <= Math.max(ACCURACY, Math.min(condition * ROUNDING, MAX_FLOOR));
    }
}
