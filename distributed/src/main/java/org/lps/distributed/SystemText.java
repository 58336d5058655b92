package org.lps.distributed;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.lps.homotopy.parse.Format;
import org.lps.homotopy.parse.SystemParser;
import org.lps.homotopy.poly.PolynomialSystem;

/**
 * A polynomial system as it travels to the executors: its PHCpack text (coefficients printed as the shortest decimal
 * that reads back to the same double), its variable order and its variable groups (which is how a Bertini file's
 * parameters are told from its unknowns). {@link #of} checks that the text reads back to exactly the system given, so
 * an executor solves the very system the driver was asked to solve, not a neighbour of it.
 */
final class SystemText implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String text;
    private final ArrayList<String> variables;
    /** Per group: its variable indices, then 1 if homogeneous else 0; null when the system declares no groups. */
    private final ArrayList<int[]> groups;

    private SystemText(String text, List<String> variables, ArrayList<int[]> groups) {
        this.text = text;
        this.variables = new ArrayList<>(variables);
        this.groups = groups;
    }

    static SystemText of(PolynomialSystem system) {
        ArrayList<int[]> groups = null;
        if (system.groupsDeclared()) {
            groups = new ArrayList<>();
            for (PolynomialSystem.VariableGroup g : system.groups()) {
                int[] a = new int[g.variables().size() + 1];
                for (int k = 0; k < g.variables().size(); k++) {
                    a[k] = g.variables().get(k);
                }
                a[a.length - 1] = g.homogeneous() ? 1 : 0;
                groups.add(a);
            }
        }
        SystemText t = new SystemText(system.toPhcFormat(), system.variables(), groups);
        if (!t.system().equals(system)) {
            throw new IllegalStateException("the system does not read back from its text exactly; it cannot be"
                    + " shipped to the executors");
        }
        return t;
    }

    /** The system, parsed afresh: in the driver's variable order, with the driver's groups. */
    PolynomialSystem system() {
        PolynomialSystem parsed = SystemParser.parse(text, "<job>", Format.PHC).withVariableOrder(variables);
        if (groups == null) {
            return parsed;
        }
        List<PolynomialSystem.VariableGroup> gs = new ArrayList<>();
        for (int[] a : groups) {
            List<Integer> vs = new ArrayList<>();
            for (int k = 0; k < a.length - 1; k++) {
                vs.add(a[k]);
            }
            gs.add(new PolynomialSystem.VariableGroup(vs, a[a.length - 1] == 1));
        }
        return new PolynomialSystem(parsed.variables(), parsed.equations(), gs);
    }

    /** Identifies the system in the per-executor caches. */
    String key() {
        StringBuilder b = new StringBuilder(text).append('|').append(variables);
        if (groups != null) {
            for (int[] g : groups) {
                b.append('|').append(java.util.Arrays.toString(g));
            }
        }
        return b.toString();
    }
}
