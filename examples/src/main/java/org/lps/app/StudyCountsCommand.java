package org.lps.app;

import picocli.CommandLine.Command;

@Command(name = "counts", mixinStandardHelpOptions = true, description = "Root counts and solutions of LPS block systems over block width k and degree d.")
final class StudyCountsCommand extends Pending {
    @Override
    String missing() {
        return "the counts study (issue #7)";
    }
}
