package org.lps.homotopy.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lps.homotopy.endgame.EndgameOptions;
import org.lps.homotopy.family.StandardSystems;
import org.lps.homotopy.track.TrackerOptions;

/** The stages' options records reach the stages through {@link SolveOptions}, and refuse nonsense. */
class StageOptionsTest {

    @Test
    void theRetryLadderIsTheOneTheOptionsCarry() {
        // chandra-4, seed 3, fast preset: 2 paths fail or jump on the first pass and are saved by the retries
        SolveOptions fast = SolveOptions.defaults().seed(3).threads(2).preset(TrackerOptions.FAST);
        SolveResult retried = Solver.solve(StandardSystems.chandra(4), fast);
        assertEquals(2, retried.retracked());
        assertEquals(8, retried.nonsingular());
        assertEquals(0, retried.failed());
        SolveResult none = Solver.solve(StandardSystems.chandra(4),
                fast.retries(new RetryLadder(List.of(), TrackerOptions.CONSERVATIVE, 0)));
        assertEquals(0, none.retracked());
        assertTrue(none.failed() > 0 || none.nonsingular() < 8, "without retries the 2 paths stay lost");
    }

    @Test
    void theClassificationTolerancesAreTheOnesTheOptionsCarry() {
        SolveOptions options = SolveOptions.defaults().seed(1).threads(2);
        SolveResult strict = Solver.solve(StandardSystems.katsura(5), options);
        assertTrue(strict.real() < strict.nonsingular(), "katsura-5 has complex solutions");
        ClassificationOptions d = ClassificationOptions.DEFAULT;
        ClassificationOptions everythingReal = new ClassificationOptions(d.samePerCondition(), d.sameMin(),
                d.sameMax(), d.singularSamePerAccuracy(), d.singularSameMin(), d.singularSameMax(),
                d.unknownAccuracy(), 10, d.singularRealPerAccuracy(), d.singularRealMin(), d.singularRealMax());
        SolveResult loose = Solver.solve(StandardSystems.katsura(5), options.classification(everythingReal));
        assertEquals(strict.nonsingular(), loose.real());
    }

    @Test
    void nonsenseIsRefused() {
        EndgameOptions e = EndgameOptions.DEFAULT;
        assertThrows(IllegalArgumentException.class, () -> new EndgameOptions(1.5, e.valAtInfinity(),
                e.maxInfinityS(), e.valAccuracy(), e.minCondGrowth(), e.infinityCond(), e.valSettled(), e.settledS(),
                e.suspectCond(), e.switchCondGrowth(), e.maxCauchyS(), e.minRadialS(), e.finiteLook(),
                e.minRadialSUndecided(), e.hugeRatio(), e.crawlSteps(), e.crawlError(), e.jumpCondGrowth(),
                e.geometricFraction(), e.samplesPerTurn(), e.maxWinding(), e.cauchySteps(), e.radiusRatio(),
                e.minRadius(), e.loopClosure(), e.loopClosureFloor(), e.estimateResidual(),
                e.estimateResidualFloor(), e.cauchyAcceptable(), e.cauchyTolerance(), e.unresolvedDrop(),
                e.loopDrop(), e.finalTolerance(), e.lastResortAccuracy(), e.straightFraction(), e.straightSteps(), e.descentSteps(),
                e.descentMinStep(), e.descentS()));
        assertThrows(IllegalArgumentException.class, () -> new RetryLadder(List.of(), TrackerOptions.DEFAULT, -1));
        assertThrows(IllegalArgumentException.class,
                () -> new ClassificationOptions(1e-14, 1e-8, 1e-12, 100, 1e-8, 1e-5, 1e-6, 1e-8, 100, 1e-8, 1e-4));
        assertThrows(IllegalArgumentException.class,
                () -> new EndpointOptions(1e-4, 1e-5, 1e3, 1e8, 1e-6, 1e-6, 1e-8, 1e-10, 100, 1e-4, 1e-3));
    }
}
