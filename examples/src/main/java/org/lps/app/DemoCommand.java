package org.lps.app;

import picocli.CommandLine.Command;

@Command(name = "demo", mixinStandardHelpOptions = true, description = "The main job on embedded defaults.")
final class DemoCommand extends Pending {
    @Override
    String missing() {
        return "the demo (issue #2)";
    }
}
