package org.lps.app;

import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code lps solve FILE} as a separate process, the way a user runs it: by default the JVM and jar this process
 * runs on, with the JVM flags it was given (the launcher's class-data-sharing archive among them), so the
 * child starts as the user's {@code ./lps} would; or any command prefix (e.g. {@code ./lps}, to count the
 * launcher too). The counts are read from the summary {@code lps solve} prints.
 */
final class LpsProcess {

    /** What the summary says: paths tracked, solutions (singular ones with multiplicity), in-process seconds. */
    record Summary(long paths, long nonsingular, long singularWithMultiplicity, double solveSeconds) {

        long solutions() {
            return nonsingular + singularWithMultiplicity;
        }
    }

    private static final Pattern PATHS = Pattern.compile("^\\s*start system\\s+.*?, (\\d+) paths?\\s*$", Pattern.MULTILINE);
    private static final Pattern NONSINGULAR = Pattern.compile("^\\s*nonsingular\\s+(\\d+)\\s*$", Pattern.MULTILINE);
    private static final Pattern SINGULAR = Pattern.compile(
            "^\\s*singular\\s+(\\d+)(?:\\s+\\(multiplicit(?:y|ies) ([\\d, ]+)\\))?\\s*$", Pattern.MULTILINE);
    private static final Pattern TIME = Pattern.compile("^\\s*time\\s+([0-9.]+) s\\b", Pattern.MULTILINE);

    private LpsProcess() {
    }

    /**
     * The command that starts {@code lps}: {@code prefix} split at blanks if given, else this JVM's java with its
     * memory, CDS and -XX flags, and {@code -jar} this jar (or {@code -cp} and the main class when not run from
     * a jar, as in tests). A relative program path in {@code prefix} ({@code ./lps}) is made absolute here: the
     * processes run in a directory of their own.
     */
    static List<String> command(String prefix) {
        if (prefix != null && !prefix.isBlank()) {
            List<String> words = new ArrayList<>(List.of(prefix.trim().split("\\s+")));
            String program = words.get(0);
            if (program.contains("/") && !Path.of(program).isAbsolute()) {
                words.set(0, Path.of(program).toAbsolutePath().normalize().toString());
            }
            return List.copyOf(words);
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-XX:") || a.startsWith("-Xshare") || a.startsWith("-Xss") || a.startsWith("-Xmx")
                    || a.startsWith("-Xms")) {
                cmd.add(a);
            }
        }
        Path jar = ownJar();
        if (jar != null) {
            cmd.add("-jar");
            cmd.add(jar.toString());
        } else {
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add(LpsApp.class.getName());
        }
        return cmd;
    }

    /** The jar this class was loaded from, or null (classes directory). */
    static Path ownJar() {
        try {
            Path p = Path.of(LpsApp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? p : null;
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return null;
        }
    }

    /** The arguments after the command: {@code solve FILE --seed S}, and {@code --threads N} unless N is 0. */
    static List<String> solveArguments(Path file, long seed, int threads) {
        List<String> a = new ArrayList<>(List.of("solve", file.toAbsolutePath().toString(), "--seed", Long.toString(seed)));
        if (threads > 0) {
            a.addAll(List.of("--threads", Integer.toString(threads)));
        }
        return a;
    }

    /** A command for display: a long argument (a test's class path) cut short. */
    static String display(List<String> command) {
        return String.join(" ", command.stream().map(a -> a.length() > 120 ? a.substring(0, 60) + "..." : a).toList());
    }

    /** The counts of {@code lps solve}'s summary, or null if {@code stdout} is not one. */
    static Summary parse(String stdout) {
        Matcher p = PATHS.matcher(stdout);
        Matcher n = NONSINGULAR.matcher(stdout);
        Matcher s = SINGULAR.matcher(stdout);
        Matcher t = TIME.matcher(stdout);
        if (!p.find() || !n.find() || !s.find() || !t.find()) {
            return null;
        }
        long singular = Long.parseLong(s.group(1));
        long withMultiplicity = 0;
        if (singular > 0) {
            if (s.group(2) == null) {
                return null;
            }
            long[] m = Arrays.stream(s.group(2).split(",")).map(String::trim).mapToLong(Long::parseLong).toArray();
            if (m.length != singular) {
                return null;
            }
            withMultiplicity = Arrays.stream(m).sum();
        }
        return new Summary(Long.parseLong(p.group(1)), Long.parseLong(n.group(1)), withMultiplicity,
                Double.parseDouble(t.group(1)));
    }
}
