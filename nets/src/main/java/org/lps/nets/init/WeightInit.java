package org.lps.nets.init;

import org.lps.nets.model.Model;

/**
 * A weight-initialization scheme: sets the weight and bias of every dense and conv2d layer of a model from a
 * seed. The same model and seed give the same weights.
 *
 * <p>Schemes are found by name through {@link WeightInits}; other modules (lps-init) add theirs by listing
 * an implementation in {@code META-INF/services/org.lps.nets.init.WeightInit}, with a public no-argument
 * constructor.
 */
public interface WeightInit {

    /** The name {@code lps train --init} takes. */
    String name();

    /** One line for help texts. */
    default String description() {
        return name();
    }

    void initialize(Model model, long seed);
}
