package org.lps.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code lps} command line: one subcommand per job. Errors in the user's input end with a one-line
 * message and exit code 2; internal errors with exit code 1, and a stack trace only when LPS_DEBUG is set.
 */
@Command(name = "lps",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Homotopy continuation solver and LPS weight initialization toolkit.",
        subcommands = {
                SolveCommand.class,
                CertifyCommand.class,
                CountCommand.class,
                FitCommand.class,
                InitCommand.class,
                TrainCommand.class,
                StudyCommand.class,
                BenchCommand.class,
                DemoCommand.class,
                CommandLine.HelpCommand.class
        })
public final class LpsApp implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The command line configured as the app runs it; tests call {@code execute} on it. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new LpsApp());
        cl.setExecutionExceptionHandler(new ErrorReporter());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
