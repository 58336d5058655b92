package org.lps.app;

import picocli.CommandLine.Command;

@Command(name = "init", mixinStandardHelpOptions = true, description = "Generate initial weights (LPS or another scheme) for an architecture.")
final class InitCommand extends Pending {
    @Override
    String missing() {
        return "lps-init (issue #7)";
    }
}
