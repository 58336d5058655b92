package org.lps.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;

/**
 * Checks made on an output path before any work starts, so an hour of solving or training is not lost to a typo in
 * a directory name: what is wrong with writing {@code target}, if anything.
 */
public final class OutputPaths {

    private OutputPaths() {
    }

    /**
     * Why {@code target} cannot be written, or empty: it is a directory, its directory does not exist, is not a
     * directory or is not writable, or it exists and is read-only or not a regular file.
     */
    public static Optional<String> problem(Path target) {
        Path file = target.toAbsolutePath();
        if (Files.isDirectory(file)) {
            return Optional.of("is a directory");
        }
        Path dir = file.getParent();
        if (dir == null) {
            return Optional.of("is not a file name");
        }
        if (!Files.exists(dir)) {
            return Optional.of("no such directory " + dir);
        }
        if (!Files.isDirectory(dir)) {
            return Optional.of(dir + " is not a directory");
        }
        if (!Files.isWritable(dir)) {
            return Optional.of("the directory " + dir + " is not writable");
        }
        if (Files.exists(file)) {
            if (!Files.isRegularFile(file)) {
                return Optional.of("exists and is not a regular file");
            }
            if (!Files.isWritable(file)) {
                return Optional.of("exists and is read-only");
            }
        }
        return Optional.empty();
    }

    /** Whether {@code target} is the same file as one of {@code inputs} (through links and other spellings). */
    public static Optional<Path> sameAsInput(Path target, Collection<Path> inputs) {
        if (!Files.exists(target)) {
            return Optional.empty();
        }
        for (Path in : inputs) {
            try {
                if (in != null && Files.exists(in, LinkOption.NOFOLLOW_LINKS) && Files.isSameFile(target, in)) {
                    return Optional.of(in);
                }
            } catch (IOException e) {
                // cannot tell: not the same as far as we can see
            }
        }
        return Optional.empty();
    }
}
