package org.lps.init.lps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.lps.init.Initializer;
import org.lps.init.MethodSpec;
import org.lps.init.PredictedMoments;
import org.lps.init.lps.block.BlockCache;
import org.lps.init.lps.block.BlockProblem;
import org.lps.init.lps.block.BlockSolution;
import org.lps.init.lps.block.BlockSolver;
import org.lps.init.lps.block.BlockSpec;
import org.lps.init.lps.block.CriticalPoint;
import org.lps.init.lps.block.LpsBlockSystem;
import org.lps.init.lps.block.Target;
import org.lps.init.lps.lift.Correlation;
import org.lps.init.lps.lift.CurvatureBalance;
import org.lps.init.lps.lift.InputStatistics;
import org.lps.init.lps.lift.LayerPrediction;
import org.lps.init.lps.lift.Lift;
import org.lps.init.lps.lift.LpsReport;
import org.lps.nets.layer.Activation;
import org.lps.nets.layer.Layer;
import org.lps.nets.layer.ParameterizedLayer;
import org.lps.nets.layer.Pool2d;
import org.lps.nets.model.Model;
import org.lps.nets.tensor.Shape;

/**
 * LPS initialization (docs/design.md, LPS steps 1-6), registered as {@code lps}: for each activation that follows a
 * hidden layer, the block problem is solved by homotopy continuation (or taken from {@link BlockCache}), its minima
 * become prototypes, and {@link Lift} writes every layer's weights with the predicted statistics of its input.
 *
 * <pre>{@code
 * Model model = Architecture.parse("mlp:784,256,256,10", Activations.relu());
 * LpsInitializer lps = new LpsInitializer(LpsSettings.design().balancedGain());   // or LpsSettings.defaults()
 * lps.initialize(model, 7);
 * LpsReport report = lps.report();        // block figures, prototype, predicted statistics per layer
 * }</pre>
 *
 * <p>The input assumption when none is given ({@link LpsSettings#inputs}): standardized inputs (mean 0, std 1), as
 * {@code lps train} feeds them; when the network pools, the spatial correlation is that of the embedded
 * Fashion-MNIST subset for 1 x 28 x 28 inputs, else none (white), which the report says.
 */
public final class LpsInitializer implements Initializer {

    private final LpsSettings settings;
    private volatile LpsReport report;

    /** {@link LpsSettings#defaults()} (ServiceLoader needs this constructor). */
    public LpsInitializer() {
        this(LpsSettings.defaults());
    }

    public LpsInitializer(LpsSettings settings) {
        this.settings = settings;
    }

    public LpsSettings settings() {
        return settings;
    }

    @Override
    public String name() {
        return "lps";
    }

    @Override
    public String description() {
        return "linear product structure: block minima by homotopy continuation, lifted with predicted input statistics";
    }

    @Override
    public String syntax() {
        return "lps[:design][:lambda=L][:k=K][:d=D][:gain=G|balanced][:lastgain=G][:out=S][:target=identity|activation][:best|sampled|grouped][:solver=homotopy|monodromy[:budget=N]]";
    }

    /**
     * {@code lps:lambda=0.01:k=2:sampled}: named parameters, in any order, because none of them has an obvious
     * position; {@code lps init --degree D} sets d as well (both at once is an error).
     */
    @Override
    public Initializer configure(MethodSpec spec) {
        // lps:design starts from docs/design.md's definition as written, wherever it stands; the other parameters apply on top
        LpsSettings s = spec.parameters().contains("design") ? LpsSettings.design().threads(settings.threads()) : settings;
        boolean degreeSet = false;
        boolean budgetSet = false;
        for (String p : spec.parameters()) {
            int eq = p.indexOf('=');
            String key = eq < 0 ? p : p.substring(0, eq);
            String value = eq < 0 ? null : p.substring(eq + 1);
            try {
                if (value == null && key.equals("design")) {
                    continue;
                } else if (value == null && (key.equals("best") || key.equals("sampled") || key.equals("grouped"))) {
                    s = s.prototypes(LpsSettings.Prototypes.parse(key));
                } else if (value == null) {
                    throw new IllegalArgumentException("unknown parameter");
                } else if (key.equals("lambda")) {
                    s = s.lambda(Double.parseDouble(value));
                } else if (key.equals("lastgain")) {
                    s = s.lastGain(Double.parseDouble(value));
                } else if (key.equals("gain")) {
                    s = value.equals("balanced") ? s.balancedGain() : s.gain(Double.parseDouble(value));
                } else if (key.equals("out")) {
                    s = s.outputStd(Double.parseDouble(value));
                } else if (key.equals("target")) {
                    s = s.target(Target.parse(value));
                } else if (key.equals("k")) {
                    s = s.width(Integer.parseInt(value));
                } else if (key.equals("solver")) {
                    s = s.solver(BlockSolver.Method.parse(value));
                } else if (key.equals("budget")) {
                    s = s.loopBudget(loopBudget(value));
                    budgetSet = true;
                } else if (key.equals("d")) {
                    s = s.degree(Integer.parseInt(value));
                    degreeSet = true;
                } else {
                    throw new IllegalArgumentException("unknown parameter");
                }
            } catch (IllegalArgumentException e) {
                // NumberFormatException is one too
                throw new IllegalArgumentException("'" + spec.method() + "': parameter '" + p + "': "
                        + (e instanceof NumberFormatException ? "not a number" : e.getMessage())
                        + " (the syntax is " + syntax() + ")", e);
            }
        }
        if (budgetSet && s.solver() != BlockSolver.Method.MONODROMY) {
            // the homotopy's work is its path count, known before it runs (lps init --path-budget)
            throw new IllegalArgumentException("'" + spec.method() + "': budget= is the loop-path budget of"
                    + " solver=monodromy, and this block is solved by the homotopy (k = " + s.width()
                    + "); add solver=monodromy");
        }
        if (spec.degree().isPresent()) {
            if (degreeSet) {
                throw new IllegalArgumentException("--degree " + spec.degree().getAsInt() + " and '" + spec.method()
                        + "' both set the degree: give one");
            }
            try {
                s = s.degree(spec.degree().getAsInt());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--degree " + spec.degree().getAsInt() + ": " + e.getMessage(), e);
            }
        }
        return s == settings ? this : new LpsInitializer(s);
    }

    /** {@code budget=N}: a whole number of loop paths, at least 1 (0 would mean none in the Java API: not offered). */
    private static long loopBudget(String value) {
        long n;
        try {
            n = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the loop-path budget must be a whole number of paths, at least 1");
        }
        if (n < 1) {
            throw new IllegalArgumentException("the loop-path budget must be at least 1, got " + n);
        }
        return n;
    }

    @Override
    public Optional<List<PredictedMoments>> predictedPreActivations() {
        LpsReport r = report;
        if (r == null) {
            return Optional.empty();
        }
        List<PredictedMoments> out = new ArrayList<>();
        for (LayerPrediction p : r.layers()) {
            out.add(new PredictedMoments(p.layer(), p.predictedMean(), p.predictedStd() * p.predictedStd()));
        }
        return Optional.of(out);
    }

    @Override
    public void initialize(Model model, long seed) {
        long t0 = System.nanoTime();
        // balanced gains keep the function only for a positively homogeneous activation; for tanh, sigmoid, ... the
        // default falls back to the design's unit gains and the report says so
        String notBalanced = settings.gainMode() == LpsSettings.GainMode.BALANCED ? CurvatureBalance.whyNotBalanced(model) : null;
        String gainNote = settings.gainMode() == LpsSettings.GainMode.FIXED
                ? String.format(java.util.Locale.ROOT, "fixed: %s, last hidden layer %s", settings.gain(), settings.gain() * settings.lastGain())
                : notBalanced == null ? "balanced: equal Gauss-Newton norms on " + CurvatureBalance.PROBE + " probe inputs"
                : "unit: " + notBalanced + ", not positively homogeneous, so gains would change the function";
        List<LpsReport.Block> blockReports = new ArrayList<>();
        Map<String, BlockSolution> blocks = solveBlocks(model, blockReports);
        InputStatistics inputs = inputsFor(model);
        List<LayerPrediction> layers = Lift.apply(model, seed, settings, inputs, blocks, Lift.fixedGains(model, settings));
        if (settings.gainMode() == LpsSettings.GainMode.BALANCED && notBalanced == null) {
            double[] gains = CurvatureBalance.gains(model, CurvatureBalance.probe(model, inputs), CurvatureBalance.PROBE);
            layers = Lift.rescale(model, layers, gains);
        }
        double seconds = (System.nanoTime() - t0) * 1e-9;
        report = report(blocks, blockReports, inputs, layers, seconds, gainNote);
    }

    /**
     * The block of every activation that follows a hidden layer of {@code model} (by activation name), solved now or
     * taken from the caches ({@link BlockCache}, the settings' store): what {@link #initialize} lifts. A caller that
     * must know before a long run that the blocks can be solved (lps study inits, before any training) calls it first;
     * a block that cannot be solved throws here (a {@link org.lps.init.lps.block.BudgetExceededException} when
     * monodromy spends its budget).
     */
    public Map<String, BlockSolution> solveBlocks(Model model) {
        return solveBlocks(model, new ArrayList<>());
    }

    /** As above, adding each block's report (cached or not) to {@code reports}. */
    private Map<String, BlockSolution> solveBlocks(Model model, List<LpsReport.Block> reports) {
        Map<String, BlockSolution> blocks = new LinkedHashMap<>();
        List<ParameterizedLayer> params = model.parameterizedLayers();
        for (int i = 0; i < params.size() - 1; i++) {
            Activation act = model.activationAfter(params.get(i));
            if (act != null && !blocks.containsKey(act.name())) {
                BlockSpec spec = settings.block(ActivationBridge.toPolyapprox(act));
                boolean cached = BlockCache.contains(spec, settings.solverSeed(), settings.solver());
                BlockSolution s = BlockCache.solve(spec, settings.solverSeed(), settings.threads(), settings.solver(),
                        settings.store(), settings.progress(), settings.listener(), settings.loopBudget());
                blocks.put(act.name(), s);
                reports.add(describe(s, cached || BlockCache.fromStore(spec, settings.solverSeed(), settings.solver())));
            }
        }
        return blocks;
    }

    /** The report of the last {@link #initialize} call. */
    public LpsReport report() {
        LpsReport r = report;
        if (r == null) {
            throw new IllegalStateException("lps has not initialized a model yet");
        }
        return r;
    }

    @Override
    public Optional<Object> details() {
        return Optional.ofNullable(report);
    }

    /** Predicted mean and standard deviation of every layer's pre-activation, from the last initialization. */
    public List<LayerPrediction> predictions() {
        return report().layers();
    }

    private InputStatistics inputsFor(Model model) {
        InputStatistics given = settings.inputs();
        int radius = Lift.correlationRadii(model.layers())[0];
        InputStatistics in = given != null ? given : InputStatistics.standardized();
        if (radius == 0 || in.correlation() != null && in.correlation().radius() >= radius) {
            return in;
        }
        Shape shape = model.inputShape();
        if (given == null && shape.equals(Shape.of(1, 28, 28))) {
            return InputStatistics.embeddedFashionMnist(radius);
        }
        return in.withCorrelation(Correlation.white(radius), in.source()
                + "; spatial correlation unknown: neighbouring inputs assumed uncorrelated (pooling predictions will"
                + " be too high for images)");
    }

    private static boolean pools(Model model) {
        for (Layer l : model.layers()) {
            if (l instanceof Pool2d) {
                return true;
            }
        }
        return false;
    }

    private LpsReport report(Map<String, BlockSolution> blocks, List<LpsReport.Block> blockReports,
                             InputStatistics inputs, List<LayerPrediction> layers, double seconds, String gainNote) {
        List<double[]> prototype = new ArrayList<>();
        if (!blocks.isEmpty()) {
            BlockSolution first = blocks.values().iterator().next();
            int k = settings.width();
            int units = settings.prototypes() == LpsSettings.Prototypes.SAMPLED ? 0 : k;
            if (units > 0) {
                double[][] p = Lift.prototypes(first, settings.prototypes(), units, new SplittableRandom(0));
                for (double[] x : p) {
                    if (prototype.stream().noneMatch(q -> q[0] == x[0] && q[1] == x[1])) {
                        prototype.add(x);
                    }
                }
            } else {
                for (CriticalPoint m : first.minima()) {
                    double[] t = m.theta();
                    for (int j = 0; j < k; j++) {
                        if (Math.abs(t[LpsBlockSystem.w(j)]) > Lift.DEAD) {
                            prototype.add(new double[] {Math.abs(t[LpsBlockSystem.w(j)]), t[LpsBlockSystem.b(j)]});
                        }
                    }
                }
            }
        }
        if (blockReports.isEmpty()) {
            return new LpsReport(settings.degree(), new double[0], 0, null, null, 0, 0, seconds, blockReports,
                    prototype, settings.prototypes().name().toLowerCase(java.util.Locale.ROOT), gainNote, inputs.source(), layers);
        }
        LpsReport.Block b = blockReports.get(0);
        BlockSolution s = blocks.values().iterator().next();
        return new LpsReport(b.degree(), b.coefficients(), b.paths(), s.totalDegree(), s.linearProductBound(),
                b.realSolutions(), b.minima(), seconds, blockReports, prototype,
                settings.prototypes().name().toLowerCase(java.util.Locale.ROOT), gainNote, inputs.source(), layers);
    }

    static LpsReport.Block describe(BlockSolution s, boolean cached) {
        List<LpsReport.Minimum> minima = new ArrayList<>();
        for (CriticalPoint m : s.minima()) {
            minima.add(new LpsReport.Minimum(m.loss(), m.theta(), m.copies()));
        }
        BlockSpec spec = s.spec();
        return new LpsReport.Block(spec.activation().name(), spec.degree(), s.fitDegree(), s.coefficients(),
                spec.width(), spec.lambda(), spec.target().label(), spec.measure().spec(), s.paths(), s.failed(),
                s.atInfinity(), s.finite(), s.singular(), s.realCritical(), s.minima().size(), s.saddles(),
                s.maxima(), s.degenerate(), BlockProblem.of(spec).symmetry().describe(), minima, s.seconds(), cached);
    }
}
