package org.lps.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;
import org.lps.polyapprox.activation.Activation;
import org.lps.polyapprox.fit.FitResult;
import org.lps.polyapprox.fit.Method;
import org.lps.polyapprox.fit.PolyFit;
import org.lps.polyapprox.measure.Measure;
import org.lps.polyapprox.poly.Polynomial;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lps fit}: a polynomial approximation of an activation function, as text, JSON and a plot. */
@Command(name = "fit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fit a polynomial to an activation function.",
                "l2Error is the root-mean-square error under the measure; maxError is max |f - p| on the "
                        + "measure's interval (mean +- 4 sigma for a Gaussian)."})
final class FitCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--activation", required = true, paramLabel = "A",
            description = "relu, leaky-relu[:ALPHA], elu[:ALPHA], gelu, silu (swish), tanh, sigmoid, softplus")
    String activation;

    @Option(names = "--degree", paramLabel = "D", defaultValue = "2",
            description = "polynomial degree, 0.." + PolyFit.MAX_DEGREE + " (default: ${DEFAULT-VALUE})")
    int degree;

    @Option(names = "--measure", paramLabel = "M", defaultValue = "gaussian",
            description = "gaussian, gaussian:MU:SIGMA or uniform:A:B (default: ${DEFAULT-VALUE})")
    String measure;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "l2",
            description = "l2, chebyshev, minimax or taylor (default: ${DEFAULT-VALUE})")
    String method;

    @Option(names = "--json", description = "print one JSON object instead of the summary")
    boolean json;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "write a PNG: the activation, the fit and the error")
    Path plot;

    @Override
    public Integer call() throws IOException {
        Outputs.require("--plot", plot);
        Activation f = parse("--activation", () -> Activation.parse(activation));
        Measure m = parse("--measure", () -> Measure.parse(measure));
        Method how = parse("--method", () -> Method.parse(method));
        if (degree < 0 || degree > PolyFit.MAX_DEGREE) {
            throw new UserInputException("--degree must be between 0 and " + PolyFit.MAX_DEGREE + ", got " + degree);
        }
        FitResult r;
        try {
            r = PolyFit.fit(f, degree, m, how);
        } catch (IllegalArgumentException e) {
            // e.g. taylor at relu's kink: the combination of flags is what the user must change
            throw new UserInputException("--method " + how.spelling() + ": " + e.getMessage(), e);
        }
        if (plot != null) {
            FitPlot.write(r, plot);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(toJson(r)));
        } else {
            printSummary(out, r);
        }
        out.flush();
        return 0;
    }

    static Map<String, Object> toJson(FitResult r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("activation", r.activation().name());
        o.put("degree", r.degree());
        o.put("measure", r.measure().spec());
        o.put("method", r.method().spelling());
        o.put("coefficients", r.coefficients());
        o.put("l2Error", r.l2Error());
        o.put("maxError", r.maxError());
        o.put("maxErrorAt", r.maxErrorAt());
        o.put("interval", new double[] {r.measure().lower(), r.measure().upper()});
        o.put("basis", r.basis().describe());
        o.put("basisCoefficients", r.basisCoefficients());
        if (r.method() == Method.MINIMAX) {
            o.put("equioscillationPoints", r.equioscillationPoints());
        }
        return o;
    }

    private void printSummary(PrintWriter out, FitResult r) {
        Measure m = r.measure();
        out.printf(Locale.ROOT, "%s, degree %d, %s fit for %s%n", r.activation().name(), r.degree(),
                r.method().spelling(), m.spec());
        out.printf(Locale.ROOT, "  p(x) = %s%n", r.polynomial());
        out.printf(Locale.ROOT, "  coefficients (c0 first): %s%n", join(r.coefficients()));
        out.printf(Locale.ROOT, "  in the basis %s: %s%n", r.basis().describe(), join(r.basisCoefficients()));
        out.printf(Locale.ROOT, "  l2Error  %s  (root-mean-square under %s; mean square %s)%n", short6(r.l2Error()),
                m.spec(), short6(r.l2Error() * r.l2Error()));
        out.printf(Locale.ROOT, "  maxError %s  at x = %s, on [%s, %s]%n", short6(r.maxError()), short6(r.maxErrorAt()),
                num(m.lower()), num(m.upper()));
        if (r.method() == Method.MINIMAX) {
            out.printf(Locale.ROOT, "  the error equioscillates at x = %s%n",
                    DoubleStream.of(r.equioscillationPoints()).mapToObj(FitCommand::short6)
                            .collect(Collectors.joining(", ")));
        }
        if (plot != null) {
            out.printf(Locale.ROOT, "  plot: %s%n", plot);
        }
    }

    private static String join(double[] v) {
        return DoubleStream.of(v).mapToObj(Double::toString).collect(Collectors.joining(" "));
    }

    /** Six significant digits without trailing zeros: 0.5, -4, 1.23457e-05. */
    private static String short6(double v) {
        return Polynomial.format(v);
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static <T> T parse(String flag, java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new UserInputException(flag + ": " + e.getMessage(), e);
        }
    }
}
