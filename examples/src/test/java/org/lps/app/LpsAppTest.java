package org.lps.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command tree main() builds: only what the arguments name, and everything when they name nothing known. */
class LpsAppTest {

    private static List<String> names(CommandLine cl) {
        return List.copyOf(cl.getSubcommands().keySet());
    }

    @Test
    void aNamedCommandIsBuiltAlone() {
        assertEquals(List.of("solve"), names(LpsApp.commandLine("solve", "f.phc")));
        CommandLine bench = LpsApp.commandLine("bench", "demos", "--timeout", "5");
        assertEquals(List.of("bench"), names(bench));
        assertEquals(List.of("demos"), names(bench.getSubcommands().get("bench")));
    }

    @Test
    void theVersionNeedsNoSubcommand() {
        assertEquals(List.of(), names(LpsApp.commandLine("--version")));
        assertEquals(List.of(), names(LpsApp.commandLine("-V")));
    }

    @Test
    void withoutAKnownNameEveryCommandIsBuilt() {
        List<String> all = LpsApp.COMMANDS.stream().map(LpsApp.Node::name).toList();
        assertEquals(all, names(LpsApp.commandLine()));
        for (String[] args : List.of(new String[] {}, new String[] {"--help"}, new String[] {"-h"},
                new String[] {"help", "solve"}, new String[] {"slove"})) {
            assertEquals(all, names(LpsApp.commandLine(args)), String.join(" ", args));
        }
        CommandLine bench = LpsApp.commandLine("bench").getSubcommands().get("bench");
        assertEquals(List.of("certify", "demos", "eval", "solve", "spark", "threads", "train"), names(bench));
        assertEquals(List.of("certify", "demos", "eval", "solve", "spark", "threads", "train"),
                names(LpsApp.commandLine("bench", "nosuch").getSubcommands().get("bench")));
    }

    /** Each tree node's name is the name its class declares, so help and error messages say the same. */
    @Test
    void namesAgreeWithTheAnnotations() {
        check(LpsApp.COMMANDS);
    }

    private static void check(List<LpsApp.Node> nodes) {
        for (LpsApp.Node n : nodes) {
            assertEquals(n.type().getAnnotation(CommandLine.Command.class).name(), n.name());
            check(n.children());
        }
    }

    @Test
    void theSmallTreeBehavesAsTheWholeOne() {
        Cli.Run typo = Cli.run("slove", "x");
        assertEquals(2, typo.exit());
        assertTrue(typo.err().contains("solve"), typo.err());   // picocli's suggestion needs the full tree
        Cli.Run group = Cli.run("bench");
        assertEquals(2, group.exit());
        assertTrue(group.err().contains("certify, demos, eval, solve, spark, threads, train"), group.err());
        Cli.Run help = Cli.run("help", "count");
        assertEquals(0, help.exit(), help.err());
        assertTrue(help.out().contains("Usage: lps count"), help.out());
        Cli.Run version = Cli.run("--version");
        assertEquals(0, version.exit());
        assertTrue(version.out().startsWith("lps "), version.out());
    }
}
