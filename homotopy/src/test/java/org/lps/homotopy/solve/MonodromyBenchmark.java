package org.lps.homotopy.solve;

import java.util.Locale;
import org.lps.homotopy.family.StandardSystems;
import org.lps.homotopy.poly.PolynomialSystem;

/**
 * Monodromy with the trace test on the benchmark systems (cyclic-7: 924, katsura-8: 256, noon-5: 233), three
 * seeds each: counts, loops, paths, trace residual and time ({@link MonodromyFamiliesTest} asserts the same runs).
 * Run it by hand, exit status 1 if any count is wrong or a trace test fails:
 * <pre>
 * mvn -q -B -o -DskipTests package &amp;&amp; mvn -q -B -o -pl homotopy test-compile
 * java -cp homotopy/target/test-classes:examples/target/lps.jar org.lps.homotopy.solve.MonodromyBenchmark [threads]
 * </pre>
 */
public final class MonodromyBenchmark {

    private MonodromyBenchmark() {
    }

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        boolean ok = true;
        for (String name : new String[] {"cyclic7", "katsura8", "noon5"}) {
            PolynomialSystem s = StandardSystems.byName(name);
            long known = StandardSystems.knownSolutionCount(name.replaceAll("[0-9]", ""),
                    Integer.parseInt(name.replaceAll("[^0-9]", "")));
            for (long seed = 1; seed <= 3; seed++) {
                long t0 = System.nanoTime();
                Monodromy.Solve m = Monodromy.solve(s, MonodromyOptions.defaults().seed(seed).threads(threads)
                        .verify(true));
                double secs = (System.nanoTime() - t0) * 1e-9;
                boolean good = m.result().nonsingular() == known && m.run().traceTest().passed();
                ok &= good;
                System.out.printf(Locale.ROOT, "%-9s seed %d: %4d solutions (known %d), %d loops, %6d paths, stop %s,"
                                + " trace %s (residual %.1e), %.1f s%s%n", name, seed, m.result().nonsingular(), known,
                        m.run().loops(), m.run().pathsTracked(), m.run().stop().label(), m.run().traceTest().label(),
                        m.run().traceTest().residual(), secs, good ? "" : "  WRONG");
            }
        }
        System.exit(ok ? 0 : 1);
    }
}
