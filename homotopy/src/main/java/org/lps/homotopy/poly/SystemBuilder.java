package org.lps.homotopy.poly;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link PolynomialSystem} from code: declare variables (each returned as the polynomial x_i), combine
 * them with the arithmetic of {@link Polynomial}, and add equations.
 *
 * <pre>{@code
 * SystemBuilder b = new SystemBuilder();
 * Polynomial x = b.variable("x"), y = b.variable("y");
 * b.equation(x.pow(2).add(y.pow(2)).subtract(Polynomial.constant(1)));
 * b.equation(x.subtract(y));
 * PolynomialSystem circleAndLine = b.build();
 * }</pre>
 */
public final class SystemBuilder {

    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final List<Polynomial> equations = new ArrayList<>();
    private final List<PolynomialSystem.VariableGroup> groups = new ArrayList<>();

    /** Declares a new variable and returns it as a polynomial. */
    public Polynomial variable(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a variable needs a name");
        }
        if (index.containsKey(name)) {
            throw new IllegalArgumentException("variable '" + name + "' declared twice");
        }
        int i = index.size();
        index.put(name, i);
        return Polynomial.variable(i);
    }

    /** Declares {@code prefix1 .. prefixK}. */
    public List<Polynomial> variables(String prefix, int count) {
        List<Polynomial> vs = new ArrayList<>(count);
        for (int k = 1; k <= count; k++) {
            vs.add(variable(prefix + k));
        }
        return vs;
    }

    /** The index of a declared variable. */
    public int indexOf(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new IllegalArgumentException("no variable named '" + name + "'");
        }
        return i;
    }

    public int variableCount() {
        return index.size();
    }

    /** Adds the equation p = 0. */
    public SystemBuilder equation(Polynomial p) {
        if (p.width() > index.size()) {
            throw new IllegalArgumentException("equation uses a variable that was not declared with this builder");
        }
        equations.add(p);
        return this;
    }

    /**
     * Declares a variable group (a set of variables for multi-homogeneous structure); when any group is
     * declared, every variable must end up in exactly one.
     */
    public SystemBuilder group(boolean homogeneous, String... names) {
        List<Integer> vs = new ArrayList<>();
        for (String n : names) {
            vs.add(indexOf(n));
        }
        groups.add(new PolynomialSystem.VariableGroup(vs, homogeneous));
        return this;
    }

    public PolynomialSystem build() {
        List<String> names = new ArrayList<>(index.keySet());
        if (groups.isEmpty()) {
            return new PolynomialSystem(names, equations);
        }
        boolean[] seen = new boolean[names.size()];
        for (PolynomialSystem.VariableGroup g : groups) {
            for (int v : g.variables()) {
                if (seen[v]) {
                    throw new IllegalArgumentException("variable '" + names.get(v) + "' is in two groups");
                }
                seen[v] = true;
            }
        }
        for (int v = 0; v < seen.length; v++) {
            if (!seen[v]) {
                throw new IllegalArgumentException("variable '" + names.get(v) + "' is in no group");
            }
        }
        return new PolynomialSystem(names, equations, groups);
    }
}
