package org.lps.nets.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lps.nets.init.He;
import org.lps.nets.layer.Activations;
import org.lps.nets.tensor.Shape;

/**
 * Forward passes of deep narrow ReLU networks with He weights on a grid of 1-D inputs reproduce the
 * born-dead probabilities of docs/init-schemes.md (Lu et al.'s setting, 4000-trial Monte Carlo there):
 * width 3 depth 10 about 0.63, width 5 depth 10 about 0.16. A network is born dead when its output is
 * constant on the 401 grid points of [-1, 1].
 */
class BornDeadTest {

    @ParameterizedTest
    @CsvSource({"3, 10, 0.63", "5, 10, 0.16", "2, 10, 0.91"})
    void heBornDeadProbability(int width, int depth, double reference) {
        ModelBuilder b = Model.builder(Shape.of(1));
        for (int i = 0; i < depth; i++) {
            b.dense(width).activation(Activations.relu());
        }
        Model m = b.dense(1).build();
        ModelRunner r = m.runner(401);
        float[] grid = new float[401];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = -1 + i / 200f;
        }
        int trials = 2000;
        int dead = 0;
        for (int t = 0; t < trials; t++) {
            new He().initialize(m, 1000L * width + t);
            float[] y = r.forward(grid, grid.length);
            boolean constant = true;
            for (int i = 1; i < grid.length && constant; i++) {
                constant = y[i] == y[0];
            }
            dead += constant ? 1 : 0;
        }
        double p = (double) dead / trials;
        // Monte Carlo standard error here about 0.011 and 0.008 in the reference: 0.05 is over 3.5 sigma.
        assertEquals(reference, p, 0.05, "born-dead fraction of width " + width + ", depth " + depth);
    }
}
