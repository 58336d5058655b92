package org.lps.app;

import picocli.CommandLine.Command;

@Command(name = "train", mixinStandardHelpOptions = true, description = "Our training throughput next to PyTorch's on the same MLP and CNN, in the same run.")
final class BenchTrainCommand extends Pending {
    @Override
    String missing() {
        return "the training benchmark (issue #5)";
    }
}
