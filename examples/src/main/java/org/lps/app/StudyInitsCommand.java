package org.lps.app;

import picocli.CommandLine.Command;

@Command(name = "inits", mixinStandardHelpOptions = true, description = "Training curves on Fashion-MNIST for every init scheme.")
final class StudyInitsCommand extends Pending {
    @Override
    String missing() {
        return "the inits study (issue #7)";
    }
}
