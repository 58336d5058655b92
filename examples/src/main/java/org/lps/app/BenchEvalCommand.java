package org.lps.app;

import picocli.CommandLine.Command;

@Command(name = "eval", mixinStandardHelpOptions = true, description = "Evaluations per second of compiled values+Jacobian (JMH).")
final class BenchEvalCommand extends Pending {
    @Override
    String missing() {
        return "the evaluation benchmark (issue #2)";
    }
}
