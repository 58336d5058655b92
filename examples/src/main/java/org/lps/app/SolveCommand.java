package org.lps.app;

import picocli.CommandLine.Command;

@Command(name = "solve", mixinStandardHelpOptions = true, description = "Solve a polynomial system: every isolated solution, every path accounted for.")
final class SolveCommand extends Pending {
    @Override
    String missing() {
        return "the homotopy solver (issue #3)";
    }
}
