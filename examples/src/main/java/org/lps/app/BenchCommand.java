package org.lps.app;

import picocli.CommandLine.Command;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks against peers measured in the same run (PHCpack, PyTorch).")
final class BenchCommand extends Pending {
    @Override
    String missing() {
        return "benchmarks (issues #2, #3, #5)";
    }
}
