package org.lps.app;

import picocli.CommandLine.Command;

@Command(name = "dying-relu", mixinStandardHelpOptions = true, description = "Born-dead probability of deep narrow ReLU networks per init method, width and depth.")
final class StudyDyingReluCommand extends Pending {
    @Override
    String missing() {
        return "the dying-relu study (issue #7)";
    }
}
