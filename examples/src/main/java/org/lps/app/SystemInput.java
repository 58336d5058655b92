package org.lps.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lps.homotopy.family.StandardSystems;
import org.lps.homotopy.parse.Format;
import org.lps.homotopy.parse.SystemParser;
import org.lps.homotopy.poly.PolynomialSystem;
import org.lps.init.lps.LpsBlockSystem;

/**
 * Where a command's polynomial system comes from: a file, standard input ({@code -}), or a built-in family
 * ({@code --system cyclic7}, or {@code --system lps-k2-d3} for an LPS block system with generic data). Exactly
 * one of the two must be given.
 */
final class SystemInput {

    static final String STDIN = "-";

    /** {@code lps-k2-d3}: the LPS block system of width 2 and degree 3 with generic data. */
    private static final Pattern LPS_BLOCK = Pattern.compile("lps-?k([1-9])-?d([1-9])");

    private SystemInput() {
    }

    /** The system, with a one-line {@link UserInputException} when the choice of source is wrong. */
    static PolynomialSystem load(String file, String builtin, Format format, InputStream stdin) throws IOException {
        if ((file == null) == (builtin == null)) {
            throw new UserInputException(file == null
                    ? "no system given: name a FILE (or - for standard input) or use --system NAME, e.g. --system cyclic5"
                    : "give either a FILE or --system, not both");
        }
        if (builtin != null) {
            Matcher m = LPS_BLOCK.matcher(builtin.toLowerCase(Locale.ROOT));
            if (m.matches()) {
                return LpsBlockSystem.generic(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 1);
            }
            return StandardSystems.byName(builtin);
        }
        if (file.equals(STDIN)) {
            return SystemParser.parse(readText(stdin), "<stdin>", format);
        }
        return SystemParser.parse(Path.of(file), format);
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
            throw new UserInputException("standard input is larger than " + (SystemParser.MAX_FILE_BYTES >> 20)
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
