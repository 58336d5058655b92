package org.lps.homotopy.rootcount;

import org.lps.homotopy.poly.InvalidSystemException;
import org.lps.homotopy.poly.SystemChecks;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.lps.homotopy.poly.Polynomial;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.poly.PolynomialSystem.VariableGroup;
import org.lps.homotopy.polyhedral.cells.MixedVolume;
import org.lps.homotopy.polyhedral.cells.WorkLimitExceededException;

/**
 * The root counts of a square system, each an upper bound on its number of isolated solutions:
 * <ul>
 *   <li>{@link #totalDegree()}: the product of the degrees (Bezout);</li>
 *   <li>{@link #multiHomogeneousBezout()}: the Bezout number of the best variable partition found
 *       ({@link #partition()});</li>
 *   <li>{@link #linearProductBound()}: the generalized linear-product bound of the best set structure found
 *       ({@link #setStructure()}), never above the multi-homogeneous one;</li>
 *   <li>{@link #mixedVolume()}: the BKK bound for solutions with no zero coordinate, and
 *       {@link #stableMixedVolume()}: the Huber-Sturmfels bound for all isolated solutions in C^n (see
 *       {@link MixedVolume}); computed on first request, since the mixed-cell search can take seconds on large
 *       systems, within {@link MixedVolume#DEFAULT_WORK_LIMIT} linear programs (null beyond).</li>
 * </ul>
 *
 * <p>A system with projective variable groups (Bertini's {@code hom_variable_group}) is counted on its
 * affine chart: one generic linear equation per projective group ("patch") is appended, which keeps exactly
 * the isolated solutions and makes the system affine. The partition and set structure then refer to that
 * chart: the set structure has one more equation per projective group, listed last, and {@link #patches()}
 * says how many.
 */
public final class RootCounts {

    private final int equations;
    private final int variables;
    private final int patches;
    private final BigInteger totalDegree;
    private final MultiHomogeneous.Bound mhom;
    private final SetStructureSearch.Result linearProduct;
    private final PolynomialSystem chart;
    private MixedVolume mixedVolumes;
    private boolean mixedVolumesTried;

    private RootCounts(PolynomialSystem system, PolynomialSystem chart, int patches, BigInteger totalDegree,
                       MultiHomogeneous.Bound mhom, SetStructureSearch.Result linearProduct) {
        this.chart = chart;
        this.equations = system.equationCount();
        this.variables = system.variableCount();
        this.patches = patches;
        this.totalDegree = totalDegree;
        this.mhom = mhom;
        this.linearProduct = linearProduct;
    }

    /** All root counts of {@code system}; deterministic. */
    public static RootCounts of(PolynomialSystem system) {
        return of(system, WorkMeter.NONE);
    }

    /**
     * As {@link #of(PolynomialSystem)}, the set-structure search reporting to {@code meter}; throws
     * {@link WorkMeter.Stopped} if the meter is stopped meanwhile.
     */
    public static RootCounts of(PolynomialSystem system, WorkMeter meter) {
        requireSquare(system);
        PolynomialSystem chart = affineChart(system);
        Supports s = Supports.of(chart);
        BigInteger td = BigInteger.ONE;
        for (int d : chart.degrees()) {
            td = td.multiply(BigInteger.valueOf(d));
        }
        List<MultiHomogeneous.Bound> ranked =
                MultiHomogeneous.ranked(s, declaredPartition(chart, system), SetStructureSearch.PARTITIONS);
        SetStructureSearch.Result lp = SetStructureSearch.find(s, ranked, meter);
        return new RootCounts(system, chart, chart.equationCount() - system.equationCount(), td, ranked.get(0), lp);
    }

    public int equationCount() {
        return equations;
    }

    public int variableCount() {
        return variables;
    }

    /** The number of patch equations appended for projective groups (0 for an affine system). */
    public int patches() {
        return patches;
    }

    public BigInteger totalDegree() {
        return totalDegree;
    }

    public BigInteger multiHomogeneousBezout() {
        return mhom.bezout();
    }

    /** The partition whose Bezout number is {@link #multiHomogeneousBezout()}. */
    public Partition partition() {
        return mhom.partition();
    }

    public BigInteger linearProductBound() {
        return linearProduct.bound();
    }

    /** The set structure whose count is {@link #linearProductBound()}. */
    public SetStructure setStructure() {
        return linearProduct.structure();
    }

    /**
     * The BKK bound MV(A_1, ..., A_n): the number of solutions with no zero coordinate for generic coefficients
     * on these supports, a bound for any. Null if the mixed-cell search needs more than
     * {@link MixedVolume#DEFAULT_WORK_LIMIT} linear programs ({@link #mixedVolumeOverLimit()}).
     */
    public BigInteger mixedVolume() {
        MixedVolume mv = mixedVolumes();
        return mv == null ? null : mv.mixedVolume();
    }

    /**
     * The stable mixed volume (Huber-Sturmfels): a bound for all isolated solutions in C^n, zero coordinates
     * included; equal to {@link #mixedVolume()} when every equation has a constant term. Null like it.
     */
    public BigInteger stableMixedVolume() {
        MixedVolume mv = mixedVolumes();
        return mv == null ? null : mv.stableMixedVolume();
    }

    /**
     * The mixed volumes with their mixed cells (lifting from {@link MixedVolume#DEFAULT_SEED}, all cores),
     * computed on the first call and kept; null if over the work limit.
     */
    public synchronized MixedVolume mixedVolumes() {
        return mixedVolumes(MixedVolume.DEFAULT_WORK_LIMIT);
    }

    /**
     * As {@link #mixedVolumes()} with a work limit of {@code workLimit} linear programs (0: not computed), when this
     * is the first call; later calls return what the first one computed.
     */
    public synchronized MixedVolume mixedVolumes(long workLimit) {
        return mixedVolumes(workLimit, WorkMeter.NONE);
    }

    /**
     * As {@link #mixedVolumes(long)}, the mixed-cell search reporting its linear programs to {@code meter}; throws
     * {@link WorkMeter.Stopped} if the meter is stopped meanwhile (and a later call tries again).
     */
    public synchronized MixedVolume mixedVolumes(long workLimit, WorkMeter meter) {
        if (!mixedVolumesTried) {
            mixedVolumesTried = true;
            try {
                mixedVolumes = workLimit <= 0 ? null : MixedVolume.of(chart, MixedVolume.DEFAULT_SEED,
                        Runtime.getRuntime().availableProcessors(), workLimit, meter);
            } catch (WorkLimitExceededException e) {
                mixedVolumes = null;
            } catch (WorkMeter.Stopped e) {
                mixedVolumesTried = false;
                throw e;
            }
        }
        return mixedVolumes;
    }

    /** Whether the mixed volumes were given up on: more than {@link MixedVolume#DEFAULT_WORK_LIMIT} LPs. */
    public boolean mixedVolumeOverLimit() {
        return mixedVolumes() == null;
    }

    /**
     * The smallest of the total degree, multi-homogeneous and linear-product bounds (not the mixed volumes,
     * which are computed on request only).
     */
    public BigInteger best() {
        return totalDegree.min(mhom.bezout()).min(linearProduct.bound());
    }

    // ------------------------------------------------------------------ shared checks

    static void requireSquare(PolynomialSystem system) {
        SystemChecks.requireSquare(system, "counting roots");
    }

    /**
     * The system itself when it is affine; else the system plus, per projective group, the patch
     * 1 + sum of the group's variables (only its support matters to root counts).
     */
    static PolynomialSystem affineChart(PolynomialSystem system) {
        if (system.homogeneousGroupCount() == 0) {
            return system.groupsDeclared() ? new PolynomialSystem(system.variables(), system.equations()) : system;
        }
        List<Polynomial> eqs = new ArrayList<>(system.equations());
        for (VariableGroup g : system.groups()) {
            if (!g.homogeneous()) {
                continue;
            }
            requireHomogeneous(system, g);
            List<Polynomial> terms = new ArrayList<>();
            terms.add(Polynomial.constant(1));
            for (int v : g.variables()) {
                terms.add(Polynomial.variable(v));
            }
            eqs.add(Polynomial.sum(terms));
        }
        return new PolynomialSystem(system.variables(), eqs);
    }

    private static void requireHomogeneous(PolynomialSystem system, VariableGroup g) {
        for (int i = 0; i < system.equationCount(); i++) {
            Polynomial p = system.equation(i);
            int d = -1;
            for (int t = 0; t < p.termCount(); t++) {
                int e = 0;
                for (int v : g.variables()) {
                    e += p.exponent(t, v);
                }
                if (d >= 0 && e != d) {
                    throw new InvalidSystemException("equation " + (i + 1) + " is not homogeneous in the projective"
                            + " group " + names(system, g));
                }
                d = e;
            }
        }
    }

    private static String names(PolynomialSystem system, VariableGroup g) {
        return g.variables().stream().map(system.variables()::get).toList().toString();
    }

    /** The declared variable groups as a partition seed for the search (empty when none were declared). */
    static List<Partition> declaredPartition(PolynomialSystem chart, PolynomialSystem system) {
        if (!system.groupsDeclared()) {
            return List.of();
        }
        List<List<Integer>> groups = new ArrayList<>();
        for (VariableGroup g : system.groups()) {
            groups.add(g.variables());
        }
        return List.of(Partition.of(chart.variableCount(), groups));
    }
}
