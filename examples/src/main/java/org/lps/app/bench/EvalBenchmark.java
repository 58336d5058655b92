package org.lps.app.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.hipparchus.complex.Complex;
import org.lps.homotopy.eval.CompiledSystem;
import org.lps.homotopy.eval.Evaluator;
import org.lps.homotopy.family.StandardSystems;
import org.lps.homotopy.poly.Polynomial;
import org.lps.homotopy.poly.PolynomialSystem;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Evaluations per second of values + full Jacobian at a random complex point: the compiled straight-line
 * program against the reference path (term-by-term evaluation of each polynomial and of each symbolic
 * partial derivative), which is what an interpreter without compilation does.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EvalBenchmark {

    /** The systems of issue #2: cyclic-7, katsura-10, noon-6 and a dense degree-4 system in 8 variables. */
    public static final String[] SYSTEMS = {"cyclic7", "katsura10", "noon6", "dense8d4"};

    @Param({"cyclic7", "katsura10", "noon6", "dense8d4"})
    public String system;

    private Evaluator evaluator;
    private double[] x;
    private double[] f;
    private double[] jac;
    private PolynomialSystem sys;
    private Polynomial[][] symbolicJacobian;
    private Complex[] point;

    public static PolynomialSystem system(String name) {
        return name.equals("dense8d4") ? StandardSystems.denseRandom(8, 4, 42) : StandardSystems.byName(name);
    }

    @Setup
    public void setup() {
        sys = system(system);
        int n = sys.variableCount(), m = sys.equationCount();
        evaluator = CompiledSystem.compile(sys).evaluator();
        symbolicJacobian = sys.jacobian();
        SplittableRandom rnd = new SplittableRandom(7);
        x = new double[2 * n];
        point = new Complex[n];
        for (int v = 0; v < n; v++) {
            x[2 * v] = rnd.nextDouble(-1, 1);
            x[2 * v + 1] = rnd.nextDouble(-1, 1);
            point[v] = new Complex(x[2 * v], x[2 * v + 1]);
        }
        f = new double[2 * m];
        jac = new double[2 * m * n];
    }

    @Benchmark
    public double[] compiled() {
        evaluator.valuesAndJacobian(x, f, jac);
        return jac;
    }

    @Benchmark
    public void reference(Blackhole bh) {
        for (int i = 0; i < sys.equationCount(); i++) {
            bh.consume(sys.equation(i).evaluate(point));
            for (Polynomial d : symbolicJacobian[i]) {
                bh.consume(d.evaluate(point));
            }
        }
    }
}
