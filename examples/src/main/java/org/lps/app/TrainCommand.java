package org.lps.app;

import picocli.CommandLine.Command;

@Command(name = "train", mixinStandardHelpOptions = true, description = "Train a network on a dataset.")
final class TrainCommand extends Pending {
    @Override
    String missing() {
        return "nets (issue #5)";
    }
}
