package org.lps.app;

import picocli.CommandLine.Command;

@Command(name = "count", mixinStandardHelpOptions = true, description = "Root counts of a polynomial system: total degree, multi-homogeneous, linear-product, mixed volume.")
final class CountCommand extends Pending {
    @Override
    String missing() {
        return "root counts (issue #2)";
    }
}
