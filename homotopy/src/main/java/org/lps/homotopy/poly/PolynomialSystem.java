package org.lps.homotopy.poly;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Polynomial equations f_1 = ... = f_m = 0 in named variables, plus the variable groups the input declared
 * (Bertini's {@code variable_group} / {@code hom_variable_group}); immutable.
 *
 * <p>Without declared groups the system has one affine group holding every variable. A homogeneous group
 * means the equations are homogeneous in it and its solutions are points of projective space.
 */
public final class PolynomialSystem {

    /** A group of variable indices; {@code homogeneous} groups are projective coordinates. */
    public record VariableGroup(List<Integer> variables, boolean homogeneous) {
        public VariableGroup {
            variables = List.copyOf(variables);
        }
    }

    private final List<String> variables;
    private final List<Polynomial> equations;
    private final List<VariableGroup> groups;
    private final boolean groupsDeclared;

    public PolynomialSystem(List<String> variables, List<Polynomial> equations) {
        this(variables, equations, null);
    }

    /**
     * @param groups the declared variable groups, or null for "one affine group of all variables"
     */
    public PolynomialSystem(List<String> variables, List<Polynomial> equations, List<VariableGroup> groups) {
        this.variables = List.copyOf(variables);
        this.equations = List.copyOf(equations);
        Set<String> seen = new HashSet<>();
        for (String v : this.variables) {
            if (!seen.add(v)) {
                throw new IllegalArgumentException("variable '" + v + "' declared twice");
            }
        }
        for (int i = 0; i < this.equations.size(); i++) {
            if (this.equations.get(i).width() > this.variables.size()) {
                throw new IllegalArgumentException("equation " + (i + 1) + " uses variable index "
                        + (this.equations.get(i).width() - 1) + " but only " + this.variables.size() + " are named");
            }
        }
        this.groupsDeclared = groups != null;
        if (groups == null) {
            List<Integer> all = new ArrayList<>();
            for (int v = 0; v < this.variables.size(); v++) {
                all.add(v);
            }
            this.groups = List.of(new VariableGroup(all, false));
        } else {
            this.groups = List.copyOf(groups);
        }
    }

    public List<String> variables() {
        return variables;
    }

    public List<Polynomial> equations() {
        return equations;
    }

    public Polynomial equation(int i) {
        return equations.get(i);
    }

    public int equationCount() {
        return equations.size();
    }

    public int variableCount() {
        return variables.size();
    }

    public List<VariableGroup> groups() {
        return groups;
    }

    /** Whether the input declared variable groups (rather than the default single affine group). */
    public boolean groupsDeclared() {
        return groupsDeclared;
    }

    /** The number of homogeneous (projective) variable groups. */
    public int homogeneousGroupCount() {
        int h = 0;
        for (VariableGroup g : groups) {
            if (g.homogeneous()) {
                h++;
            }
        }
        return h;
    }

    /**
     * The dimension of the solution space the variables describe: variables minus one per projective group.
     * A system is square when it has that many equations.
     */
    public int dimension() {
        return variables.size() - homogeneousGroupCount();
    }

    public boolean isSquare() {
        return equations.size() == dimension();
    }

    /**
     * The same system with its variables listed in {@code order} (a permutation of {@link #variables()}); the
     * equations are rewritten accordingly. Declared groups are carried over.
     */
    public PolynomialSystem withVariableOrder(List<String> order) {
        if (order.size() != variables.size() || !new HashSet<>(order).equals(new HashSet<>(variables))) {
            throw new IllegalArgumentException("not a permutation of the variables " + variables + ": " + order);
        }
        int[] map = new int[variables.size()];
        for (int v = 0; v < map.length; v++) {
            map[v] = order.indexOf(variables.get(v));
        }
        List<Polynomial> eqs = new ArrayList<>();
        for (Polynomial p : equations) {
            eqs.add(p.substituteVariables(map));
        }
        List<VariableGroup> gs = null;
        if (groupsDeclared) {
            gs = new ArrayList<>();
            for (VariableGroup g : groups) {
                List<Integer> vs = new ArrayList<>();
                for (int v : g.variables()) {
                    vs.add(map[v]);
                }
                gs.add(new VariableGroup(vs, g.homogeneous()));
            }
        }
        return new PolynomialSystem(order, eqs, gs);
    }

    /** The degrees of the equations, in order. */
    public int[] degrees() {
        int[] d = new int[equations.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = equations.get(i).degree();
        }
        return d;
    }

    /** The Jacobian matrix of partial derivatives, row i = gradient of equation i. */
    public Polynomial[][] jacobian() {
        Polynomial[][] j = new Polynomial[equations.size()][variables.size()];
        for (int i = 0; i < j.length; i++) {
            for (int v = 0; v < variables.size(); v++) {
                j[i][v] = equations.get(i).derivative(v);
            }
        }
        return j;
    }

    /** The system in PHCpack input format (equation count and, when it differs, variable count first). */
    public String toPhcFormat() {
        StringBuilder sb = new StringBuilder();
        sb.append(equations.size());
        if (equations.size() != variables.size()) {
            sb.append(' ').append(variables.size());
        }
        sb.append('\n');
        for (Polynomial p : equations) {
            sb.append(' ').append(p.format(variables)).append(";\n");
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return toPhcFormat();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PolynomialSystem s && variables.equals(s.variables) && equations.equals(s.equations)
                && groups.equals(s.groups);
    }

    @Override
    public int hashCode() {
        return Collections.unmodifiableList(equations).hashCode() * 31 + variables.hashCode();
    }
}
