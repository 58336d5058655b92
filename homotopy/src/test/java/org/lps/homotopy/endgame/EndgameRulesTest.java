package org.lps.homotopy.endgame;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The Cauchy loops' at-infinity rule, on the figures of paths seen on the LPS k = 2, d = 3 block. */
class EndgameRulesTest {

    @Test
    void loopsWhoseX0ShrinksAndAveragesAwayAreAtInfinity() {
        // LPS k = 2, d = 3 path 4704: x_0 on the loops 2.99e-3 then 2.11e-3 (v = 0.25), the estimate 3.75e-5
        assertTrue(Endgame.loopsDiverge(EndgameOptions.DEFAULT, 2.991e-3, 2.114e-3, 3.748e-5));
        // path 6363 (winding 6): v = 0.17, estimate at 0.057 of the loops' mean
        assertTrue(Endgame.loopsDiverge(EndgameOptions.DEFAULT, 4.069e-3, 3.227e-3, 1.823e-4));
    }

    @Test
    void loopsAroundAFiniteEndpointAreNot() {
        // a finite x_0: the loops' mean settles on it (v ~ 0) and the estimate keeps it
        assertFalse(Endgame.loopsDiverge(EndgameOptions.DEFAULT, 3.263e-4, 3.250e-4, 3.271e-4));
        assertFalse(Endgame.loopsDiverge(EndgameOptions.DEFAULT, 1.0, 1.0, 1.0));
        // x_0 still varying on the loops but the estimate near their mean: a finite endpoint, loops still large
        assertFalse(Endgame.loopsDiverge(EndgameOptions.DEFAULT, 2e-3, 1.4e-3, 1e-3));
        // the mean shrinks but hardly (v = 0.02)
        assertFalse(Endgame.loopsDiverge(EndgameOptions.DEFAULT, 1.03e-3, 1e-3, 1e-5));
    }

    @Test
    void unknownLoopMeansDecideNothing() {
        assertFalse(Endgame.loopsDiverge(EndgameOptions.DEFAULT, Double.NaN, 1e-3, 1e-6));
        assertFalse(Endgame.loopsDiverge(EndgameOptions.DEFAULT, 1e-3, 0, 0));
    }

    @Test
    void aPathLeftUndecidedIsAtInfinityOnlyIfX0ShrankAndIsUnresolved() {
        // LPS k = 2, d = 3 path 8295: x_0 / |z| 7e-4 at s = 1.8e-14 (peak 0.1), condition 3.6e15
        assertTrue(Endgame.unresolvedDivergence(EndgameOptions.DEFAULT, 7e-4, 0.105, 3.6e15));
        // path 48607: x_0 / |z| 3e-4, condition 8.6e13
        assertTrue(Endgame.unresolvedDivergence(EndgameOptions.DEFAULT, 3e-4, 0.1, 8.6e13));
        // the same point well conditioned: resolved, the failure stands
        assertFalse(Endgame.unresolvedDivergence(EndgameOptions.DEFAULT, 7e-4, 0.105, 1e8));
        // a finite endpoint (x_0 about its peak) stays a failure however ill-conditioned
        assertFalse(Endgame.unresolvedDivergence(EndgameOptions.DEFAULT, 0.5, 0.9, 1e20));
    }

    @Test
    void aDivergingPathThatCrawlsWithX0UnresolvedHasStalled() {
        EndgameOptions o = EndgameOptions.DEFAULT;
        // LPS k = 2, d = 2, parameter homotopy to the block, seed 2, path 108: 300 steps from s = 0.1 to 0.072,
        // x_0 / |z| 1.0e-3 (3.2e-3 at s = 0.1: mean valuation 3.5), condition 1.1e14
        assertTrue(Endgame.stalledDivergence(o, 300, 3.5, 1.0e-3, 1.1e14));
        // not yet crawling
        assertFalse(Endgame.stalledDivergence(o, 299, 3.5, 1.0e-3, 1.1e14));
        // x_0 resolved (condition 1e9: x_0 = 1e-3 known to 4 digits): it is followed on
        assertFalse(Endgame.stalledDivergence(o, 300, 3.5, 1.0e-3, 1e9));
        // x_0 not falling (a finite path crawling past a near collision)
        assertFalse(Endgame.stalledDivergence(o, 1000, 0.01, 1.0e-3, 1e20));
        assertFalse(Endgame.stalledDivergence(o, 1000, -2, 1.0e-3, 1e20));
    }
}
