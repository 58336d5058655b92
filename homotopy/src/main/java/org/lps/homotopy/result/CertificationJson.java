package org.lps.homotopy.result;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.lps.homotopy.certify.Certificate;
import org.lps.homotopy.certify.Certification;

/**
 * Certification results as JSON (DESIGN.md keys): overall {@code certifiedDistinct} and {@code certifiedReal}, per
 * solution {@code certified} and {@code certifiedReal}. Extra keys: overall {@code certified} (boxes certified, copies
 * counted), {@code uncertified}, {@code ambiguous}, {@code realCoefficients}, {@code certifySeconds}; per solution
 * {@code reality} ("real", "not real", "undecided", "system has non-real coefficients", "not certified"),
 * {@code precision}, {@code radius} (largest half-width of the enclosure), {@code sameAs} (1-based index of an
 * earlier solution with the same certified zero), {@code reason} (why not certified), and with boxes
 * {@code enclosure} as [[reLo, reHi, imLo, imHi], ...].
 */
public final class CertificationJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CertificationJson() {
    }

    /** Adds the overall keys to {@code root}, and the per-solution keys to its {@code solutions} array if present. */
    public static void addTo(ObjectNode root, Certification c) {
        putTotals(root, c);
        if (root.get("solutions") instanceof ArrayNode sols) {
            for (int i = 0; i < sols.size() && i < c.size(); i++) {
                putSolution((ObjectNode) sols.get(i), c, i, false);
            }
        }
    }

    /** A stand-alone report ({@code lps certify --json}): totals and one entry per point with its box. */
    public static ObjectNode toJson(Certification c, List<String> variables) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode vars = root.putArray("variables");
        variables.forEach(vars::add);
        root.put("points", c.size());
        putTotals(root, c);
        ArrayNode sols = root.putArray("solutions");
        for (int i = 0; i < c.size(); i++) {
            ObjectNode o = sols.addObject();
            ArrayNode x = o.putArray("x");
            double[] p = c.get(i).center();
            for (int k = 0; k < p.length; k += 2) {
                x.addArray().add(p[k]).add(p[k + 1]);
            }
            putSolution(o, c, i, true);
        }
        return root;
    }

    private static void putTotals(ObjectNode root, Certification c) {
        root.put("certifiedDistinct", c.certifiedDistinct());
        root.put("certifiedReal", c.certifiedReal());
        root.put("certified", c.certified());
        root.put("uncertified", c.uncertified());
        root.put("ambiguous", c.ambiguous());
        root.put("realCoefficients", c.realCoefficients());
        root.put("certifySeconds", Math.round(c.seconds() * 1e4) / 1e4);
    }

    private static void putSolution(ObjectNode o, Certification c, int i, boolean boxes) {
        Certificate k = c.get(i);
        o.put("certified", k.certified());
        o.put("certifiedReal", k.certifiedReal());
        o.put("reality", k.reality().label());
        if (k.certified()) {
            o.put("precision", k.precision());
            o.put("radius", k.radius());
            if (c.sameAs()[i] >= 0) {
                o.put("sameAs", c.sameAs()[i] + 1);
            }
            if (boxes) {
                ArrayNode e = o.putArray("enclosure");
                double[] b = k.enclosure();
                for (int v = 0; v < b.length; v += 4) {
                    e.addArray().add(b[v]).add(b[v + 1]).add(b[v + 2]).add(b[v + 3]);
                }
            }
        } else {
            o.put("reason", k.reason());
        }
    }
}
