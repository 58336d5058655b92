package org.lps.init.lps;

import org.lps.polyapprox.activation.Activation;

/** A network's activation (nets) as the function polyapprox fits: by name for built-ins, else wrapped. */
final class ActivationBridge {

    private ActivationBridge() {
    }

    static Activation toPolyapprox(org.lps.nets.layer.Activation a) {
        try {
            return Activation.parse(a.name());
        } catch (IllegalArgumentException notBuiltIn) {
            // polynomial activations (poly:c0,c1,...) and anything else: value and derivative as given; 0 declared a
            // kink (harmless for smooth functions, a panel break in the quadrature)
            return Activation.of(a.name(), a::value, a::derivative, 0.0);
        }
    }
}
