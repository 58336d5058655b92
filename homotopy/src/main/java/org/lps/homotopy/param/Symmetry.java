package org.lps.homotopy.param;

import org.lps.homotopy.poly.InvalidSystemException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hipparchus.complex.Complex;
import org.lps.homotopy.poly.Polynomial;
import org.lps.homotopy.poly.PolynomialSystem;

/**
 * A group of symmetries of a system given by generators that permute the unknowns and change their signs:
 * generator g maps x to y with y_i = sign_i x_perm(i). As a group action on solutions ({@link #apply}: the images
 * of a solution under the generators; monodromy closes the orbit) and as a parameterized family that keeps the
 * symmetry ({@link #family}), which monodromy needs: a random member of the family of all systems of the same support
 * is not symmetric, so the images of its solutions would not be solutions.
 *
 * <p>Text form (the {@code --symmetry} flag): generators separated by {@code ;}, each {@code perm:2,3,1} (1-based:
 * y_1 = x_2, y_2 = x_3, y_3 = x_1) or {@code sign:-1,1,1} (y_1 = -x_1), or both joined by {@code &}
 * ({@code perm:2,1&sign:-1,-1}). Every generator must map each equation to a multiple of itself (f_i(g x) = eps f_i(x)),
 * which {@link #family} checks.
 */
public final class Symmetry implements Function<double[], List<double[]>> {

    private final int n;
    private final List<int[]> perms;
    private final List<int[]> signs;

    /** Generator k is y_i = signs.get(k)[i] * x_perms.get(k)[i] (0-based permutation, signs +-1). */
    public Symmetry(int n, List<int[]> perms, List<int[]> signs) {
        if (perms.size() != signs.size() || perms.isEmpty()) {
            throw new InvalidSystemException("--symmetry: need at least one generator");
        }
        for (int k = 0; k < perms.size(); k++) {
            int[] p = perms.get(k), s = signs.get(k);
            if (p.length != n || s.length != n) {
                throw new InvalidSystemException("--symmetry: generator " + (k + 1) + " has " + Math.max(p.length,
                        s.length) + " entries for " + n + " unknowns");
            }
            boolean[] seen = new boolean[n];
            for (int i = 0; i < n; i++) {
                if (p[i] < 0 || p[i] >= n || seen[p[i]]) {
                    throw new InvalidSystemException("--symmetry: generator " + (k + 1) + " is not a permutation of 1.."
                            + n);
                }
                seen[p[i]] = true;
                if (s[i] != 1 && s[i] != -1) {
                    throw new InvalidSystemException("--symmetry: generator " + (k + 1) + ": signs must be 1 or -1");
                }
            }
        }
        this.n = n;
        this.perms = List.copyOf(perms);
        this.signs = List.copyOf(signs);
    }

    /** Parses the text form (see the class comment) for a system of {@code n} unknowns. */
    public static Symmetry parse(String spec, int n) {
        List<int[]> perms = new ArrayList<>(), signs = new ArrayList<>();
        for (String generator : spec.split(";")) {
            int[] perm = new int[n], sign = new int[n];
            Arrays.setAll(perm, i -> i);
            Arrays.fill(sign, 1);
            if (generator.isBlank()) {
                throw new InvalidSystemException("--symmetry " + spec + ": empty generator");
            }
            for (String part : generator.split("&")) {
                String p = part.trim();
                int colon = p.indexOf(':');
                String kind = colon < 0 ? p : p.substring(0, colon).trim();
                if (colon < 0 || !(kind.equals("perm") || kind.equals("sign"))) {
                    throw new InvalidSystemException("--symmetry: '" + p + "': expected perm:i,j,... or sign:s,t,...");
                }
                String[] cells = p.substring(colon + 1).split(",");
                if (cells.length != n) {
                    throw new InvalidSystemException("--symmetry: '" + p + "' has " + cells.length + " entries for "
                            + n + " unknowns");
                }
                for (int i = 0; i < n; i++) {
                    int v;
                    try {
                        v = Integer.parseInt(cells[i].trim());
                    } catch (NumberFormatException e) {
                        throw new InvalidSystemException("--symmetry: '" + cells[i].trim() + "' in '" + p
                                + "' is not an integer");
                    }
                    if (kind.equals("perm")) {
                        perm[i] = v - 1;
                    } else {
                        sign[i] = v;
                    }
                }
            }
            perms.add(perm);
            signs.add(sign);
        }
        return new Symmetry(n, perms, signs);
    }

    /** The group the generators generate (every element listed: monodromy's orbits and invariant trace slice). */
    public SignedPermutationGroup group() {
        List<SignedPermutation> generators = new ArrayList<>();
        for (int k = 0; k < perms.size(); k++) {
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = signs.get(k)[i];
            }
            generators.add(new SignedPermutation(perms.get(k).clone(), s));
        }
        try {
            return SignedPermutationGroup.generatedBy(n, generators);
        } catch (IllegalArgumentException e) {
            throw new InvalidSystemException("--symmetry: " + e.getMessage());
        }
    }

    /** The images of the solution x (interleaved) under the generators. */
    @Override
    public List<double[]> apply(double[] x) {
        List<double[]> out = new ArrayList<>(perms.size());
        for (int k = 0; k < perms.size(); k++) {
            int[] p = perms.get(k), s = signs.get(k);
            double[] y = new double[2 * n];
            for (int i = 0; i < n; i++) {
                y[2 * i] = s[i] * x[2 * p[i]];
                y[2 * i + 1] = s[i] * x[2 * p[i] + 1];
            }
            out.add(y);
        }
        return out;
    }

    /** A family that keeps the symmetry, and the point of it that is the system itself. */
    public record Family(ParameterizedSystem family, double[] actual) {
    }

    /**
     * The family of systems sharing this symmetry and the system's terms: one parameter per orbit of each equation's
     * monomials under the group (coefficient of x^a = c_a q_orbit, c_a the system's own coefficient), plus a
     * constant term where the system has none (so a start pair can be fitted; its actual value is 0). All ones is
     * the system. Refuses (IllegalArgumentException naming the generator and the equation) a generator that does
     * not map an equation to a multiple of itself, and an equation the symmetry makes odd but which lacks a
     * constant term.
     */
    public Family family(PolynomialSystem system) {
        if (system.variableCount() != n) {
            throw new InvalidSystemException("--symmetry: for " + n + " unknowns, but the system has "
                    + system.variableCount());
        }
        List<int[][]> monomials = new ArrayList<>();
        List<Polynomial> coefficients = new ArrayList<>();
        List<String> params = new ArrayList<>();
        List<double[]> actual = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Polynomial f = system.equation(i);
            Map<ExponentKey, Complex> terms = new LinkedHashMap<>();
            for (int t = 0; t < f.termCount(); t++) {
                terms.put(new ExponentKey(f.exponents(t, n)), f.coefficient(t));
            }
            boolean even = true;
            for (int k = 0; k < perms.size(); k++) {
                Complex eps = ratio(terms, k, i);
                even &= eps.subtract(Complex.ONE).norm() < 1e-9;
            }
            ExponentKey zero = new ExponentKey(new int[n]);
            boolean added = false;
            if (!terms.containsKey(zero)) {
                if (!even) {
                    throw new InvalidSystemException("--symmetry: equation " + (i + 1) + " changes sign under the"
                            + " symmetry and has no constant term, so no start pair can be fitted");
                }
                terms.put(zero, Complex.ONE);
                added = true;
            }
            // orbits of the monomials, in order of first appearance
            Map<ExponentKey, Integer> orbitOf = new HashMap<>();
            int orbits = 0;
            for (ExponentKey a : terms.keySet()) {
                if (orbitOf.containsKey(a)) {
                    continue;
                }
                List<ExponentKey> queue = new ArrayList<>(List.of(a));
                orbitOf.put(a, orbits);
                for (int q = 0; q < queue.size(); q++) {
                    for (int k = 0; k < perms.size(); k++) {
                        ExponentKey b = new ExponentKey(image(queue.get(q).a(), k));
                        if (orbitOf.putIfAbsent(b, orbits) == null) {
                            queue.add(b);
                        }
                    }
                }
                orbits++;
            }
            int first = params.size();
            for (int o = 0; o < orbits; o++) {
                params.add("q" + (i + 1) + "_" + (o + 1));
                actual.add(new double[] {1, 0});
            }
            List<int[]> a = new ArrayList<>();
            for (Map.Entry<ExponentKey, Complex> e : terms.entrySet()) {
                a.add(e.getKey().a());
                int k = first + orbitOf.get(e.getKey());
                Complex c = e.getValue();
                coefficients.add(Polynomial.variable(k).scale(c.getReal(), c.getImaginary()));
                if (added && e.getKey().equals(zero)) {
                    actual.set(k, new double[] {0, 0});
                }
            }
            monomials.add(a.toArray(new int[0][]));
        }
        double[] p = new double[2 * actual.size()];
        for (int k = 0; k < actual.size(); k++) {
            p[2 * k] = actual.get(k)[0];
            p[2 * k + 1] = actual.get(k)[1];
        }
        return new Family(ParameterizedSystem.fromTerms(system.variables(), params, monomials, coefficients), p);
    }

    /** eps with f_i(g_k x) = eps f_i(x), or an IllegalArgumentException. */
    private Complex ratio(Map<ExponentKey, Complex> f, int k, int equation) {
        Map<ExponentKey, Complex> g = new HashMap<>();
        double scale = 0;
        for (Map.Entry<ExponentKey, Complex> e : f.entrySet()) {
            int[] a = e.getKey().a();
            int sign = 1;
            for (int v = 0; v < n; v++) {
                if (signs.get(k)[v] < 0 && a[v] % 2 == 1) {
                    sign = -sign;
                }
            }
            g.put(new ExponentKey(image(a, k)), e.getValue().multiply(sign));
            scale = Math.max(scale, e.getValue().norm());
        }
        Complex eps = null;
        for (Map.Entry<ExponentKey, Complex> e : f.entrySet()) {
            Complex h = g.get(e.getKey());
            if (h == null) {
                throw notSymmetric(k, equation);
            }
            if (eps == null) {
                eps = h.divide(e.getValue());
            }
            if (h.subtract(e.getValue().multiply(eps)).norm() > 1e-12 * scale) {
                throw notSymmetric(k, equation);
            }
        }
        return eps;
    }

    private static InvalidSystemException notSymmetric(int k, int equation) {
        return new InvalidSystemException("--symmetry: generator " + (k + 1) + " does not map equation "
                + (equation + 1) + " to a multiple of itself");
    }

    /**
     * The exponent of x^a composed with generator k: prod_i (s_i x_p(i))^(a_i) = (sign) x^(a'), a'_p(i) = a_i.
     */
    private int[] image(int[] a, int k) {
        int[] p = perms.get(k);
        int[] b = new int[n];
        for (int i = 0; i < n; i++) {
            b[p[i]] += a[i];
        }
        return b;
    }
}
