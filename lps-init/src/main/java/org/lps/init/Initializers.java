package org.lps.init;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.lps.nets.init.WeightInit;
import org.lps.nets.init.WeightInits;
import org.lps.nets.model.Model;

/**
 * Initialization methods by name, with parameters: {@code Initializers.parse("fmp:0.8")}. Used by
 * {@code lps init --method}, {@code lps train --init} and the studies, so every command spells methods the
 * same way.
 *
 * <p>The names are those of {@link WeightInits#all()}: nets' built-in he and xavier, replaced by or joined
 * with every scheme registered with {@link java.util.ServiceLoader} (this module's, and lps). One alias
 * exists: {@code xavier} is {@code xavier-uniform} (nets' Xavier draws the very same numbers).
 */
public final class Initializers {

    /** Other spellings of a scheme's name. */
    private static final Map<String, String> ALIASES = Map.of("xavier", "xavier-uniform");

    private Initializers() {
    }

    /** Parses {@code NAME[:P1[:P2...]]} and returns the configured scheme, or an error listing every method. */
    public static Initializer parse(String method) {
        return parse(MethodSpec.parse(method));
    }

    /** The scheme {@code spec} names, configured with its parameters (and degree). */
    public static Initializer parse(MethodSpec spec) {
        Map<String, WeightInit> all = WeightInits.all();
        String name = spec.name();
        String target = ALIASES.get(name);
        if (target != null && all.containsKey(target)) {
            // The alias wins over nets' own scheme of that name: both draw the same numbers, and
            // lps-init's knows its parameters.
            spec = new MethodSpec(target, spec.parameters(), spec.degree());
        }
        WeightInit w = all.get(spec.name());
        if (w == null) {
            throw new IllegalArgumentException("'" + spec.method() + "': unknown scheme (known: " + String.join(", ", syntaxes()) + ")");
        }
        if (w instanceof Initializer i) {
            return i.configure(spec);
        }
        spec.requireAtMost(0, w.name());
        return new Plain(w);
    }

    /** Every method as it is spelled with its parameters, sorted: {@code fmp[:S]}, {@code he}, ... */
    public static List<String> syntaxes() {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, WeightInit> e : WeightInits.all().entrySet()) {
            WeightInit w = e.getValue();
            out.put(e.getKey(), w instanceof Initializer i ? i.syntax() : e.getKey());
        }
        ALIASES.forEach((alias, target) -> {
            if (out.containsKey(target)) {
                out.put(alias, alias + " (= " + target + ")");
            }
        });
        return new ArrayList<>(out.values());
    }

    /** Every method name (without parameter syntax), sorted, aliases included. */
    public static List<String> names() {
        TreeMap<String, Boolean> n = new TreeMap<>();
        WeightInits.all().keySet().forEach(k -> n.put(k, true));
        ALIASES.keySet().forEach(k -> n.put(k, true));
        return new ArrayList<>(n.keySet());
    }

    /** Every distinct scheme once (aliases left out), sorted: what "compare every scheme" should run. */
    public static List<String> schemes() {
        TreeMap<String, Boolean> n = new TreeMap<>();
        WeightInits.all().keySet().stream().filter(k -> !ALIASES.containsKey(k)).forEach(k -> n.put(k, true));
        return new ArrayList<>(n.keySet());
    }

    /** A scheme of nets that is not an {@link Initializer}: no parameters, no details. */
    private record Plain(WeightInit scheme) implements Initializer {
        @Override
        public String name() {
            return scheme.name();
        }

        @Override
        public String description() {
            return scheme.description();
        }

        @Override
        public void initialize(Model model, long seed) {
            scheme.initialize(model, seed);
        }

        @Override
        public Optional<Object> details() {
            return Optional.empty();
        }
    }
}
