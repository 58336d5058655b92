package org.lps.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A directory of polynomial systems in PHCpack's demo-database layout (Debian's phcpack-doc:
 * /usr/share/doc/phcpack/examples): one system per file, a READ_ME whose table of characteristics gives, per
 * name, the dimension, root counts and the number of isolated solutions, and in most files the solutions
 * themselves after "THE SOLUTIONS :".
 *
 * <p>Where the known solution count comes from, in this order: the READ_ME table's {@code #sols} column (the
 * number of isolated solutions in C*, written for the 70 original systems); else the file's own solution list,
 * whose header "N n" gives N solutions of n unknowns; in a list of generators ("THE SOLUTIONS : (generating)"
 * or "(generators)", "THE GENERATING SOLUTIONS": cyclic5, cyclic10, cyclic11, ...) each listed solution stands
 * for its orbit under the system's symmetry and "m : k" is the orbit size, so the count is the sum of the k. Elsewhere "m" is a path count of an old run (katsura8 lists 256 solutions, two of
 * them with m = 63 and m = 86 for the paths to infinity that clustered there) and is not used.
 */
final class DemoCatalog {

    /** The file of the database that is not a system. */
    static final String README = "READ_ME";

    /** Where a known count was read: the READ_ME table, the file's solution list, or nowhere. */
    enum Source {
        TABLE("READ_ME table"), FILE_LIST("file's solution list"), FILE_GENERATING("file's generating list"), NONE("unknown");

        final String label;

        Source(String label) {
            this.label = label;
        }
    }

    /** One system of the database: its file, and its known solution count (null when neither source gives one). */
    record Entry(String name, Path file, Long known, Source source) {
    }

    private static final Pattern TABLE_ROW = Pattern.compile(
            "^\\s*([A-Za-z0-9_]+)\\s*:\\s*(\\d+)\\s*:\\s*(\\d+)\\s*:\\s*(\\d+)\\s*:\\s*(\\d+)\\s*:\\s*(\\d+)\\s*:\\s*(\\d+)\\s*$");
    private static final Pattern SOLUTIONS = Pattern.compile("^\\s*THE (GENERATING )?SOLUTIONS\\b.*$", Pattern.MULTILINE);
    private static final Pattern LIST_HEADER = Pattern.compile("\\s*(\\d+)[ \\t]+(\\d+)[ \\t]*\\R");
    private static final Pattern MULTIPLICITY = Pattern.compile("^m\\s*:\\s*(\\d+)\\s*$", Pattern.MULTILINE);

    private DemoCatalog() {
    }

    /** Every file of {@code dir} but the READ_ME, by name, with its known count. */
    static List<Entry> read(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new UserInputException(dir + ": not a directory");
        }
        Path readme = dir.resolve(README);
        Map<String, Long> table = Files.isRegularFile(readme)
                ? tableCounts(Files.readString(readme, StandardCharsets.ISO_8859_1)) : Map.of();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals(README))
                    .sorted().toList();
        }
        List<Entry> entries = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            Long fromTable = table.get(name);
            if (fromTable != null) {
                entries.add(new Entry(name, f, fromTable, Source.TABLE));
                continue;
            }
            ListCount c = listCount(Files.readString(f, StandardCharsets.ISO_8859_1));
            entries.add(c == null ? new Entry(name, f, null, Source.NONE) : new Entry(name, f, c.count(), c.source()));
        }
        return entries;
    }

    /** The READ_ME table: name to the last column, {@code #sols}. */
    static Map<String, Long> tableCounts(String readme) {
        Map<String, Long> counts = new HashMap<>();
        for (String line : readme.split("\\R")) {
            Matcher m = TABLE_ROW.matcher(line);
            if (m.matches()) {
                counts.put(m.group(1), Long.parseLong(m.group(7)));
            }
        }
        return counts;
    }

    record ListCount(long count, Source source) {
    }

    /** The count a file's own solution list gives, or null if it has none with a header. */
    static ListCount listCount(String text) {
        Matcher s = SOLUTIONS.matcher(text);
        if (!s.find()) {
            return null;
        }
        boolean generating = s.group().toLowerCase(java.util.Locale.ROOT).contains("generat");
        // the header "N n" is the first non-blank line after the title
        Matcher h = LIST_HEADER.matcher(text);
        h.region(s.end(), text.length());
        if (!h.lookingAt()) {
            return null;
        }
        long n = Long.parseLong(h.group(1));
        if (!generating) {
            return new ListCount(n, Source.FILE_LIST);
        }
        Matcher m = MULTIPLICITY.matcher(text);
        m.region(h.end(), text.length());
        long orbits = 0;
        int listed = 0;
        while (m.find()) {
            orbits += Long.parseLong(m.group(1));
            listed++;
        }
        return listed == n ? new ListCount(orbits, Source.FILE_GENERATING) : null;
    }
}
