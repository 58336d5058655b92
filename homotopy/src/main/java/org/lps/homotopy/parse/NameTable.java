package org.lps.homotopy.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lps.homotopy.poly.Polynomial;

/**
 * Symbols of the PHCpack and plain formats: {@code i} and {@code I} are the imaginary unit, every other name
 * is a variable, numbered in order of first appearance (unless declared up front).
 */
final class NameTable implements ExpressionParser.Symbols {

    private static final Polynomial IMAGINARY_UNIT = Polynomial.constant(0.0, 1.0);

    private final Map<String, Integer> index = new LinkedHashMap<>();

    NameTable(List<String> declared) {
        for (String n : declared) {
            index.putIfAbsent(n, index.size());
        }
    }

    @Override
    public Polynomial resolve(Token name) {
        String n = name.text();
        if (n.equals("i") || n.equals("I")) {
            return IMAGINARY_UNIT;
        }
        Integer v = index.get(n);
        if (v == null) {
            v = index.size();
            index.put(n, v);
        }
        return Polynomial.variable(v);
    }

    List<String> names() {
        return new ArrayList<>(index.keySet());
    }
}
