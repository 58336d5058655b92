package org.lps.nets.init;

import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The schemes known by name: he and xavier from this module, plus every {@link WeightInit} registered with
 * {@link ServiceLoader}. A registered scheme with a built-in's name replaces it (lps-init's are richer).
 */
public final class WeightInits {

    private WeightInits() {
    }

    /** Every known scheme, by name. */
    public static Map<String, WeightInit> all() {
        Map<String, WeightInit> m = new TreeMap<>();
        m.put("he", new He());
        m.put("xavier", new Xavier());
        for (WeightInit w : ServiceLoader.load(WeightInit.class)) {
            m.put(w.name().toLowerCase(Locale.ROOT), w);
        }
        return m;
    }

    /** The scheme named {@code name}, or an error listing the known ones. */
    public static WeightInit byName(String name) {
        Map<String, WeightInit> m = all();
        WeightInit w = m.get(name.trim().toLowerCase(Locale.ROOT));
        if (w == null) {
            throw new IllegalArgumentException("--init '" + name + "': unknown scheme (known: " + String.join(", ", m.keySet()) + ")");
        }
        return w;
    }
}
