package org.lps.app;

import java.util.List;
import picocli.CommandLine;

/**
 * A command line picocli cannot parse (an unknown flag or command, a value that is not a number, a missing
 * option): one line {@code lps CMD: what is wrong (see lps CMD --help)} and exit code 2, instead of the whole
 * usage text, which buries the one line that matters.
 */
final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        String prog = cl.getCommandSpec().qualifiedName();
        cl.getErr().println(prog + ": " + describe(ex, args) + " (see " + prog + " --help)");
        cl.getErr().flush();
        return ErrorReporter.EXIT_BAD_INPUT;
    }

    private static String describe(CommandLine.ParameterException ex, String[] args) {
        if (ex instanceof CommandLine.MissingParameterException) {
            // picocli checks required options before it reports unmatched ones: the typo is the line that helps
            String unknown = firstUnknownOption(ex.getCommandLine().getCommandSpec(), args);
            if (unknown != null) {
                return "unknown option '" + unknown + "'";
            }
        }
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String arg = u.getUnmatched().get(0);
            boolean hasSubcommands = !ex.getCommandLine().getSubcommands().isEmpty();
            String what = arg.startsWith("-") ? "unknown option '" + arg + "'"
                    : hasSubcommands ? "unknown command '" + arg + "'" : "unexpected argument '" + arg + "'";
            List<String> suggestions = u.getSuggestions();
            return suggestions.isEmpty() ? what : what + "; did you mean " + String.join(" or ", suggestions) + "?";
        }
        String m = ex.getMessage() == null ? "invalid command line" : ex.getMessage();
        int nl = m.indexOf('\n');
        m = nl < 0 ? m : m.substring(0, nl);
        // picocli says "Invalid value for option '--threads': '2147483648' is not an int"
        m = m.replace(" is not an int", " is not a whole number in [" + Integer.MIN_VALUE + ", " + Integer.MAX_VALUE + "]")
                .replace(" is not a long", " is not a whole number in [" + Long.MIN_VALUE + ", " + Long.MAX_VALUE + "]");
        return m.isEmpty() ? m : Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }

    /** The first argument that looks like a long or short option and names none of the command's options. */
    private static String firstUnknownOption(CommandLine.Model.CommandSpec spec, String[] args) {
        for (String a : args) {
            if (a.equals("-") || a.equals("--") || !a.startsWith("-") || a.matches("-\\d.*")) {
                continue;
            }
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (spec.findOption(name) == null && !spec.subcommands().containsKey(name)) {
                return name;
            }
        }
        return null;
    }
}
