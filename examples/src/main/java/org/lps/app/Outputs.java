package org.lps.app;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import org.lps.io.OutputPaths;

/**
 * Output paths checked before a command does its work, so a typo costs a second, not the solve or the training:
 * one line naming the flag, the path and the reason.
 */
final class Outputs {

    private Outputs() {
    }

    /** {@code out} (if given) can be written: its directory exists and is writable, it is not a directory. */
    static void require(String flag, Path out) {
        if (out == null) {
            return;
        }
        OutputPaths.problem(out).ifPresent(reason -> {
            throw new UserInputException(flag + " '" + out + "': " + reason);
        });
    }

    /**
     * The files of a study, {@code BASE.json}, {@code BASE.csv} and {@code BASE.png}: each writable, where a missing
     * directory of BASE counts as writable when the nearest existing one is (the study creates it).
     */
    static void requireStudy(String flag, Path base) {
        if (base.getFileName() == null || base.toString().isBlank()) {
            throw new UserInputException(flag + ": empty path");
        }
        Path dir = base.toAbsolutePath().getParent();
        Path existing = dir;
        while (existing != null && !java.nio.file.Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && existing != dir) {
            if (!java.nio.file.Files.isDirectory(existing)) {
                throw new UserInputException(flag + " '" + base + "': " + existing + " is not a directory");
            }
            if (!java.nio.file.Files.isWritable(existing)) {
                throw new UserInputException(flag + " '" + base + "': the directory " + existing + " is not writable");
            }
            return;
        }
        for (String ext : new String[] {".json", ".csv", ".png"}) {
            require(flag, base.resolveSibling(base.getFileName() + ext));
        }
    }

    /** As {@link #require}, and {@code out} is none of the input files (under any spelling or link). */
    static void require(String flag, Path out, Path... inputs) {
        require(flag, out);
        if (out == null) {
            return;
        }
        OutputPaths.sameAsInput(out, Arrays.stream(inputs).filter(Objects::nonNull).toList()).ifPresent(in -> {
            throw new UserInputException(flag + " '" + out + "' is the input file " + in
                    + ": writing it would replace the input; choose another name");
        });
    }
}
