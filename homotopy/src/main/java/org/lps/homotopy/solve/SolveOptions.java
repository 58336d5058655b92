package org.lps.homotopy.solve;

import java.util.Objects;
import org.lps.homotopy.endgame.EndgameOptions;
import org.lps.homotopy.rootcount.SetStructure;
import org.lps.homotopy.start.StartKind;
import org.lps.homotopy.track.TrackerOptions;

/**
 * Settings of a solve; immutable, each {@code withX}-style method returns a modified copy:
 * <pre>{@code SolveOptions.defaults().seed(7).threads(2).preset(TrackerOptions.FAST)}</pre>
 */
public final class SolveOptions {

    /** The seed used when none is given: results are reproducible by default. */
    public static final long DEFAULT_SEED = 42;

    private final long seed;
    private final int threads;
    private final TrackerOptions preset;
    private final StartKind start;
    private final Progress progress;
    /** A caller's set structure for the linear-product start system, or null to let the root counts find one. */
    private final SetStructure structure;
    private final EndgameOptions endgame;
    private final EndpointOptions endpoint;
    private final ClassificationOptions classification;
    private final RetryLadder retries;

    /** Receives progress from the worker threads; must be cheap and thread-safe. */
    @FunctionalInterface
    public interface Progress {
        void pathsDone(long done, long total);
    }

    private SolveOptions(long seed, int threads, TrackerOptions preset, StartKind start, Progress progress,
                         SetStructure structure, EndgameOptions endgame, EndpointOptions endpoint,
                         ClassificationOptions classification, RetryLadder retries) {
        this.seed = seed;
        this.threads = threads;
        this.preset = preset;
        this.start = start;
        this.progress = progress;
        this.structure = structure;
        this.endgame = endgame;
        this.endpoint = endpoint;
        this.classification = classification;
        this.retries = retries;
    }

    /**
     * Seed 42, all cores, the default tracker preset, the start system with the fewest paths, and the default
     * thresholds of every stage ({@link EndgameOptions#DEFAULT}, {@link EndpointOptions#DEFAULT},
     * {@link ClassificationOptions#DEFAULT}, {@link RetryLadder#DEFAULT}).
     */
    public static SolveOptions defaults() {
        return new SolveOptions(DEFAULT_SEED, Runtime.getRuntime().availableProcessors(), TrackerOptions.DEFAULT,
                StartKind.AUTO, null, null, EndgameOptions.DEFAULT, EndpointOptions.DEFAULT,
                ClassificationOptions.DEFAULT, RetryLadder.DEFAULT);
    }

    public SolveOptions seed(long s) {
        return new SolveOptions(s, threads, preset, start, progress, structure, endgame, endpoint, classification,
                retries);
    }

    public SolveOptions threads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + n);
        }
        return new SolveOptions(seed, n, preset, start, progress, structure, endgame, endpoint, classification,
                retries);
    }

    /** The tracker preset of every path's first attempt. */
    public SolveOptions preset(TrackerOptions p) {
        return new SolveOptions(seed, threads, Objects.requireNonNull(p), start, progress, structure, endgame,
                endpoint, classification, retries);
    }

    /** The start system's kind; any kind but linear product drops a {@link #setStructure} given before. */
    public SolveOptions start(StartKind k) {
        return new SolveOptions(seed, threads, preset, Objects.requireNonNull(k), progress,
                k == StartKind.LINEAR_PRODUCT ? structure : null, endgame, endpoint, classification, retries);
    }

    /**
     * A linear-product start system on this set structure, which must cover the system (checked by the solver):
     * for systems whose structure the caller knows, such as LPS block systems. Sets the start kind to
     * {@link StartKind#LINEAR_PRODUCT}.
     */
    public SolveOptions setStructure(SetStructure s) {
        return new SolveOptions(seed, threads, preset, StartKind.LINEAR_PRODUCT, progress, Objects.requireNonNull(s),
                endgame, endpoint, classification, retries);
    }

    public SolveOptions progress(Progress p) {
        return new SolveOptions(seed, threads, preset, start, p, structure, endgame, endpoint, classification,
                retries);
    }

    /** The endgame's thresholds. */
    public SolveOptions endgame(EndgameOptions e) {
        return new SolveOptions(seed, threads, preset, start, progress, structure, Objects.requireNonNull(e),
                endpoint, classification, retries);
    }

    /** The thresholds of the checks on each endpoint (at infinity, solves the system). */
    public SolveOptions endpoint(EndpointOptions e) {
        return new SolveOptions(seed, threads, preset, start, progress, structure, endgame,
                Objects.requireNonNull(e), classification, retries);
    }

    /** The classification's tolerances (same solution, real). */
    public SolveOptions classification(ClassificationOptions c) {
        return new SolveOptions(seed, threads, preset, start, progress, structure, endgame, endpoint,
                Objects.requireNonNull(c), retries);
    }

    /** The presets failed and jumped paths are re-tracked with. */
    public SolveOptions retries(RetryLadder r) {
        return new SolveOptions(seed, threads, preset, start, progress, structure, endgame, endpoint, classification,
                Objects.requireNonNull(r));
    }

    public EndgameOptions endgame() {
        return endgame;
    }

    public EndpointOptions endpoint() {
        return endpoint;
    }

    public ClassificationOptions classification() {
        return classification;
    }

    public RetryLadder retries() {
        return retries;
    }

    public long seed() {
        return seed;
    }

    public int threads() {
        return threads;
    }

    public TrackerOptions preset() {
        return preset;
    }

    public StartKind start() {
        return start;
    }

    Progress progress() {
        return progress;
    }

    /** The set structure given with {@link #setStructure}, or null. */
    public SetStructure setStructure() {
        return structure;
    }
}
