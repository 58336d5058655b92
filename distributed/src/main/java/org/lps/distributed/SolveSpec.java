package org.lps.distributed;

import java.io.Serializable;
import java.util.Arrays;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.rootcount.SetStructure;
import org.lps.homotopy.endgame.EndgameOptions;
import org.lps.homotopy.solve.ClassificationOptions;
import org.lps.homotopy.solve.EndpointOptions;
import org.lps.homotopy.solve.RetryLadder;
import org.lps.homotopy.solve.SolveOptions;
import org.lps.homotopy.start.StartKind;
import org.lps.homotopy.track.TrackerOptions;

/**
 * Everything an executor needs to rebuild the driver's solve: the system's text and the options that decide the
 * start system and the homotopy (seed, start kind, set structure, tracker preset, threads) and the stages' options
 * records (endgame, endpoint checks, classification, retries). {@link SolveOptions} is not
 * serializable (it may hold a progress callback), so its settings travel here one by one and {@link #options()} puts
 * them back together.
 */
final class SolveSpec implements Serializable {

    private static final long serialVersionUID = 1L;

    private final SystemText system;
    private final long seed;
    private final int threads;
    private final StartKind start;
    private final RecordWire preset;
    /** The stages' options records: endgame, endpoint checks, classification, retry ladder. */
    private final RecordWire endgame, endpoint, classification, retries;
    /** The caller's set structure, or null: variable count and factors[equation][factor] = variable indices. */
    private final int structureVariables;
    private final int[][][] structure;
    private final String key;

    private SolveSpec(SystemText system, SolveOptions options) {
        this.system = system;
        this.seed = options.seed();
        this.threads = options.threads();
        this.start = options.start();
        this.preset = RecordWire.of(options.preset());
        this.endgame = RecordWire.of(options.endgame());
        this.endpoint = RecordWire.of(options.endpoint());
        this.classification = RecordWire.of(options.classification());
        this.retries = RecordWire.of(options.retries());
        SetStructure s = options.setStructure();
        this.structureVariables = s == null ? 0 : s.variableCount();
        this.structure = s == null ? null : factors(s);
        this.key = system.key() + "|" + seed + "|" + threads + "|" + start + "|" + preset + "|" + endgame + "|" + endpoint + "|" + classification + "|" + retries + "|"
                + (structure == null ? "-" : structureVariables + Arrays.deepToString(structure));
    }

    static SolveSpec of(PolynomialSystem system, SolveOptions options) {
        return new SolveSpec(SystemText.of(system), options);
    }

    PolynomialSystem system() {
        return system.system();
    }

    SolveOptions options() {
        SolveOptions o = SolveOptions.defaults().seed(seed).threads(threads).preset(preset()).start(start)
                .endgame((EndgameOptions) endgame.rebuild()).endpoint((EndpointOptions) endpoint.rebuild())
                .classification((ClassificationOptions) classification.rebuild())
                .retries((RetryLadder) retries.rebuild());
        return structure == null ? o : o.setStructure(SetStructure.of(structureVariables, structure));
    }

    TrackerOptions preset() {
        return (TrackerOptions) preset.rebuild();
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
}
