package org.lps.app;

import picocli.CommandLine.Command;

@Command(name = "fit", mixinStandardHelpOptions = true, description = "Fit a polynomial to an activation function.")
final class FitCommand extends Pending {
    @Override
    String missing() {
        return "polyapprox (issue #4)";
    }
}
