package org.lps.app;

import java.util.Locale;
import org.lps.nets.model.Architecture;

/**
 * Refuses an architecture too large for this JVM before anything is allocated, naming the flag: an
 * {@code mlp:784,2000000,10} once ran out of memory after 25 seconds, and a wider one overflowed an int.
 * The memory estimate is per command: what it keeps per parameter and per sample at once.
 */
final class ModelSize {

    /** Bytes per parameter: the float weight alone (init writes it; its scheme's scratch is at most as large). */
    static final int INIT_BYTES_PER_PARAMETER = 2 * Float.BYTES;
    /** Training: weight, gradient, and up to two optimizer moments (Adam), each a float. */
    static final int TRAIN_BYTES_PER_PARAMETER = 4 * Float.BYTES;
    /** Training keeps every layer's output and its gradient for a batch. */
    static final int TRAIN_BYTES_PER_ACTIVATION = 2 * Float.BYTES;

    private ModelSize() {
    }

    /**
     * Checks {@code spec} for {@code command}: no tensor larger than a Java array, and the parameters (times
     * {@code bytesPerParameter}) plus {@code samples} forward passes (times {@code bytesPerActivation}) within the
     * memory this JVM may still take. Returns the size for the caller's own use.
     */
    static Architecture.Size require(String flag, String spec, String command, int bytesPerParameter, long samples,
                                     int bytesPerActivation) {
        return require(flag, spec, flag + " '" + spec + "'", command, bytesPerParameter, samples, bytesPerActivation);
    }

    /** As above, with {@code what} naming the culprit in the message instead of the spec. */
    static Architecture.Size require(String flag, String spec, String what, String command, int bytesPerParameter,
                                     long samples, int bytesPerActivation) {
        Architecture.Size size = UserInputException.forFlag(flag, () -> Architecture.size(spec));
        if (size.largestTensor() > Architecture.MAX_TENSOR_ELEMENTS) {
            throw new UserInputException(what + ": a layer has " + size.largestTensor()
                    + " weights, more than one array holds (" + Architecture.MAX_TENSOR_ELEMENTS + "); use narrower layers");
        }
        double need = (double) size.parameters() * bytesPerParameter
                + (double) size.activationsPerSample() * samples * bytesPerActivation;
        Runtime rt = Runtime.getRuntime();
        long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (need > available) {
            throw new UserInputException(String.format(Locale.ROOT, "%s: %d parameters need about %s for %s, more"
                            + " than the %s this JVM can still use (use a smaller architecture, or raise -Xmx via LPS_JAVA_OPTS)",
                    what, size.parameters(), bytes(need), command, bytes(available)));
        }
        return size;
    }

    static String bytes(double b) {
        if (b >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", b / (1L << 30));
        }
        return String.format(Locale.ROOT, "%.0f MiB", Math.ceil(b / (1L << 20)));
    }
}
