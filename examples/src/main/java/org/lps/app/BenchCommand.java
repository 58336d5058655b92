package org.lps.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks against peers measured in the same run (PHCpack, PyTorch).",
        subcommands = {BenchEvalCommand.class, BenchSolveCommand.class, BenchCertifyCommand.class, BenchThreadsCommand.class, BenchTrainCommand.class})
final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name one of the subcommands: " + String.join(", ", spec.subcommands().keySet()));
    }
}
