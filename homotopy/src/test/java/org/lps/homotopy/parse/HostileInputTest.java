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
        assertTrue(error("1\n 1e999*x;\n", Format.PHC).detail().contains("overflows the double range"));
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

    /** x^0 is 1 wherever it appears and however it is written (it once crashed the parser: the constant 0 has no terms). */
    @Test
    void exponentZeroIsOneInEveryPositionAndFormat() {
        PolynomialSystem want = SystemParser.parse("1\n x^2 - 1;\n", "h", Format.PHC);
        for (String eq : new String[] {"2*x^0 + x^2 - 3", "x^2 + x^0 - 2", "x^0*x^2 - 1", "x^2*x^0 - x^0",
                "(x + 1)^0*x^2 - 1", "x**0*x^2 - 1", "x^(0)*x^2 - 1", "x^(+0)*x^2 - 1", "x^00*x^2 - 1",
                "0^0*x^2 - 1", "(x - x)^0*x^2 - 1", "x^2 - 1 + x^0 - 1", "-x^0 + x^2"}) {
            assertEquals(want.equation(0), SystemParser.parse("1\n " + eq + ";\n", "h", Format.PHC).equation(0), eq);
            assertEquals(want.equation(0), SystemParser.parse(eq + "\n", "h", Format.PLAIN).equation(0), eq);
            String bertini = "INPUT\nvariable_group x;\nfunction f;\nf = " + eq + ";\nEND;\n";
            assertEquals(want.equation(0), SystemParser.parse(bertini, "h", Format.BERTINI).equation(0), eq);
        }
        // in a system of two unknowns, x^0 leaves the other exponents alone
        PolynomialSystem two = SystemParser.parse("2\n x^0*y^2 - x;\n y^0 + x*y^0 - 3;\n", "h", Format.PHC);
        assertEquals(SystemParser.parse("2\n -x + y^2;\n x - 2;\n", "h", Format.PHC).equations(), two.equations());
    }

    /**
     * A nonzero literal must be a nonzero finite double: 1E+400 overflows and 1e-400 underflows (it used to become 0
     * silently, dropping its term), both with the same kind of message; 0e-400 is 0, and subnormals are kept
     * (they are doubles, and the printer writes them).
     */
    @Test
    void literalsOutsideTheNormalDoubleRangeAreErrors() {
        assertTrue(error("1\n x - 1e-400;\n", Format.PHC).detail().contains("underflows"));
        assertTrue(error("1\n x - 1E-400;\n", Format.PHC).detail().contains("underflows"));
        assertTrue(error("x - 2e-324\n", Format.PLAIN).detail().contains("underflows"));
        assertEquals(-1.5e-320, SystemParser.parse("x - 1.5e-320\n", "h", Format.PLAIN).equation(0).coefficientOf(0).getReal());
        assertTrue(error("1\n x - 1E+400;\n", Format.PHC).detail().contains("overflows"));
        assertTrue(error("x - 1e999\n", Format.PLAIN).detail().contains("overflows"));
        PolynomialSystem s = SystemParser.parse("x - 0e-400 - 0.000e-999 - 2.2250738585072014E-308 - 1\n", "h", Format.PLAIN);
        assertEquals(-(1 + Double.MIN_NORMAL), s.equation(0).coefficientOf(0).getReal());
        assertEquals(-1.7976931348623157E308,
                SystemParser.parse("x - 1.7976931348623157E308\n", "h", Format.PLAIN).equation(0).coefficientOf(0).getReal());
    }
}
