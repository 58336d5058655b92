package org.lps.app;

import picocli.CommandLine.Option;

/**
 * The options the block and dying-ReLU studies share (a picocli mixin): the seed, the thread count, whose results
 * do not depend on it, and JSON on stdout instead of the table.
 */
final class StudyRunOptions {

    @Option(names = "--seed", defaultValue = "1", description = "default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--threads", description = "default: all cores; the results do not depend on it")
    Integer threads;

    @Option(names = "--json", description = "Print the JSON (as written to BASE.json) instead of the table")
    boolean json;

    /** The threads to use: {@code --threads}, checked, or all cores. */
    int threads() {
        if (threads != null && threads < 1) {
            throw new UserInputException("--threads must be at least 1, got " + threads);
        }
        return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    }
}
