package org.lps.homotopy.start;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.rootcount.LinearProductBound;
import org.lps.homotopy.rootcount.RootCounts;
import org.lps.homotopy.rootcount.SetStructure;

/** Builds the start system the user asked for. */
public final class StartSystems {

    /** Start systems with more solutions than this are refused: every path's endpoint is kept in memory. */
    public static final long MAX_PATHS = 20_000_000L;

    /**
     * Paths from a linear-product start system are longer than total-degree ones (measured: 1.5-1.8 times the
     * steps on noon-5 and cyclic-6), so it must save more than that in paths to pay: noon-5 (233 of 243) and
     * cyclic-6 (504 of 720) stay with total degree, eco-8 (171 of 1458) and chandra-6 (32 of 64) switch.
     */
    public static final double LINEAR_PRODUCT_ADVANTAGE = 2.0 / 3.0;

    private StartSystems() {
    }

    /**
     * The start system of the given kind for a square system; its random constants come from {@code random}.
     * {@code AUTO} computes the root counts (total degree; the linear-product bound of the best set structure
     * the root-count search finds, which is never above the best multi-homogeneous Bezout number) and takes the
     * linear-product start system when it has at most {@link #LINEAR_PRODUCT_ADVANTAGE} times the paths of the
     * total-degree one, else total degree.
     */
    public static StartSystem create(PolynomialSystem system, StartKind kind, SplittableRandom random) {
        return switch (kind) {
            case POLYHEDRAL -> throw new IllegalArgumentException(
                    "the polyhedral start system is not available yet (issue #6); use --start auto, total-degree or lps");
            case TOTAL_DEGREE -> totalDegree(system, random);
            case LINEAR_PRODUCT -> linearProduct(system, RootCounts.of(system), random);
            case AUTO -> {
                RootCounts counts = RootCounts.of(system);
                yield prefersLinearProduct(counts) ? linearProduct(system, counts, random) : totalDegree(system, random);
            }
        };
    }

    /** The choice of {@link StartKind#AUTO}, given the root counts. */
    public static boolean prefersLinearProduct(RootCounts counts) {
        double ratio = counts.linearProductBound().doubleValue() / counts.totalDegree().doubleValue();
        return ratio <= LINEAR_PRODUCT_ADVANTAGE;
    }

    /** The total-degree start system with random phases from {@code random}. */
    public static StartSystem totalDegree(PolynomialSystem system, SplittableRandom random) {
        BigInteger count = BigInteger.ONE;
        for (int d : system.degrees()) {
            count = count.multiply(BigInteger.valueOf(Math.max(d, 1)));
        }
        requireWithinLimit("total-degree", count);
        return new TotalDegreeStart(system.degrees(), random);
    }

    /** The linear-product start system of the set structure in {@code counts}, coefficients from {@code random}. */
    public static StartSystem linearProduct(PolynomialSystem system, RootCounts counts, SplittableRandom random) {
        requireWithinLimit("linear-product", counts.linearProductBound());
        return build(system, counts.setStructure(), random);
    }

    /**
     * The linear-product start system of a set structure the caller knows for this system (LPS block systems:
     * DESIGN.md's variable groups), coefficients from {@code random}; its paths are that structure's admissible
     * choices, whatever the root-count search would have found.
     */
    public static StartSystem linearProduct(PolynomialSystem system, SetStructure structure, SplittableRandom random) {
        if (structure.equationCount() != system.equationCount() || structure.variableCount() != system.variableCount()) {
            throw new IllegalArgumentException("the set structure has " + structure.equationCount() + " equations in "
                    + structure.variableCount() + " unknowns, the system " + system.equationCount() + " in "
                    + system.variableCount());
        }
        int uncovered = structure.firstUncovered(system);
        if (uncovered >= 0) {
            throw new IllegalArgumentException("the set structure does not cover equation " + (uncovered + 1)
                    + ": a linear-product start system on it would miss solutions");
        }
        requireWithinLimit("linear-product", LinearProductBound.count(structure));
        return build(system, structure, random);
    }

    private static StartSystem build(PolynomialSystem system, SetStructure structure, SplittableRandom random) {
        int n = system.variableCount();
        int[][][] sets = new int[n][][];
        for (int i = 0; i < n; i++) {
            sets[i] = structure.factors(i);
        }
        List<int[]> choices = new ArrayList<>();
        LinearProductBound.forEachAdmissibleChoice(structure, choices::add);
        return new LinearProductStart(n, sets, choices, random);
    }

    private static void requireWithinLimit(String name, BigInteger count) {
        if (count.compareTo(BigInteger.valueOf(MAX_PATHS)) > 0) {
            throw new IllegalArgumentException("the " + name + " start system has " + count
                    + " paths; the solver tracks at most " + MAX_PATHS);
        }
    }
}
