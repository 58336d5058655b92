package org.lps.app;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;

/**
 * Turns exceptions escaping a subcommand into one clear line on stderr and an exit code:
 * 2 for bad input (the user can fix it), 1 for everything else. Never prints a stack trace unless the
 * environment variable LPS_DEBUG is set, because users read messages, not traces.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

    static final int EXIT_BAD_INPUT = 2;
    static final int EXIT_FAILURE = 1;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
        String prog = cl.getCommandSpec().qualifiedName();
        if (System.getenv("LPS_DEBUG") != null) {
            ex.printStackTrace(cl.getErr());
        }
        Throwable t = unwrap(ex);
        if (isBadInput(t)) {
            cl.getErr().println(prog + ": " + message(t));
            return EXIT_BAD_INPUT;
        }
        if (t instanceof OutOfMemoryError) {
            cl.getErr().println(prog + ": out of memory; the problem is too large for this heap (raise -Xmx via LPS_JAVA_OPTS)");
            return EXIT_FAILURE;
        }
        cl.getErr().println(prog + ": internal error: " + t.getClass().getSimpleName()
                + (t.getMessage() == null ? "" : ": " + t.getMessage())
                + " (set LPS_DEBUG=1 for the stack trace)");
        return EXIT_FAILURE;
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof UncheckedIOException || t instanceof java.util.concurrent.ExecutionException
                || t instanceof java.util.concurrent.CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** Bad input: our own input exceptions, any module's IllegalArgumentException, unreadable files. */
    static boolean isBadInput(Throwable t) {
        return t instanceof UserInputException
                || t instanceof IllegalArgumentException
                || t instanceof NoSuchFileException
                || t instanceof FileNotFoundException
                || t instanceof AccessDeniedException
                || t instanceof IOException;
    }

    private static String message(Throwable t) {
        if (t instanceof NoSuchFileException e) {
            return "no such file: " + e.getFile();
        }
        if (t instanceof AccessDeniedException e) {
            return "permission denied: " + e.getFile();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m;
    }
}
