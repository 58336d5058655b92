package org.lps.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file whole or not at all: the content goes to a temporary file in the target's directory, is forced to
 * the disk, and is then renamed over the target in one step. A failure half way (a full disk, {@code ulimit -f},
 * an exception in the code producing the content) leaves the old file as it was and no temporary file behind.
 *
 * <pre>{@code
 * AtomicFile.write(Path.of("w.safetensors"), out -> out.write(bytes));
 * AtomicFile.writeString(Path.of("result.json"), json);
 * }</pre>
 *
 * A target that is a symbolic link is written through: the file it points to is replaced, the link stays.
 */
public final class AtomicFile {

    /** Produces the content; it may close the stream it is given (that only flushes it). */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Produces text content, written as UTF-8. */
    @FunctionalInterface
    public interface TextContent {
        void writeTo(Writer out) throws IOException;
    }

    /** For libraries that only write to a file name: writes the content to the (temporary) file it is given. */
    @FunctionalInterface
    public interface FileContent {
        void writeTo(Path file) throws IOException;
    }

    private AtomicFile() {
    }

    public static void write(Path target, Content content) throws OutputFileException {
        writeFile(target, tmp -> {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(new Unclosable(Channels.newOutputStream(ch)), 1 << 16);
                content.writeTo(out);
                out.flush();
            }
        });
    }

    /**
     * The same for content a library writes to a path: {@code content} gets a fresh path in the target's directory,
     * hidden and ending in the target's own name (so a library that adds a missing extension adds none).
     */
    public static void writeFile(Path target, FileContent content) throws OutputFileException {
        Path file = resolve(target);
        Path dir = file.getParent();
        Path tmp = dir.resolve("." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp."
                + file.getFileName());
        boolean moved = false;
        try {
            content.writeTo(tmp);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            move(tmp, file);
            moved = true;
        } catch (IOException e) {
            throw new OutputFileException(target, reason(e, dir), e);
        } finally {
            if (!moved) {
                deleteQuietly(tmp);
            }
        }
    }

    public static void writeText(Path target, TextContent content) throws OutputFileException {
        write(target, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            content.writeTo(w);
            w.flush();
        });
    }

    public static void writeString(Path target, CharSequence text) throws OutputFileException {
        writeText(target, w -> w.append(text));
    }

    /** The file a write to {@code target} replaces: absolute, through a symbolic link when it is one. */
    private static Path resolve(Path target) {
        Path abs = target.toAbsolutePath();
        if (Files.isSymbolicLink(abs)) {
            try {
                return abs.toRealPath();
            } catch (IOException e) {
                return abs;   // a dangling link: replaced by the file
            }
        }
        return abs;
    }

    private static void move(Path tmp, Path file) throws IOException {
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // same directory, so this only happens on file systems without atomic rename
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String reason(IOException e, Path dir) {
        if (e instanceof NoSuchFileException) {
            return "no such directory " + dir;
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied in " + dir;
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void deleteQuietly(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // nothing more to do: the write already failed, and that is what gets reported
        }
    }

    /** Lets content writers (zip, image encoders) close their stream without closing the file before the rename. */
    private static final class Unclosable extends FilterOutputStream {
        Unclosable(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
