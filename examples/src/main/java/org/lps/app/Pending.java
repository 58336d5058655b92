package org.lps.app;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * Base of a subcommand whose implementation has not landed yet: it accepts any arguments, says so in one
 * line and exits 2, so scripts can tell "not yet" from success.
 */
abstract class Pending implements Callable<Integer> {

    @CommandLine.Unmatched
    List<String> ignored;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** What is missing, e.g. "the homotopy solver (issue #3)". */
    abstract String missing();

    @Override
    public Integer call() {
        spec.commandLine().getErr().println(spec.qualifiedName() + ": not available yet: " + missing() + " has not landed");
        return ErrorReporter.EXIT_BAD_INPUT;
    }
}
