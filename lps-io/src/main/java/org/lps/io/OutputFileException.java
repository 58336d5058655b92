package org.lps.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writing an output file failed (a full disk, a file-size limit, a directory that went away): the message names
 * the file and the reason, and says nothing about the input, which was fine. The old file, if any, is intact.
 */
public final class OutputFileException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public OutputFileException(Path file, String reason, Throwable cause) {
        super("cannot write " + file + ": " + reason, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
