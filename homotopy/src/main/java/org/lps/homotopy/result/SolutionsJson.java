package org.lps.homotopy.result;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads points from the JSON {@code lps solve --out S.json} writes: an object with a {@code solutions} array whose
 * entries have {@code x} = [[re, im], ...] (nothing else is required, so other programs' points can be given; a bare
 * array of such entries is accepted too). When the file names its {@code variables}, coordinates are matched to the
 * system's variables by name; otherwise they are taken in the system's order. Any problem is an
 * {@link IllegalArgumentException} naming the file and, where known, the line and column or the solution.
 */
public final class SolutionsJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    /** Files above this size are refused (a million solutions of 20 unknowns is far less). */
    public static final long MAX_BYTES = 512L << 20;

    private SolutionsJson() {
    }

    /** The points (2n doubles each, interleaved re, im) in the order of {@code variables}. */
    public static List<double[]> read(Path file, List<String> variables) throws IOException {
        if (Files.size(file) > MAX_BYTES) {
            throw new IllegalArgumentException(file + ": larger than " + (MAX_BYTES >> 20) + " MiB");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            String where = l == null ? "" : ":" + l.getLineNr() + ":" + l.getColumnNr();
            String m = e.getOriginalMessage();
            int cut = m.indexOf(" (start marker");
            throw new IllegalArgumentException(file + where + ": not valid JSON: "
                    + (cut > 0 ? m.substring(0, cut) : m).replace('\n', ' '));
        }
        return parse(root, file.toString(), variables);
    }

    static List<double[]> parse(JsonNode root, String name, List<String> variables) {
        if (root == null || root.isMissingNode()) {
            throw new IllegalArgumentException(name + ": empty file");
        }
        JsonNode sols = root.isArray() ? root : root.get("solutions");
        if (sols == null || !sols.isArray()) {
            throw new IllegalArgumentException(name + ": no \"solutions\" array (write it with lps solve --out FILE.json)");
        }
        int n = variables.size();
        int[] order = new int[n];   // coordinate of the file for each system variable
        for (int v = 0; v < n; v++) {
            order[v] = v;
        }
        JsonNode vars = root.isObject() ? root.get("variables") : null;
        if (vars != null) {
            if (!vars.isArray() || vars.size() != n) {
                throw new IllegalArgumentException(name + ": \"variables\" must list the system's " + n + " variables "
                        + variables + ", got " + vars);
            }
            Map<String, Integer> at = new HashMap<>();
            for (int k = 0; k < n; k++) {
                at.put(vars.get(k).asText(), k);
            }
            for (int v = 0; v < n; v++) {
                Integer k = at.get(variables.get(v));
                if (k == null) {
                    throw new IllegalArgumentException(name + ": \"variables\" " + vars + " do not match the system's "
                            + variables);
                }
                order[v] = k;
            }
        }
        List<double[]> points = new ArrayList<>();
        for (int s = 0; s < sols.size(); s++) {
            String where = name + ": solution " + (s + 1);
            JsonNode x = sols.get(s).get("x");
            if (x == null || !x.isArray()) {
                throw new IllegalArgumentException(where + ": no \"x\" array of [re, im] pairs");
            }
            if (x.size() != n) {
                throw new IllegalArgumentException(where + ": " + x.size() + " coordinates, the system has " + n
                        + " unknowns " + variables);
            }
            double[] p = new double[2 * n];
            for (int v = 0; v < n; v++) {
                JsonNode c = x.get(order[v]);
                if (!c.isArray() || c.size() != 2 || !c.get(0).isNumber() || !c.get(1).isNumber()) {
                    throw new IllegalArgumentException(where + ", coordinate " + (order[v] + 1)
                            + ": expected [re, im] (two numbers), got " + c);
                }
                p[2 * v] = c.get(0).doubleValue();
                p[2 * v + 1] = c.get(1).doubleValue();
                if (!Double.isFinite(p[2 * v]) || !Double.isFinite(p[2 * v + 1])) {
                    throw new IllegalArgumentException(where + ", coordinate " + (order[v] + 1) + ": not finite: " + c);
                }
            }
            points.add(p);
        }
        return points;
    }
}
