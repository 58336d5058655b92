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
     * The total-degree or linear-product start system for a square system; its random constants come from
     * {@code random}. {@code AUTO} here computes the root counts (total degree; the linear-product bound of the
     * best set structure the root-count search finds, which is never above the best multi-homogeneous Bezout
     * number) and takes the linear-product start system when it has at most {@link #LINEAR_PRODUCT_ADVANTAGE}
     * times the paths of the total-degree one, else total degree. The polyhedral start system lives above the
     * tracker (its start solutions are tracked): {@code org.lps.homotopy.polyhedral.PolyhedralStart}; the
     * solver's {@code AUTO} also weighs it.
     */
    public static StartSystem create(PolynomialSystem system, StartKind kind, SplittableRandom random) {
        return switch (kind) {
            case POLYHEDRAL -> throw new IllegalArgumentException("the polyhedral start system needs a path tracker"
                    + " for its toric phase: build it with org.lps.homotopy.polyhedral.PolyhedralStart.create"
                    + " (Solver does when asked for StartKind.POLYHEDRAL)");
            case TOTAL_DEGREE -> totalDegree(system, random);
            case LINEAR_PRODUCT -> linearProduct(system, RootCounts.of(system), random);
            case AUTO -> {
                if (!countsWorthComputing(totalDegree(system))) {
                    yield totalDegree(system, random);
                }
                RootCounts counts = RootCounts.of(system);
                yield prefersLinearProduct(counts) ? linearProduct(system, counts, random) : totalDegree(system, random);
            }
        };
    }

    /**
     * Up to this many total-degree paths, {@link StartKind#AUTO} takes the total-degree start system without
     * computing root counts: they could save at most this many paths, which a warm JVM tracks in 5-30 ms, about
     * what the counts cost there (0.2-14 ms on PHCpack's demo systems of total degree up to 32, measured after
     * JIT warm-up), while in a fresh process the counts run interpreted and cost more than all the paths
     * (chandra-4, lumped, chandra-5: 0.06-0.15 s less CPU per {@code lps solve} from total degree).
     * The solutions are the same; only the number of paths to infinity changes.
     */
    public static final long COUNTS_MIN_PATHS = 32;

    /** Whether {@link StartKind#AUTO} computes root counts for a system of this total degree. */
    public static boolean countsWorthComputing(double totalDegree) {
        return totalDegree > COUNTS_MIN_PATHS;
    }

    /** The product of the equations' degrees (Bezout's bound), as a double: no overflow, exact to 2^53. */
    public static double totalDegree(PolynomialSystem system) {
        double d = 1;
        for (int k : system.degrees()) {
            d *= k;
        }
        return d;
    }

    /**
     * A polyhedral path (toric phase 1, then a phase 2 that evaluates a start system as large as the target)
     * was measured to cost about twice a total-degree path: 2.1-2.3 times on noon-5 and reimer-5, whose
     * counts are (nearly) equal.
     */
    public static final double POLYHEDRAL_PATH_COST = 2.0;

    /** The choice of {@link StartKind#AUTO} between total degree and linear product, given the root counts. */
    public static boolean prefersLinearProduct(RootCounts counts) {
        return cheapest(counts, null) == StartKind.LINEAR_PRODUCT;
    }

    /**
     * The start system with the least estimated tracking work: paths times their relative cost (total degree 1,
     * linear product 1 / {@link #LINEAR_PRODUCT_ADVANTAGE}, polyhedral {@link #POLYHEDRAL_PATH_COST}), ties to
     * the simpler one. {@code polyhedralPaths} is null when the mixed volume is not known (over budget).
     */
    public static StartKind cheapest(RootCounts counts, BigInteger polyhedralPaths) {
        double td = counts.totalDegree().doubleValue();
        double lp = counts.linearProductBound().doubleValue() / LINEAR_PRODUCT_ADVANTAGE;
        double poly = polyhedralPaths == null ? Double.POSITIVE_INFINITY
                : polyhedralPaths.doubleValue() * POLYHEDRAL_PATH_COST;
        if (poly < td && poly < lp) {
            return StartKind.POLYHEDRAL;
        }
        return lp <= td ? StartKind.LINEAR_PRODUCT : StartKind.TOTAL_DEGREE;
    }

    /**
     * Linear programs {@link StartKind#AUTO} may spend on mixed cells per path of the cheapest other start system,
     * counted in total-degree path equivalents ({@link #otherPathEquivalents}): the paths the polyhedral start could
     * save at most. Measured on PHCpack's demo systems in a warm JVM, one thread: an LP of the search costs 2-12
     * microseconds, a path 0.3-1.4 ms, so the search costs at most about a fifth of the tracking it could save, and
     * usually much less, since a search over budget stops early (the lower edges and the relation table are counted
     * before they are solved). The systems where polyhedral pays need fewer: cassou 4122 LPs for 468 path
     * equivalents (8.8 per path), butcher 5951 for 908 (6.6), butcher8 7571 for 908 (8.3), cyclic-6 5419 for 720
     * (7.5), i1 4176 for 588 (7.1), cohn2 8136 for 537 (15.2); katsura-9, whose mixed volume (504) saves nothing
     * against its 512 total-degree paths, would need 1.9 million, and is given up after its lower edges.
     */
    public static final long MIXED_CELL_LPS_PER_PATH = 20;

    /**
     * The tracking work of the cheaper of total degree and linear product, in total-degree path equivalents:
     * what {@link #cheapest} weighs the polyhedral start against, so an upper bound on the paths it could save.
     */
    public static double otherPathEquivalents(RootCounts counts) {
        double td = counts.totalDegree().doubleValue();
        double lp = counts.linearProductBound().doubleValue() / LINEAR_PRODUCT_ADVANTAGE;
        return Math.min(td, lp);
    }

    /**
     * How many linear programs {@link StartKind#AUTO} may spend on mixed cells: {@link #MIXED_CELL_LPS_PER_PATH}
     * per path the polyhedral start could save ({@link #otherPathEquivalents}), whatever the system's size, so
     * a system of a few hundred paths whose mixed volume is far below its other counts (cassou: 24 against 312
     * linear-product paths) gets the polyhedral start when its cells are cheap to find, and one whose cells are
     * expensive (katsura-9) loses little. The choice of start system depends on counts only, never on timing: the
     * same on any machine and thread count.
     */
    public static long mixedCellBudget(RootCounts counts) {
        return (long) Math.min(MIXED_CELL_LPS_PER_PATH * otherPathEquivalents(counts), 1e12);
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
     * docs/design.md's variable groups), coefficients from {@code random}; its paths are that structure's admissible
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
            throw new TooManyPathsException(name, count, MAX_PATHS);
        }
    }
}
