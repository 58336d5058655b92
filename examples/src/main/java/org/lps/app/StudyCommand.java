package org.lps.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "study", mixinStandardHelpOptions = true, description = "Studies of LPS block systems and of initialization schemes; each writes JSON, CSV and a PNG plot.")
// subcommands: LpsApp.COMMANDS, which builds only the one a command line names
final class StudyCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name one of the subcommands: " + String.join(", ", spec.subcommands().keySet()));
    }
}
