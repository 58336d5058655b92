package org.lps.init.lps;

import java.util.Locale;
import java.util.Objects;
import org.lps.homotopy.solve.SolveOptions;
import org.lps.init.lps.block.BlockSolver;
import org.lps.init.lps.block.BlockSpec;
import org.lps.init.lps.block.BlockStore;
import org.lps.init.lps.block.Target;
import org.lps.init.lps.lift.CurvatureBalance;
import org.lps.init.lps.lift.InputStatistics;
import org.lps.polyapprox.measure.Measure;

/**
 * The knobs of LPS initialization (docs/design.md, LPS): the block problem (degree d of the fit, fit measure, block
 * width k, ridge lambda, target), how prototypes are taken from its minima, what the input is assumed to be, and
 * the solver's seed and threads. The activation is not here: each layer's block uses the activation that follows
 * it in the model. Immutable; each setter returns a copy.
 */
public final class LpsSettings {

    /** Which minimum a unit takes its prototype (|w_j|, b_j) from. */
    public enum Prototypes {
        /**
         * The global minimum of the block (smallest J), its neurons cycled over the units. The default: it is the
         * block's best fit of the target; the other minima of the ReLU block are poor fits that park the unit far
         * in its dead region (k = 1, lambda = 0.1: (|w|, b) = (0.90, -2.33), active with probability 0.5%).
         */
        BEST,
        /** For every unit, a minimum drawn uniformly (seeded), then one of its neurons. */
        SAMPLED,
        /**
         * The best minimum's live neurons with their signs, in groups sharing one random direction: each group of
         * units is the block itself, applied to one projection of the input (the lift closest to the block problem).
         */
        GROUPED;

        public static Prototypes parse(String s) {
            return switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "best" -> BEST;
                case "sampled" -> SAMPLED;
                case "grouped" -> GROUPED;
                default -> throw new IllegalArgumentException("unknown prototype choice '" + s + "': expected best, sampled or grouped");
            };
        }
    }

    /** How the hidden layers' gains are set: one fixed factor, or per layer from the curvature. */
    public enum GainMode {
        /** Every hidden unit scaled by {@link #gain()} (the last hidden layer also by {@link #lastGain()}). */
        FIXED,
        /** Per hidden layer, so that every layer's Gauss-Newton curvature is the same ({@link CurvatureBalance}). */
        BALANCED
    }

    // not final: each wither changes one field of a fresh copy, so the fields are listed once (copy()) and the
    // instance is immutable once returned
    private int degree;
    private int width;
    private double lambda;
    private GainMode gainMode;
    private double gain;
    private double lastGain;
    private double outputStd;
    private Target target;
    private Measure fitMeasure;
    private Prototypes prototypes;
    private InputStatistics inputs;
    private long solverSeed;
    private int threads;
    private SolveOptions.Progress progress;
    private BlockSolver.Method solver;
    private long loopBudget;
    private BlockStore store;
    private BlockSolver.Listener listener;

    private LpsSettings() {
    }

    private LpsSettings copy() {
        LpsSettings c = new LpsSettings();
        c.degree = degree;
        c.width = width;
        c.lambda = lambda;
        c.gainMode = gainMode;
        c.gain = gain;
        c.lastGain = lastGain;
        c.outputStd = outputStd;
        c.target = target;
        c.fitMeasure = fitMeasure;
        c.prototypes = prototypes;
        c.inputs = inputs;
        c.solverSeed = solverSeed;
        c.threads = threads;
        c.progress = progress;
        c.solver = solver;
        c.loopBudget = loopBudget;
        c.store = store;
        c.listener = listener;
        return c;
    }

    /** A copy with {@code change} applied, checked. */
    private LpsSettings with(java.util.function.Consumer<LpsSettings> change) {
        LpsSettings c = copy();
        change.accept(c);
        return c.validated();
    }

    /** Checks every field; throws IllegalArgumentException naming the one at fault. */
    private LpsSettings validated() {
        Objects.requireNonNull(gainMode);
        Objects.requireNonNull(target);
        Objects.requireNonNull(fitMeasure);
        Objects.requireNonNull(prototypes);
        if (!(gain > 0) || !Double.isFinite(gain)) {
            throw new IllegalArgumentException("LPS gain must be finite and > 0, got " + gain);
        }
        if (!(lastGain > 0) || !Double.isFinite(lastGain)) {
            throw new IllegalArgumentException("LPS last-layer gain must be finite and > 0, got " + lastGain);
        }
        if (!(outputStd > 0) || !Double.isFinite(outputStd)) {
            throw new IllegalArgumentException("LPS output standard deviation must be finite and > 0, got " + outputStd);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (loopBudget < 1) {
            throw new IllegalArgumentException("the monodromy budget must be at least 1 loop path, got " + loopBudget);
        }
        block(org.lps.polyapprox.activation.Activation.relu());   // validates degree, width, lambda
        return this;
    }

    /**
     * docs/design.md's block at k = 2 (d = 2, lambda = 0.1, identity target, Gaussian L2 fit) with three changes to the
     * lift, each measured on Fashion-MNIST (docs/lps.md lists every variant tried with its figures):
     * <ul>
     *   <li>grouped prototypes: the units come in pairs sharing one direction, each pair the best k = 2 minimum
     *       itself, relu(w t + b) and relu(-w t + b) with (w, b) = (0.80, 0.39);</li>
     *   <li>balanced gains: LPS's units sit in their active region, so the next layer's inputs have a large mean
     *       and the layers after them a large curvature (the study's CNN: the output layer's 2.5x He's, and SGD at lr
     *       0.05 diverged on 5 seeds of 5); the per-layer gains even the curvature out without changing the
     *       function;</li>
     *   <li>initial logits of standard deviation 0.5 instead of LeCun's 1.</li>
     * </ul>
     * Over 20 seeds it is ahead of He on the MLP at epochs 1 and 5 and on the CNN at epoch 2. The price: a block of
     * 10761 paths (about 17 s on 2 cores, once per JVM) instead of 105.
     */
    public static LpsSettings defaults() {
        return design().width(2).prototypes(Prototypes.GROUPED).balancedGain().outputStd(0.5);
    }

    /** docs/design.md's definition as written: d = 2, k = 1, lambda = 0.1, no gain, LeCun-scaled output layer. */
    public static LpsSettings design() {
        LpsSettings s = new LpsSettings();
        s.degree = 2;
        s.width = 1;
        s.lambda = 0.1;
        s.gainMode = GainMode.FIXED;
        s.gain = 1;
        s.lastGain = 1;
        s.outputStd = 1;
        s.target = Target.IDENTITY;
        s.fitMeasure = new Measure.Gaussian(0, 1);
        s.prototypes = Prototypes.BEST;
        s.solverSeed = SolveOptions.DEFAULT_SEED;
        s.threads = Runtime.getRuntime().availableProcessors();
        s.loopBudget = BlockSolver.DEFAULT_LOOP_BUDGET;
        return s.validated();
    }

    public LpsSettings degree(int d) {
        return with(c -> c.degree = d);
    }

    /** k, the block width. */
    public LpsSettings width(int k) {
        return with(c -> c.width = k);
    }

    /**
     * A fixed factor on every hidden unit's weights and bias: the unit computes relu(g (w t + b)) instead of
     * relu(w t + b). For a positively homogeneous activation the network's function is the same (the next layer
     * divides by the predicted input scale), but the curvature moves between layers: the first layer's Gauss-Newton
     * norm scales by 1/g^2, the output layer's by g^2, the others' not at all.
     */
    public LpsSettings gain(double g) {
        return with(c -> {
            c.gainMode = GainMode.FIXED;
            c.gain = g;
        });
    }

    /**
     * Per hidden layer, the gain that gives every dense and conv layer the same Gauss-Newton curvature, measured on a
     * probe batch at unit gains ({@link CurvatureBalance}). Only a positively homogeneous activation keeps the function
     * under a gain; with any other (tanh, sigmoid, gelu, ...) the gains stay 1 and the report says why.
     */
    public LpsSettings balancedGain() {
        return with(c -> {
            c.gainMode = GainMode.BALANCED;
            c.gain = 1;
            c.lastGain = 1;
        });
    }

    public GainMode gainMode() {
        return gainMode;
    }

    /** The fixed gain (1 when balanced). */
    public double gain() {
        return gain;
    }

    /**
     * A further fixed factor on the last hidden layer only (the units that feed the output layer): it trades
     * curvature between the output layer and that layer alone, leaving the first layers as they are.
     */
    public LpsSettings lastGain(double g) {
        return with(c -> {
            c.gainMode = GainMode.FIXED;
            c.lastGain = g;
        });
    }

    public double lastGain() {
        return lastGain;
    }

    /**
     * The predicted standard deviation of the initial logits (the output layer's pre-activation); 1 is LeCun's scale
     * for the output layer's standardized inputs.
     */
    public LpsSettings outputStd(double s) {
        return with(c -> c.outputStd = s);
    }

    public double outputStd() {
        return outputStd;
    }

    public LpsSettings lambda(double l) {
        return with(c -> c.lambda = l);
    }

    public LpsSettings target(Target t) {
        return with(c -> c.target = t);
    }

    public LpsSettings fitMeasure(Measure m) {
        return with(c -> c.fitMeasure = m);
    }

    public LpsSettings prototypes(Prototypes p) {
        return with(c -> c.prototypes = p);
    }

    /**
     * The input's statistics (e.g. {@link InputStatistics#measure} on the training set). Without them: standardized
     * inputs, and for 1 x 28 x 28 images that are pooled the spatial correlation of the embedded Fashion-MNIST subset.
     */
    public LpsSettings inputs(InputStatistics in) {
        return with(c -> c.inputs = in);
    }

    public LpsSettings solverSeed(long s) {
        return with(c -> c.solverSeed = s);
    }

    public LpsSettings threads(int n) {
        return with(c -> c.threads = n);
    }

    /** Path-tracking progress of block solves (not of cache hits). */
    public LpsSettings progress(SolveOptions.Progress p) {
        return with(c -> c.progress = p);
    }

    public int degree() {
        return degree;
    }

    public int width() {
        return width;
    }

    public double lambda() {
        return lambda;
    }

    public Target target() {
        return target;
    }

    public Measure fitMeasure() {
        return fitMeasure;
    }

    public Prototypes prototypes() {
        return prototypes;
    }

    /** The inputs given, or null for the default assumption. */
    public InputStatistics inputs() {
        return inputs;
    }

    public long solverSeed() {
        return solverSeed;
    }

    public int threads() {
        return threads;
    }

    SolveOptions.Progress progress() {
        return progress;
    }

    /**
     * How the block is solved: {@code solver=homotopy|monodromy}. Unless set, by {@link #defaultSolver} of the width.
     */
    public LpsSettings solver(BlockSolver.Method m) {
        return with(c -> c.solver = m);
    }

    public BlockSolver.Method solver() {
        return solver != null ? solver : defaultSolver(width);
    }

    /**
     * The homotopy up to k = 2 (every path of the linear-product start system, 10761 at k = 2, d = 2: faster than
     * monodromy there, as measured in docs/lps.md), monodromy from k = 3 on, where the homotopy's paths jump to
     * 1129797 (d = 2) and beyond.
     */
    public static BlockSolver.Method defaultSolver(int width) {
        return width <= 2 ? BlockSolver.Method.HOMOTOPY : BlockSolver.Method.MONODROMY;
    }

    /**
     * Monodromy's budget of loop paths ({@code budget=N}; default {@link BlockSolver#DEFAULT_LOOP_BUDGET}): a solve that
     * spends it stops with a {@link org.lps.init.lps.block.BudgetExceededException}. Not part of the block's identity
     * (a solve that completes gives the same answer under any budget, and one that does not is never cached).
     */
    public LpsSettings loopBudget(long paths) {
        return with(c -> c.loopBudget = paths);
    }

    public long loopBudget() {
        return loopBudget;
    }

    /** Where solved blocks are kept between runs ({@link BlockStore}), or null for none (the default). */
    public LpsSettings store(BlockStore s) {
        return with(c -> c.store = s);
    }

    public BlockStore store() {
        return store;
    }

    /** Progress of a monodromy block solve. */
    public LpsSettings listener(BlockSolver.Listener l) {
        return with(c -> c.listener = l);
    }

    BlockSolver.Listener listener() {
        return listener;
    }

    /** The block problem for one activation. */
    public BlockSpec block(org.lps.polyapprox.activation.Activation activation) {
        return BlockSpec.defaults().activation(activation).degree(degree).measure(fitMeasure).width(width)
                .lambda(lambda).target(target);
    }
}
