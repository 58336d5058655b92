package org.lps.homotopy.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.lps.homotopy.poly.Polynomial;
import org.lps.homotopy.poly.PolynomialSystem;

/**
 * Reads polynomial systems in the PHCpack, Bertini or plain format (see {@link Format}). Every problem with
 * the input comes back as a {@link ParseException} naming the source, line and column.
 *
 * <pre>{@code
 * PolynomialSystem s = SystemParser.parse(Path.of("cyclic5.phc"));
 * PolynomialSystem t = SystemParser.parse("x^2 + y^2 = 1\nx - y", "inline", Format.AUTO);
 * }</pre>
 */
public final class SystemParser {

    /** Larger files are refused before reading: no polynomial system worth solving here is that big. */
    public static final long MAX_FILE_BYTES = 64L << 20;

    private static final Pattern BERTINI = Pattern.compile(
            "(?m)^\\s*(INPUT|CONFIG)\\s*$|\\b(variable_group|hom_variable_group)\\b|^\\s*function\\s+\\w");
    private static final Pattern PHC_HEADER = Pattern.compile("\\A\\s*\\d+(\\s+\\d+)?[ \\t\\r]*\\n");

    private SystemParser() {
    }

    public static PolynomialSystem parse(Path file) throws IOException {
        return parse(file, Format.AUTO);
    }

    public static PolynomialSystem parse(Path file, Format format) throws IOException {
        long size = Files.size(file);
        String source = file.toString();
        if (size > MAX_FILE_BYTES) {
            throw new ParseException(source, 1, 1, "file is " + (size >> 20) + " MiB; the limit is "
                    + (MAX_FILE_BYTES >> 20) + " MiB");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
        }
        return parse(decode(source, bytes), source, format);
    }

    /** Parses text; {@code source} names it in error messages. A leading byte-order mark is skipped. */
    public static PolynomialSystem parse(String text, String source, Format format) {
        if (text.startsWith("\uFEFF")) {
            // editors on Windows start UTF-8 files with U+FEFF; it is not part of the system
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new ParseException(source, 1, 1, "empty input: no equations");
        }
        Format f = format == Format.AUTO ? detect(text) : format;
        return switch (f) {
            case PHC -> PhcReader.read(source, text);
            case BERTINI -> BertiniReader.read(source, text, 0L);
            default -> PlainReader.read(source, text, List.of());
        };
    }

    /**
     * Parses one polynomial whose variables are {@code names} (in that order; names not in the list are
     * appended). This is how a printed polynomial reads back exactly: {@code parsePolynomial(p.format(names),
     * names)} equals {@code p}.
     */
    public static Polynomial parsePolynomial(String text, List<String> names) {
        PolynomialSystem s = PlainReader.read("<polynomial>", text, names);
        if (s.equationCount() != 1) {
            throw new ParseException("<polynomial>", 1, 1, "expected one polynomial, found " + s.equationCount());
        }
        return s.equation(0);
    }

    /** The format of a text, by the rules of {@link Format#AUTO}. */
    public static Format detect(String text) {
        if (BERTINI.matcher(text).find()) {
            return Format.BERTINI;
        }
        if (PHC_HEADER.matcher(text).find()) {
            return Format.PHC;
        }
        return Format.PLAIN;
    }

    private static String decode(String source, byte[] bytes) {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = dec.decode(in, out, true);
        if (r.isError()) {
            int bad = in.position();
            int line = 1, col = 1;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    col = 1;
                } else {
                    col++;
                }
            }
            throw new ParseException(source, line, col, "not a text file (invalid UTF-8 at byte " + bad + ")");
        }
        dec.flush(out);
        return out.flip().toString();
    }
}
