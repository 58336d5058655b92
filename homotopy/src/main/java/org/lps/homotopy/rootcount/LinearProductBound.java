package org.lps.homotopy.rootcount;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.jgrapht.Graph;
import org.jgrapht.alg.matching.HopcroftKarpMaximumCardinalityBipartiteMatching;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;

/**
 * The generalized linear-product (set-structure) root count.
 *
 * <p>Pick one factor per equation; the affine forms of the picked factors (generic coefficients over the
 * picked sets) form a square linear system. It has exactly one solution when its coefficient matrix is
 * nonsingular, which for generic coefficients with that zero pattern happens exactly when the bipartite graph
 * of equations and the variables of their picked sets has a perfect matching; otherwise (generic constant
 * terms, deficient rank) it has none. Such a choice is <em>admissible</em>. The number of admissible choices is
 * the number of roots of a generic member of the product family, and by the generalized linear-product theorem
 * (Verschelde and Cools; Morgan, Sommese and Wampler) it bounds the number of isolated solutions of every
 * system the structure covers.
 */
public final class LinearProductBound {

    private LinearProductBound() {
    }

    /** The number of admissible choices of {@code structure}, exactly. */
    public static BigInteger count(SetStructure structure) {
        requireSquare(structure);
        return new ChoiceCounter(structure, Long.MAX_VALUE).count();
    }

    /**
     * Calls {@code sink} once per admissible choice, in a deterministic order, with a fresh array holding, for
     * each equation, the index of its chosen factor. A linear-product start system has one root per choice: the
     * solution of the linear system of the chosen factors' affine forms.
     */
    public static void forEachAdmissibleChoice(SetStructure structure, Consumer<int[]> sink) {
        requireSquare(structure);
        new ChoiceCounter(structure, Long.MAX_VALUE).forEach(sink);
    }

    /**
     * Whether one choice (factor index per equation) is admissible, by a maximum bipartite matching
     * (Hopcroft-Karp, JGraphT). The reference the fast counter is checked against; use it for single choices,
     * not for counting.
     */
    public static boolean isAdmissible(SetStructure structure, int[] choice) {
        requireSquare(structure);
        int n = structure.equationCount();
        if (choice.length != n) {
            throw new IllegalArgumentException("a choice needs one factor per equation: " + n + ", got " + choice.length);
        }
        Graph<Integer, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
        Set<Integer> equations = new HashSet<>();
        Set<Integer> variables = new HashSet<>();
        for (int i = 0; i < n; i++) {
            g.addVertex(i);
            equations.add(i);
        }
        for (int v = 0; v < structure.variableCount(); v++) {
            g.addVertex(n + v);
            variables.add(n + v);
        }
        int[][][] f = structure.raw();
        for (int i = 0; i < n; i++) {
            if (choice[i] < 0 || choice[i] >= f[i].length) {
                throw new IllegalArgumentException("equation " + (i + 1) + " has no factor " + choice[i]);
            }
            for (int v : f[i][choice[i]]) {
                g.addEdge(i, n + v);
            }
        }
        return new HopcroftKarpMaximumCardinalityBipartiteMatching<>(g, equations, variables)
                .getMatching().getEdges().size() == n;
    }

    private static void requireSquare(SetStructure s) {
        if (s.equationCount() != s.variableCount()) {
            throw new IllegalArgumentException("root counts need a square system: " + s.equationCount()
                    + " equations in " + s.variableCount() + " unknowns");
        }
    }
}
