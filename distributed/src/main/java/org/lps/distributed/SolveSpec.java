package org.lps.distributed;

import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.rootcount.SetStructure;
import org.lps.homotopy.solve.SolveOptions;
import org.lps.homotopy.start.StartKind;
import org.lps.homotopy.track.TrackerOptions;

/**
 * Everything an executor needs to rebuild the driver's solve: the system's text and the options that decide the
 * start system and the homotopy (seed, start kind, set structure, tracker preset, threads). {@link SolveOptions} is not
 * serializable (it may hold a progress callback), so its settings travel here one by one and {@link #options()} puts
 * them back together.
 */
final class SolveSpec implements Serializable {

    private static final long serialVersionUID = 1L;

    private final SystemText system;
    private final long seed;
    private final int threads;
    private final StartKind start;
    /** The tracker preset's record components, in declaration order (every one a String or a boxed number). */
    private final Object[] preset;
    /** The caller's set structure, or null: variable count and factors[equation][factor] = variable indices. */
    private final int structureVariables;
    private final int[][][] structure;
    private final String key;

    private SolveSpec(SystemText system, SolveOptions options) {
        this.system = system;
        this.seed = options.seed();
        this.threads = options.threads();
        this.start = options.start();
        this.preset = components(options.preset());
        SetStructure s = options.setStructure();
        this.structureVariables = s == null ? 0 : s.variableCount();
        this.structure = s == null ? null : factors(s);
        this.key = system.key() + "|" + seed + "|" + threads + "|" + start + "|" + Arrays.deepToString(preset) + "|"
                + (structure == null ? "-" : structureVariables + Arrays.deepToString(structure));
    }

    static SolveSpec of(PolynomialSystem system, SolveOptions options) {
        return new SolveSpec(SystemText.of(system), options);
    }

    PolynomialSystem system() {
        return system.system();
    }

    SolveOptions options() {
        SolveOptions o = SolveOptions.defaults().seed(seed).threads(threads).preset(preset()).start(start);
        return structure == null ? o : o.setStructure(SetStructure.of(structureVariables, structure));
    }

    TrackerOptions preset() {
        return fromComponents(preset);
    }

    /** Equal for equal solves: what the per-executor plan cache is keyed by. */
    String key() {
        return key;
    }

    private static int[][][] factors(SetStructure s) {
        int[][][] f = new int[s.equationCount()][][];
        for (int i = 0; i < f.length; i++) {
            f[i] = s.factors(i);
        }
        return f;
    }

    private static Object[] components(TrackerOptions t) {
        RecordComponent[] rc = TrackerOptions.class.getRecordComponents();
        Object[] values = new Object[rc.length];
        try {
            for (int k = 0; k < rc.length; k++) {
                values[k] = rc[k].getAccessor().invoke(t);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the tracker preset " + t.name(), e);
        }
        return values;
    }

    private static TrackerOptions fromComponents(Object[] values) {
        RecordComponent[] rc = TrackerOptions.class.getRecordComponents();
        Class<?>[] types = Arrays.stream(rc).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            Constructor<TrackerOptions> c = TrackerOptions.class.getDeclaredConstructor(types);
            return c.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot rebuild the tracker preset " + values[0], e);
        }
    }
}
