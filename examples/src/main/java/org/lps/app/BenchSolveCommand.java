package org.lps.app;

import picocli.CommandLine.Command;

@Command(name = "solve", mixinStandardHelpOptions = true, description = "Our solver next to PHCpack's phc -b on the same inputs, in the same run.")
final class BenchSolveCommand extends Pending {
    @Override
    String missing() {
        return "the solver benchmark (issue #3)";
    }
}
