package org.lps.homotopy.track;

/**
 * A path homotopy reparametrized by u = -ln s: H~(z, u) = H(z, e^-u), dH~/du = -s dH/ds. Near s = 0 a path has a
 * Puiseux expansion z(s) = a + b s^(1/c) + ..., whose derivatives in s grow like s^(-k) while those in u stay of the
 * size of b s^(1/c): a predictor step of a fixed size in u covers a fixed factor of s, and the steps grow as the
 * path converges. Tracking in s towards 0 covers at best a fixed fraction of s per step (about a decade per 8 to 15
 * steps on cassou's paths); in u, decades per step. For following paths far below s = 1e-14
 * ({@link org.lps.homotopy.endgame.Descent}).
 */
public final class LogParameter implements PathHomotopy {

    private final PathHomotopy inner;

    public LogParameter(PathHomotopy inner) {
        this.inner = inner;
    }

    @Override
    public int size() {
        return inner.size();
    }

    @Override
    public Coordinates coordinates() {
        return inner.coordinates();
    }

    @Override
    public Evaluation evaluation() {
        Evaluation e = inner.evaluation();
        int size = inner.size();
        return new Evaluation() {
            @Override
            public void evaluate(double[] z, double uRe, double uIm, double[] h, double[] jac, double[] hs) {
                // s = e^-u
                double m = Math.exp(-uRe);
                double sRe = m * Math.cos(uIm), sIm = -m * Math.sin(uIm);
                e.evaluate(z, sRe, sIm, h, jac, hs);
                for (int i = 0; i < size; i++) {
                    double re = hs[2 * i], im = hs[2 * i + 1];
                    hs[2 * i] = -(sRe * re - sIm * im);
                    hs[2 * i + 1] = -(sRe * im + sIm * re);
                }
            }

            @Override
            public void resetPatch() {
                e.resetPatch();
            }

            @Override
            public void orthogonalPatch(double[] z) {
                e.orthogonalPatch(z);
            }
        };
    }
}
