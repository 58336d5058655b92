package org.lps.app;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code lps} command line: one subcommand per job. Errors in the user's input end with a one-line
 * message and exit code 2; internal errors with exit code 1, and a stack trace only when LPS_DEBUG is set.
 */
public final class LpsApp implements Runnable {

    /** A subcommand: its name, class, and (for a group such as bench) its own subcommands. */
    record Node(String name, Class<?> type, List<Node> children) {
        Node(String name, Class<?> type) {
            this(name, type, List.of());
        }
    }

    /** Every subcommand, in the order of the usage help. */
    static final List<Node> COMMANDS = List.of(
            new Node("solve", SolveCommand.class),
            new Node("certify", CertifyCommand.class),
            new Node("count", CountCommand.class),
            new Node("fit", FitCommand.class),
            new Node("init", InitCommand.class),
            new Node("train", TrainCommand.class),
            new Node("study", StudyCommand.class, List.of(
                    new Node("counts", StudyCountsCommand.class),
                    new Node("dying-relu", StudyDyingReluCommand.class),
                    new Node("inits", StudyInitsCommand.class),
                    new Node("lambda", StudyLambdaCommand.class))),
            new Node("bench", BenchCommand.class, List.of(
                    new Node("certify", BenchCertifyCommand.class),
                    new Node("demos", BenchDemosCommand.class),
                    new Node("eval", BenchEvalCommand.class),
                    new Node("solve", BenchSolveCommand.class),
                    new Node("spark", BenchSparkCommand.class),
                    new Node("threads", BenchThreadsCommand.class),
                    new Node("train", BenchTrainCommand.class))),
            new Node("demo", DemoCommand.class),
            new Node("help", CommandLine.HelpCommand.class));

    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The whole command line configured as the app runs it; tests call {@code execute} on it. */
    public static CommandLine commandLine() {
        return configure(tree(null));
    }

    /**
     * The command line for these arguments: only the subcommand they name is built, with its own named
     * subcommand, because picocli reflects on (and instantiates) every command it is given, which cost a
     * small {@code lps solve} a third of a second. {@code --version} builds none; without a known name
     * ({@code --help}, {@code help}, a typo) every command is built, so usage help and picocli's suggestions see
     * them all.
     */
    public static CommandLine commandLine(String... args) {
        return configure(tree(args));
    }

    private static CommandLine tree(String[] args) {
        CommandLine root = new CommandLine(rootSpec());
        add(root, COMMANDS, args, 0);
        return root;
    }

    /**
     * The {@code lps} command itself, declared through picocli's API rather than annotations: reading
     * annotations costs a dynamic proxy class per annotation type and the help mixin's reflection, which was
     * half of {@code lps --version}.
     */
    private static CommandSpec rootSpec() {
        LpsApp app = new LpsApp();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(app);
        app.spec = spec;
        spec.name("lps").versionProvider(new Version());
        spec.usageMessage().description("Homotopy continuation solver and LPS weight initialization toolkit.");
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
        return spec;
    }

    private static void add(CommandLine parent, List<Node> nodes, String[] args, int depth) {
        String word = args != null && depth < args.length ? args[depth] : null;
        if (word != null && VERSION.contains(word)) {
            return;   // the version needs no subcommand
        }
        boolean known = nodes.stream().anyMatch(n -> n.name().equals(word)) && !word.equals("help");
        for (Node n : nodes) {
            if (known && !n.name().equals(word)) {
                continue;
            }
            CommandLine child = new CommandLine(n.type());
            add(child, n.children(), known ? args : null, depth + 1);
            parent.addSubcommand(n.name(), child);
        }
    }

    private static final List<String> VERSION = List.of("-V", "--version");

    /** Settings for the whole hierarchy: set after the subcommands are added, as picocli applies them to those present. */
    private static CommandLine configure(CommandLine cl) {
        cl.setExecutionExceptionHandler(new ErrorReporter());
        cl.setParameterExceptionHandler(new UsageErrorHandler());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine(args).execute(args));
    }
}
