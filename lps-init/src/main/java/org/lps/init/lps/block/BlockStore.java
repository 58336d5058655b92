package org.lps.init.lps.block;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lps.io.AtomicFile;

/**
 * Solved blocks on disk, between runs: one JSON file per block in the user's cache directory
 * ({@code $XDG_CACHE_HOME/lps/blocks}, else {@code ~/.cache/lps/blocks}), named by a hash of everything that defines
 * the solution: the block spec (activation, degree, fit measure, k, lambda, target), the solver and its seed, and
 * {@link #FORMAT} (raise it when the solver or the file changes what a solution is).
 *
 * <p>A file is written whole or not at all ({@link AtomicFile}). On reading, it must parse, carry the same key and
 * the same fitted coefficients, and every minimum must be a critical point of the block's J (gradient below
 * {@link #RESIDUAL}, J as stored): otherwise one line on stderr says which file and why, and the block is solved
 * again (and the file rewritten). A cached weight is therefore never one the solver would not give.
 */
public final class BlockStore {

    /** The file format and solver generation; part of the key. */
    public static final int FORMAT = 1;

    /** Largest |grad J| accepted at a cached minimum. */
    static final double RESIDUAL = 1e-8;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;
    private final PrintStream warnings;

    public BlockStore(Path directory, PrintStream warnings) {
        this.directory = directory;
        this.warnings = warnings;
    }

    /** The user's cache: {@code $XDG_CACHE_HOME/lps/blocks}, else {@code ~/.cache/lps/blocks}; warnings to stderr. */
    public static BlockStore user() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return new BlockStore(base.resolve("lps").resolve("blocks"), System.err);
    }

    public Path directory() {
        return directory;
    }

    /** Everything that defines a stored solution, as ordered text. */
    static Map<String, String> key(BlockSpec spec, long seed, BlockSolver.Method method) {
        Map<String, String> k = new LinkedHashMap<>();
        k.put("format", Integer.toString(FORMAT));
        k.put("activation", spec.activation().name());
        k.put("degree", Integer.toString(spec.degree()));
        k.put("measure", spec.measure().spec());
        k.put("k", Integer.toString(spec.width()));
        k.put("lambda", Double.toString(spec.lambda()));
        k.put("target", spec.target().label());
        k.put("solver", method.label());
        k.put("seed", Long.toString(seed));
        return k;
    }

    /** The file of a key. */
    Path file(Map<String, String> key) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.toString().getBytes(StandardCharsets.UTF_8));
            return directory.resolve("block-" + HexFormat.of().formatHex(h, 0, 16) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored solution, if there is a valid one; a file that is not says so on stderr and gives empty. */
    public Optional<BlockSolution> load(BlockSpec spec, long seed, BlockSolver.Method method) {
        Map<String, String> key = key(spec, seed, method);
        Path f = file(key);
        String text;
        try {
            text = Files.readString(f, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return reject(f, "unreadable: " + e.getMessage());
        }
        try {
            JsonNode root = JSON.readTree(text);
            if (root == null || !root.isObject() || !root.has("key") || !root.has("solution")) {
                return reject(f, "not a block cache file");
            }
            Map<String, String> stored = new LinkedHashMap<>();
            root.get("key").fields().forEachRemaining(e -> stored.put(e.getKey(), e.getValue().asText()));
            if (!stored.equals(key)) {
                return reject(f, "written for another block or solver version (" + stored + ")");
            }
            BlockSolution s = solution(spec, root.get("solution"));
            String bad = validate(s);
            return bad == null ? Optional.of(s) : reject(f, bad);
        } catch (IOException | RuntimeException e) {
            return reject(f, "corrupt (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }

    private Optional<BlockSolution> reject(Path f, String why) {
        warnings.println("lps: block cache " + f + ": " + why.replace('\n', ' ') + "; solving the block again");
        return Optional.empty();
    }

    /** Why a parsed solution is not this block's, or null. */
    private static String validate(BlockSolution s) {
        BlockProblem p = BlockProblem.of(s.spec());
        if (!java.util.Arrays.equals(p.fit().coefficients(), s.coefficients())) {
            return "its fitted coefficients differ from this build's fit";
        }
        if (s.minima().isEmpty()) {
            return "no minimum";
        }
        for (CriticalPoint c : s.minima()) {
            double[] theta = c.theta();
            if (theta.length != p.unknowns()) {
                return "a minimum has " + theta.length + " coordinates, not " + p.unknowns();
            }
            double g = 0;
            for (double x : p.gradient(theta)) {
                g = Math.max(g, Math.abs(x));
            }
            if (!(g <= RESIDUAL)) {
                return "a minimum is not a critical point (|grad J| = " + g + ")";
            }
            double j = p.loss(theta);
            if (!(Math.abs(j - c.loss()) <= 1e-9 * Math.max(1, Math.abs(j)))) {
                return "a minimum's J is " + j + ", stored " + c.loss();
            }
        }
        return null;
    }

    /** Writes the solution (whole or not at all); a failure is one line on stderr, never an error of the run. */
    public void store(BlockSolution s, long seed, BlockSolver.Method method) {
        Map<String, String> key = key(s.spec(), seed, method);
        Path f = file(key);
        ObjectNode root = JSON.createObjectNode();
        ObjectNode k = root.putObject("key");
        key.forEach(k::put);
        ObjectNode o = root.putObject("solution");
        putArray(o.putArray("coefficients"), s.coefficients());
        o.put("fitDegree", s.fitDegree());
        o.put("totalDegree", s.totalDegree().toString());
        o.put("linearProductBound", s.linearProductBound().toString());
        o.put("paths", s.paths());
        o.put("failed", s.failed());
        o.put("atInfinity", s.atInfinity());
        o.put("finite", s.finite());
        o.put("singular", s.singular());
        o.put("realCritical", s.realCritical());
        o.put("saddles", s.saddles());
        o.put("maxima", s.maxima());
        o.put("degenerate", s.degenerate());
        o.put("seconds", s.seconds());
        ArrayNode minima = o.putArray("minima");
        for (CriticalPoint c : s.minima()) {
            ObjectNode m = minima.addObject();
            putArray(m.putArray("theta"), c.theta());
            m.put("loss", c.loss());
            m.put("kind", c.kind().name());
            putArray(m.putArray("eigenvalues"), c.eigenvalues());
            m.put("gradientNorm", c.gradientNorm());
            m.put("copies", c.copies());
        }
        try {
            Files.createDirectories(directory);
            AtomicFile.writeString(f, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
        } catch (IOException | RuntimeException e) {
            warnings.println("lps: could not write the block cache " + f + ": " + e.getMessage());
        }
    }

    private static void putArray(ArrayNode a, double[] x) {
        for (double v : x) {
            a.add(v);
        }
    }

    private static double[] doubles(JsonNode a) {
        if (a == null || !a.isArray()) {
            throw new IllegalArgumentException("expected an array of numbers");
        }
        double[] x = new double[a.size()];
        for (int i = 0; i < x.length; i++) {
            if (!a.get(i).isNumber()) {
                throw new IllegalArgumentException("expected a number, got " + a.get(i));
            }
            x[i] = a.get(i).doubleValue();
        }
        return x;
    }

    private static long integer(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || !v.canConvertToLong()) {
            throw new IllegalArgumentException("missing or non-integer '" + field + "'");
        }
        return v.asLong();
    }

    private static BlockSolution solution(BlockSpec spec, JsonNode o) {
        List<CriticalPoint> minima = new ArrayList<>();
        JsonNode ms = o.get("minima");
        if (ms == null || !ms.isArray()) {
            throw new IllegalArgumentException("no minima");
        }
        for (JsonNode m : ms) {
            JsonNode loss = m.get("loss");
            JsonNode gn = m.get("gradientNorm");
            if (loss == null || !loss.isNumber() || gn == null || !gn.isNumber()) {
                throw new IllegalArgumentException("a minimum without loss or gradientNorm");
            }
            minima.add(new CriticalPoint(doubles(m.get("theta")), loss.doubleValue(),
                    CriticalPoint.Kind.valueOf(m.path("kind").asText()), doubles(m.get("eigenvalues")),
                    gn.doubleValue(), (int) integer(m, "copies")));
        }
        return new BlockSolution(spec, doubles(o.get("coefficients")), (int) integer(o, "fitDegree"),
                new BigInteger(o.path("totalDegree").asText()), new BigInteger(o.path("linearProductBound").asText()),
                integer(o, "paths"), integer(o, "failed"), integer(o, "atInfinity"), integer(o, "finite"),
                integer(o, "singular"), integer(o, "realCritical"), minima, (int) integer(o, "saddles"),
                (int) integer(o, "maxima"), (int) integer(o, "degenerate"), o.path("seconds").asDouble());
    }
}
