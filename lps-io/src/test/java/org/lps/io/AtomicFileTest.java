package org.lps.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path dir;

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void writesANewFileAndReplacesAnOldOne() throws IOException {
        Path f = dir.resolve("a.json");
        AtomicFile.writeString(f, "{\"x\":1}\n");
        assertEquals("{\"x\":1}\n", Files.readString(f));
        AtomicFile.writeString(f, "{}\n");
        assertEquals("{}\n", Files.readString(f));
        assertEquals(List.of(f), files(), "no temporary file left");
    }

    /** The writer fails half way, by an I/O error or a bug: the old file is intact and nothing else is left. */
    @Test
    void aWriterFailingHalfWayLeavesTheOldFileAndNoLitter() throws IOException {
        Path f = dir.resolve("w.safetensors");
        byte[] old = "the old weights".getBytes(StandardCharsets.UTF_8);
        Files.write(f, old);
        OutputFileException e = assertThrows(OutputFileException.class, () -> AtomicFile.write(f, out -> {
            out.write(new byte[100_000]);
            throw new IOException("No space left on device");
        }));
        assertEquals(f, e.file());
        assertTrue(e.getMessage().startsWith("cannot write " + f + ": No space left on device"), e.getMessage());
        assertEquals(new String(old, StandardCharsets.UTF_8), Files.readString(f));
        assertEquals(List.of(f), files());

        assertThrows(IllegalStateException.class, () -> AtomicFile.write(f, out -> {
            out.write(1);
            throw new IllegalStateException("a bug in the content");
        }));
        assertEquals(new String(old, StandardCharsets.UTF_8), Files.readString(f));
        assertEquals(List.of(f), files());

        // a content writer that fails after a successful partial write into a fresh file: no file at all
        Path g = dir.resolve("fresh.csv");
        assertThrows(UncheckedIOException.class, () -> AtomicFile.writeText(g, w -> {
            w.write("a,b\n1,2\n");
            throw new UncheckedIOException(new IOException("disk gone"));
        }));
        assertFalse(Files.exists(g));
        assertEquals(List.of(f), files());
    }

    @Test
    void contentThatClosesItsStreamStillGetsRenamed() throws IOException {
        Path f = dir.resolve("a.npz");
        AtomicFile.write(f, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry("x.npy"));
                zip.write(new byte[] {1, 2, 3});
                zip.closeEntry();
            }
        });
        try (var zf = new java.util.zip.ZipFile(f.toFile())) {
            assertEquals(3, zf.getEntry("x.npy").getSize());
        }
    }

    @Test
    void writesThroughASymbolicLink() throws IOException {
        Path real = dir.resolve("real.txt");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), real);
        AtomicFile.writeString(link, "new");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(real));
    }

    @Test
    void aMissingDirectoryIsNamed() {
        Path f = dir.resolve("no/such/x.json");
        OutputFileException e = assertThrows(OutputFileException.class, () -> AtomicFile.writeString(f, "x"));
        assertTrue(e.getMessage().contains("no such directory " + f.getParent()), e.getMessage());
    }

    @Test
    void outputProblemsBeforeTheWork() throws IOException {
        assertTrue(OutputPaths.problem(dir.resolve("x.json")).isEmpty());
        assertEquals("is a directory", OutputPaths.problem(dir).orElseThrow());
        assertTrue(OutputPaths.problem(dir.resolve("nope/x.json")).orElseThrow().startsWith("no such directory"));
        Path file = Files.writeString(dir.resolve("f"), "");
        assertTrue(OutputPaths.problem(file.resolve("x.json")).orElseThrow().endsWith("is not a directory"));
        assertTrue(OutputPaths.problem(file).isEmpty());
        if (!"root".equals(System.getProperty("user.name"))) {   // root may write anywhere
            Path ro = Files.createDirectory(dir.resolve("ro"));
            assertTrue(ro.toFile().setWritable(false));
            assertTrue(OutputPaths.problem(ro.resolve("x.json")).orElseThrow().endsWith("is not writable"));
            assertTrue(file.toFile().setWritable(false));
            assertEquals("exists and is read-only", OutputPaths.problem(file).orElseThrow());
            ro.toFile().setWritable(true);
        }
    }

    @Test
    void theSameFileUnderAnotherSpellingOrALink() throws IOException {
        Path in = Files.writeString(dir.resolve("f.phc"), "1\n x;\n");
        Path link = Files.createSymbolicLink(dir.resolve("l.phc"), in);
        Path odd = dir.resolve("sub/../f.phc");
        Files.createDirectory(dir.resolve("sub"));
        assertEquals(in, OutputPaths.sameAsInput(in, List.of(in)).orElseThrow());
        assertEquals(in, OutputPaths.sameAsInput(link, List.of(in)).orElseThrow());
        assertEquals(in, OutputPaths.sameAsInput(odd, List.of(in)).orElseThrow());
        assertTrue(OutputPaths.sameAsInput(dir.resolve("other.phc"), List.of(in)).isEmpty());
        Path other = Files.writeString(dir.resolve("g.phc"), "1\n x;\n");
        assertTrue(OutputPaths.sameAsInput(other, List.of(in)).isEmpty());
    }

    /** A library writing to a file name (XChart's PNG encoder): it gets a temporary name with the same ending. */
    @Test
    void contentWrittenByFileName() throws IOException {
        Path f = dir.resolve("plot.png");
        AtomicFile.writeFile(f, tmp -> {
            assertTrue(tmp.getFileName().toString().endsWith(".png"), tmp.toString());
            assertEquals(dir, tmp.getParent());
            Files.writeString(tmp, "png bytes");
        });
        assertEquals("png bytes", Files.readString(f));
        assertThrows(OutputFileException.class, () -> AtomicFile.writeFile(f, tmp -> {
            Files.writeString(tmp, "half");
            throw new IOException("File too large");
        }));
        assertEquals("png bytes", Files.readString(f));
        assertEquals(List.of(f), files());
    }
}
