package org.lps.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.lps.homotopy.family.StandardSystems;

class DemoCatalogTest {

    static Path testDatabase() throws Exception {
        return Path.of(DemoCatalogTest.class.getResource("/demos/READ_ME").toURI()).getParent();
    }

    private static Map<String, DemoCatalog.Entry> byName(List<DemoCatalog.Entry> entries) {
        return entries.stream().collect(Collectors.toMap(DemoCatalog.Entry::name, Function.identity()));
    }

    @Test
    void knownCountsComeFromTheTableThenTheFilesOwnList() throws Exception {
        List<DemoCatalog.Entry> entries = DemoCatalog.read(testDatabase());
        assertEquals(List.of("broken", "circle", "cyclic3", "tangent"), entries.stream().map(DemoCatalog.Entry::name).toList());
        Map<String, DemoCatalog.Entry> e = byName(entries);
        assertEquals(2L, e.get("circle").known());
        assertEquals(DemoCatalog.Source.TABLE, e.get("circle").source());
        // the double root (1, 0) is listed twice, once per path, as phc lists it
        assertEquals(4L, e.get("tangent").known());
        assertEquals(DemoCatalog.Source.FILE_LIST, e.get("tangent").source());
        // two generators, each standing for an orbit of 3
        assertEquals(6L, e.get("cyclic3").known());
        assertEquals(DemoCatalog.Source.FILE_GENERATING, e.get("cyclic3").source());
        assertNull(e.get("broken").known());
        assertEquals(DemoCatalog.Source.NONE, e.get("broken").source());
    }

    @Test
    void aGeneratingListWhoseOrbitsDoNotAddUpIsNoCount() {
        String text = "2\n x;\n y;\n\nTHE SOLUTIONS : (generating)\n\n2 2\n====\nsolution 1 :\nm : 3\n";
        assertNull(DemoCatalog.listCount(text));
        assertNull(DemoCatalog.listCount("2\n x;\n y;\n\nTHE SOLUTIONS :\n\nno header here\n"));
        assertEquals(new DemoCatalog.ListCount(7, DemoCatalog.Source.FILE_LIST),
                DemoCatalog.listCount("2\n x;\n y;\nTHE SOLUTIONS :\n7 2\n===="));
    }

    @Test
    void tableRowsAreReadAndProseIsNot() {
        Map<String, Long> t = DemoCatalog.tableCounts("name      :  n :     D  :    bz  :    bs  :   mv  : #sols\n"
                + "cyclic5   :  5 :    120 :    120 :    106 :    70 :    70\n"
                + "cyclic5   : cyclic 5-roots problem\n"
                + "boon      |  0h 0m 0s190ms |  0h 0m 5s868ms |\n");
        assertEquals(Map.of("cyclic5", 70L), t);
    }

    @Test
    void aMissingDirectoryIsUserError() {
        assertThrows(UserInputException.class, () -> DemoCatalog.read(Path.of("/nonexistent/demos")));
    }

    /** Against counts known independently (StandardSystems' published counts), on the real database if installed. */
    @Test
    void debianDatabaseCountsAgreeWithThePublishedOnes() throws Exception {
        Path db = Path.of(BenchDemosCommand.DEFAULT_DIR);
        Assumptions.assumeTrue(Files.isDirectory(db), "PHCpack's demo database is not installed (Debian phcpack-doc)");
        Map<String, DemoCatalog.Entry> e = byName(DemoCatalog.read(db));
        for (int n : new int[] {5, 6, 7, 8}) {
            assertEquals(StandardSystems.knownSolutionCount("cyclic", n), e.get("cyclic" + n).known(), "cyclic" + n);
            assertEquals(DemoCatalog.Source.TABLE, e.get("cyclic" + n).source());
        }
        // not in the table: generators with their orbit sizes
        assertEquals(StandardSystems.knownSolutionCount("cyclic", 10), e.get("cyclic10").known());
        assertEquals(StandardSystems.knownSolutionCount("cyclic", 11), e.get("cyclic11").known());
        assertEquals(DemoCatalog.Source.FILE_GENERATING, e.get("cyclic11").source());
        for (int n = 6; n <= 10; n++) {
            // katsura-n: 2^n solutions
            assertEquals(1L << n, e.get("katsura" + n).known(), "katsura" + n);
        }
        assertEquals(8L, e.get("chandra4").known());
        assertEquals(DemoCatalog.Source.FILE_LIST, e.get("chandra4").source());
    }
}
