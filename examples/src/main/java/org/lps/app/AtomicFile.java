package org.lps.app;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file whole or not at all: the bytes go to a temporary file in the target's directory, which then
 * replaces the target by an atomic rename, so a reader (or a crash) never sees half a file.
 */
final class AtomicFile {

    private AtomicFile() {
    }

    static void write(Path target, byte[] content) throws IOException {
        Path abs = target.toAbsolutePath();
        Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
        try {
            Files.write(tmp, content);
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Refuses, before any work, an output path whose directory is missing or not writable, or that names a
     * directory: one line naming the flag.
     */
    static void checkWritable(String flag, Path target) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (Files.isDirectory(abs)) {
            throw new UserInputException(flag + " " + target + ": is a directory");
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UserInputException(flag + " " + target + ": no such directory " + dir);
        }
        if (!Files.isWritable(dir)) {
            throw new UserInputException(flag + " " + target + ": directory " + dir + " is not writable");
        }
    }
}
