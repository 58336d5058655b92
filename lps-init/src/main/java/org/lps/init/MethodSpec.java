package org.lps.init;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * A method string as {@code lps init --method}, {@code lps train --init} and the studies take it, parsed:
 * {@code NAME[:P1[:P2...]]}, e.g. {@code he}, {@code fmp:0.8}, {@code hessian:in}; plus the options of
 * {@code lps init} that only some schemes read ({@code --degree}, for lps).
 *
 * <p>Parameters are separated by colons, not commas, so that lists of methods ({@code --methods
 * he,fmp:0.5,rai}) stay comma-separated. Each scheme interprets its own parameters in
 * {@link Initializer#configure(MethodSpec)}.
 *
 * @param name the scheme's name, lower case, trimmed
 * @param parameters the tokens after the name, trimmed, never empty strings
 * @param degree the polynomial degree of an LPS surrogate ({@code lps init --degree}), when given
 */
public record MethodSpec(String name, List<String> parameters, OptionalInt degree) {

    public MethodSpec {
        parameters = List.copyOf(parameters);
    }

    /** Parses {@code NAME[:P1[:P2...]]}; an empty name or an empty parameter is an error. */
    public static MethodSpec parse(String method) {
        String s = method == null ? "" : method.trim();
        String[] parts = s.split(":", -1);
        String name = parts[0].trim().toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("'" + s + "': a method needs a name, e.g. he or fmp:0.8");
        }
        List<String> params = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.isEmpty()) {
                throw new IllegalArgumentException("'" + s + "': empty parameter " + i + " (parameters are NAME:P1:P2...)");
            }
            String lower = p.toLowerCase(Locale.ROOT);
            int eq = lower.indexOf('=');
            if (eq > 0) {
                String key = lower.substring(0, eq).trim();
                // lps:k=2:k=3 would silently take one of the two
                if (params.stream().anyMatch(q -> q.indexOf('=') > 0 && q.substring(0, q.indexOf('=')).trim().equals(key))) {
                    throw new IllegalArgumentException("'" + s + "': parameter " + key + " is given twice");
                }
            }
            params.add(lower);
        }
        return new MethodSpec(name, params, OptionalInt.empty());
    }

    /** The same method with {@code lps init --degree} attached. */
    public MethodSpec withDegree(int d) {
        return new MethodSpec(name, parameters, OptionalInt.of(d));
    }

    /** The method string back: {@code name[:p1...]} (the degree is not part of it). */
    public String method() {
        return parameters.isEmpty() ? name : name + ":" + String.join(":", parameters);
    }

    /**
     * For schemes that read at most {@code maxParameters} parameters and no degree: throws a message saying
     * what the scheme takes ({@code syntax}, e.g. {@code fmp[:S]}) otherwise.
     */
    public void requireAtMost(int maxParameters, String syntax) {
        if (parameters.size() > maxParameters) {
            throw new IllegalArgumentException("'" + method() + "': " + (maxParameters == 0
                    ? name + " takes no parameters" : "too many parameters (the syntax is " + syntax + ")"));
        }
        if (degree.isPresent()) {
            throw new IllegalArgumentException("--degree " + degree.getAsInt() + ": " + name
                    + " has no polynomial degree (--degree is for lps)");
        }
    }

    /** Parameter {@code i} as a finite number, or an error naming the method. */
    public double number(int i, String what) {
        String p = parameters.get(i);
        try {
            double v = Double.parseDouble(p);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + method() + "': " + what + " '" + p + "' is not a finite number");
    }
}
