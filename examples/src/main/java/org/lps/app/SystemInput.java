package org.lps.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lps.homotopy.family.StandardSystems;
import org.lps.homotopy.parse.Format;
import org.lps.homotopy.parse.SystemParser;
import org.lps.homotopy.poly.InvalidSystemException;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.homotopy.poly.SystemChecks;
import org.lps.init.lps.block.LpsBlockSystem;

/**
 * Where a command's polynomial system comes from: a file, standard input ({@code -}), or a built-in family
 * ({@code --system cyclic7}, or {@code --system lps-k2-d3} for an LPS block system with generic data). Exactly
 * one of the two must be given. Every problem is one line naming the file (or {@code <stdin>}, or the flag).
 */
final class SystemInput {

    static final String STDIN = "-";

    /** {@code lps-k2-d3}: the LPS block system of width 2 and degree 3 with generic data. */
    private static final Pattern LPS_BLOCK = Pattern.compile("lps-?k([1-9])-?d([1-9])");

    /** A loaded system, its name for messages, and the format its text looks like (null for a built-in). */
    record Loaded(PolynomialSystem system, String label, Format detected) {

        /**
         * The system is square with no constant equation ({@code who} needs that); else one line naming the source,
         * with a hint when a forced {@code --format} disagrees with what the text looks like.
         */
        Loaded requireSquare(String who, Format given, boolean nonConstant) {
            try {
                if (nonConstant) {
                    SystemChecks.requireSquareNonConstant(system, who);
                } else {
                    SystemChecks.requireSquare(system, who);
                }
            } catch (InvalidSystemException e) {
                throw new UserInputException(label + ": " + e.getMessage() + formatHint(given), e);
            }
            return this;
        }

        private String formatHint(Format given) {
            if (detected == null || given == Format.AUTO || given == detected) {
                return "";
            }
            return "; the file looks like " + name(detected) + " format but --format " + given.name().toLowerCase(Locale.ROOT)
                    + " was given";
        }

        private static String name(Format f) {
            return switch (f) {
                case PHC -> "PHCpack";
                case BERTINI -> "Bertini";
                default -> "plain";
            };
        }
    }

    private SystemInput() {
    }

    /** The system, with a one-line {@link UserInputException} when the source is wrong or unreadable. */
    static Loaded load(String file, String builtin, Format format, InputStream stdin) throws IOException {
        if ((file == null) == (builtin == null)) {
            throw new UserInputException(file == null
                    ? "no system given: name a FILE (or - for standard input) or use --system NAME, e.g. --system cyclic5"
                    : "give either a FILE or --system, not both");
        }
        if (builtin != null) {
            Matcher m = LPS_BLOCK.matcher(builtin.toLowerCase(Locale.ROOT));
            if (m.matches()) {
                return new Loaded(LpsBlockSystem.generic(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 1),
                        builtin, null);
            }
            return new Loaded(UserInputException.forFlag("--system", () -> StandardSystems.byName(builtin)), builtin, null);
        }
        if (file.equals(STDIN)) {
            String text = readText(stdin);
            return new Loaded(SystemParser.parse(text, "<stdin>", format), "<stdin>", SystemParser.detect(strip(text)));
        }
        Path p = Path.of(file);
        requireReadable(p);
        PolynomialSystem s = SystemParser.parse(p, format);
        Format detected = null;
        if (format != Format.AUTO) {
            // only for the hint when the forced format disagrees; the file is small (it parsed)
            detected = SystemParser.detect(strip(Files.readString(p, StandardCharsets.UTF_8)));
        }
        return new Loaded(s, file, detected);
    }

    /** An input file that is missing, a directory or unreadable: said in one line naming it. */
    static void requireReadable(Path p) {
        if (!Files.exists(p)) {
            throw new UserInputException(p + ": no such file");
        }
        if (Files.isDirectory(p)) {
            throw new UserInputException(p + ": is a directory, not a system file");
        }
        if (!Files.isReadable(p)) {
            throw new UserInputException(p + ": permission denied");
        }
    }

    private static String strip(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** A short name for reports: the family name or the file name. */
    static String label(String file, String builtin) {
        if (builtin != null) {
            return builtin;
        }
        return file.equals(STDIN) ? "<stdin>" : Path.of(file).getFileName().toString();
    }

    private static String readText(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes((int) SystemParser.MAX_FILE_BYTES + 1);
        if (bytes.length > SystemParser.MAX_FILE_BYTES) {
            throw new UserInputException("<stdin>: larger than " + (SystemParser.MAX_FILE_BYTES >> 20)
                    + " MiB, the limit for a system");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UserInputException("<stdin>: not a text file (invalid UTF-8)");
        }
    }
}
