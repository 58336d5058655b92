package org.lps.app;

import picocli.CommandLine.Command;

@Command(name = "study", mixinStandardHelpOptions = true, description = "Studies: counts, dying-relu, inits.")
final class StudyCommand extends Pending {
    @Override
    String missing() {
        return "lps-init studies (issue #7)";
    }
}
