package org.lps.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lps.homotopy.param.ParameterizedSystem;
import org.lps.homotopy.parse.Format;
import org.lps.homotopy.parse.SystemParser;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.result.JsonOutput;
import org.lps.homotopy.solve.ParameterSolver;
import org.lps.homotopy.solve.SolveOptions;

/**
 * A parameter sweep on Spark gives, target by target and in target order, what the in-process sweep gives: a family
 * with 4 solutions at every generic point (two conics, Bezout 4), 60 random complex targets in batches (Spark jobs) of
 * 25, tasks of up to 7 targets.
 */
class SparkSweepTest {

    static final PolynomialSystem FAMILY = SystemParser.parse("2 4\n x^2 + a*y - 1;\n y^2 + b*x - 2;\n", "family",
            Format.PHC);
    static final List<String> PARAMETERS = List.of("a", "b");
    static final SolveOptions OPTIONS = SolveOptions.defaults().seed(4).threads(2);

    static ParameterSolver.Generic generic;
    static List<double[]> targets = new ArrayList<>();
    static List<String> expected = new ArrayList<>();

    @BeforeAll
    static void inProcess() {
        SplittableRandom random = new SplittableRandom(17);
        for (int k = 0; k < 60; k++) {
            targets.add(ParameterSolver.randomParameters(2, random));
        }
        try (ParameterSolver ps = new ParameterSolver(ParameterizedSystem.of(FAMILY, PARAMETERS), OPTIONS)) {
            generic = ps.solveGeneric();
            assertEquals(4, generic.solutions().size());
            for (double[] t : targets) {
                var r = ps.track(generic.parameters(), generic.solutions(), t);
                assertEquals(4, r.nonsingular());
                expected.add(SameResult.comparable(JsonOutput.toJson(r, true), true));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local[1]", "local[2,2]"})
    void sameResultsInTargetOrder(String master) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        List<String> actual = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        // on local[2,2] the first attempt of two tasks fails and is retried
        FaultInjection faults = master.equals("local[2,2]") ? FaultInjection.failFirstAttemptOf(1, 4)
                : FaultInjection.NONE;
        try (JavaSparkContext sc = SparkContexts.open(master, "test")) {
            SparkSweep.sweep(sc, FAMILY, PARAMETERS, OPTIONS, generic.parameters(), generic.solutions(), targets, true,
                    (json, k) -> {
                        order.add(k);
                        try {
                            actual.add(SameResult.comparable((ObjectNode) mapper.readTree(json), true));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }, 7, 25, faults);
        }
        assertEquals(java.util.stream.IntStream.range(0, targets.size()).boxed().toList(), order);
        assertEquals(expected, actual);
    }
}
