package org.lps.homotopy.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lps.homotopy.poly.PolynomialSystem;

/** Input an attacker or a broken script could produce: every case ends in a positioned ParseException. */
class HostileInputTest {

    @TempDir
    Path dir;

    private static ParseException error(String text, Format f) {
        return assertThrows(ParseException.class, () -> SystemParser.parse(text, "h", f));
    }

    @Test
    void deepNestingIsAnErrorNotAStackOverflow() {
        String deep = "1\n" + "(".repeat(100_000) + "x" + ")".repeat(100_000) + ";\n";
        assertTrue(error(deep, Format.PHC).detail().contains("nested more than"));
        String minus = "1\n" + "-".repeat(100_000) + "x;\n";
        assertTrue(error(minus, Format.PHC).detail().contains("nested more than"));
    }

    @Test
    void moderateNestingIsFine() {
        String ok = "1\n" + "(".repeat(150) + "x" + ")".repeat(150) + ";\n";
        assertEquals(1, SystemParser.parse(ok, "h", Format.PHC).equationCount());
    }

    @Test
    void hugeExponentsAndDegrees() {
        assertTrue(error("1\n x^123456789012;\n", Format.PHC).detail().contains("larger than the limit"));
        assertTrue(error("1\n (x^10000)^10000;\n", Format.PHC).detail().contains("degree"));
        assertTrue(error("1\n (x+y+z+w+u+v+a+b+c+d+e+f)^200;\n", Format.PHC).detail().contains("too large"));
    }

    @Test
    void numbersOutOfRange() {
        assertTrue(error("1\n 1e999*x;\n", Format.PHC).detail().contains("out of the double range"));
        assertTrue(error("x*1e300*1e300\n", Format.PLAIN).detail().contains("overflows"));
    }

    @Test
    void emptyAndBlankInput() {
        assertTrue(error("", Format.AUTO).detail().contains("empty"));
        assertTrue(error("  \n\t\n", Format.AUTO).detail().contains("empty"));
        assertTrue(error("# only a comment\n", Format.PLAIN).detail().contains("no equations"));
    }

    @Test
    void binaryGarbageInAFile() throws IOException {
        Path f = dir.resolve("garbage.bin");
        byte[] b = new byte[4096];
        new java.util.Random(7).nextBytes(b);
        Files.write(f, b);
        ParseException e = assertThrows(ParseException.class, () -> SystemParser.parse(f));
        assertTrue(e.getMessage().startsWith(f.toString() + ":"), e.getMessage());
    }

    @Test
    void controlCharactersAreNamed() {
        ParseException e = error("2\n x\u0000;\n y;\n", Format.PHC);
        assertEquals(2, e.line());
        assertEquals(3, e.column());
        assertTrue(e.detail().contains("U+0000"), e.detail());
    }

    @Test
    void oversizedFilesAreRefusedBeforeReading() throws IOException {
        Path f = dir.resolve("huge.phc");
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(SystemParser.MAX_FILE_BYTES + 1); // sparse: costs no disk
        }
        ParseException e = assertThrows(ParseException.class, () -> SystemParser.parse(f));
        assertTrue(e.detail().contains("limit"), e.detail());
    }

    @Test
    void moreVariablesThanEquationsIsReadAndFlaggedNonSquare() {
        PolynomialSystem s = SystemParser.parse("1 2\n x + y;\n", "h", Format.PHC);
        assertTrue(!s.isSquare());
    }
}
