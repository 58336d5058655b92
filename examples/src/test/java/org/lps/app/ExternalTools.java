package org.lps.app;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The cross-checks against programs outside the JVM (Python with NumPy or PyTorch, the native OpenBLAS) call
 * {@link #require}: on a developer's machine a missing program skips the test, saying so; where it is required
 * (CI) it fails it, so that a check which never ran cannot pass for one that did.
 *
 * <p>Required when the system property {@value #PROPERTY} is {@code true}, or, when that property is not set,
 * when the environment has {@code CI=true} (as CI services set it and {@code .ci/run} runs with it);
 * {@code -Dlps.requireExternal=false} turns it off. One copy of this class lives in each module's tests that
 * needs it (nets, examples): modules share no test code, and a test-jar would make one module's tests depend
 * on another's for thirty lines.
 */
public final class ExternalTools {

    public static final String PROPERTY = "lps.requireExternal";
    /** The interpreter every Python cross-check runs: Debian's, where {@code apt-get install python3-...} puts modules. */
    public static final String PYTHON = "/usr/bin/python3";

    private ExternalTools() {
    }

    /** Whether a missing external program is a failure rather than a skip. */
    public static boolean required() {
        String p = System.getProperty(PROPERTY);
        return p != null ? Boolean.parseBoolean(p) : "true".equals(System.getenv("CI"));
    }

    /**
     * Returns when {@code available}; otherwise fails the calling test when external tools are {@link #required()},
     * else skips it.
     *
     * @param what    what is missing, e.g. "/usr/bin/python3 with torch"
     * @param install how to get it, e.g. "apt-get install python3-torch"
     */
    public static void require(boolean available, String what, String install) {
        if (available) {
            return;
        }
        String message = what + " not available (" + install + ")";
        if (required()) {
            fail(message + "; required here (" + PROPERTY + "=true or CI=true), so this cross-check fails instead of skipping");
        }
        System.err.println("skipped: " + message);
        Assumptions.abort(message);
    }

    /** Whether {@link #PYTHON} runs and imports every one of {@code modules}. */
    public static boolean pythonWith(String... modules) {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import " + String.join(", ", modules))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@link #require}s {@link #PYTHON} with {@code modules}; {@code packages} are the Debian packages that hold them. */
    public static void requirePython(String packages, String... modules) {
        require(pythonWith(modules), PYTHON + " with " + String.join(" and ", modules), "apt-get install " + packages);
    }
}
