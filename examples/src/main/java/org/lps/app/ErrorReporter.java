package org.lps.app;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.lps.homotopy.parse.ParseException;
import org.lps.homotopy.poly.InvalidSystemException;
import org.lps.io.OutputFileException;
import picocli.CommandLine;

/**
 * Turns exceptions escaping a subcommand into one line on stderr and an exit code, by who can fix the problem:
 * <ul>
 * <li>2, the input: {@link UserInputException} (a flag, a file the user named), a malformed system
 * ({@link ParseException}) or one that cannot be solved as given ({@link InvalidSystemException}), an input file
 * that does not exist or cannot be read;</li>
 * <li>1, the machine: an output file that could not be written ({@link OutputFileException}: a full disk, a file
 * size limit; named with its reason), any other I/O error, memory;</li>
 * <li>1, us: anything else, an IllegalArgumentException from deep inside included, is an internal error, reported
 * as such in one line; the stack trace only with the environment variable LPS_DEBUG set.</li>
 * </ul>
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

    static final int EXIT_BAD_INPUT = 2;
    static final int EXIT_FAILURE = 1;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
        String prog = cl.getCommandSpec().qualifiedName();
        if (debug()) {
            ex.printStackTrace(cl.getErr());
        }
        Throwable t = unwrap(ex);
        String line;
        int exit;
        if (isBadInput(t)) {
            line = message(t);
            exit = EXIT_BAD_INPUT;
        } else if (t instanceof org.lps.init.lps.block.BudgetExceededException
                || t instanceof org.lps.init.lps.block.IncompleteSolveException) {
            line = t.getMessage();                                      // names the budget or test and what to do instead
            exit = EXIT_FAILURE;
        } else if (t instanceof OutputFileException) {
            line = t.getMessage();
            exit = EXIT_FAILURE;
        } else if (t instanceof IOException) {
            line = "I/O error: " + message(t);
            exit = EXIT_FAILURE;
        } else if (t instanceof OutOfMemoryError) {
            line = "out of memory; the problem is too large for this heap (raise -Xmx via LPS_JAVA_OPTS)";
            exit = EXIT_FAILURE;
        } else {
            line = "internal error: " + t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage())
                    + (debug() ? "" : " (set LPS_DEBUG=1 for the stack trace)");
            exit = EXIT_FAILURE;
        }
        cl.getErr().println(prog + ": " + firstLine(line));
        cl.getErr().flush();
        return exit;
    }

    static boolean debug() {
        String d = System.getenv("LPS_DEBUG");
        return d != null && !d.isEmpty() && !d.equals("0");
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof UncheckedIOException || t instanceof java.util.concurrent.ExecutionException
                || t instanceof java.util.concurrent.CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** The user can fix it: a flag, a malformed or unsolvable system, an input file that is missing or unreadable. */
    static boolean isBadInput(Throwable t) {
        return t instanceof UserInputException
                || t instanceof ParseException
                || t instanceof InvalidSystemException
                || t instanceof NoSuchFileException
                || t instanceof FileNotFoundException
                || t instanceof AccessDeniedException;
    }

    private static String message(Throwable t) {
        if (t instanceof NoSuchFileException e) {
            return "no such file: " + e.getFile();
        }
        if (t instanceof AccessDeniedException e) {
            return "permission denied: " + e.getFile();
        }
        if (t instanceof FileSystemException e && e.getFile() != null) {
            return e.getFile() + ": " + (e.getReason() == null ? e.getClass().getSimpleName() : e.getReason());
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m;
    }

    /** Messages are one line: a multi-line message (a library's) is cut at its first line break. */
    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl).stripTrailing();
    }
}
