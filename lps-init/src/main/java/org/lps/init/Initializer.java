package org.lps.init;

import java.util.Optional;
import org.lps.nets.init.WeightInit;
import org.lps.nets.model.Model;

/**
 * An initialization scheme: architecture (the {@link Model}, with the activation after each layer) plus a
 * seed give the weights and biases of every dense and conv2d layer. The same model and seed give the same
 * weights on any number of threads.
 *
 * <p>Every scheme of this module implements it and is registered in
 * {@code META-INF/services/org.lps.nets.init.WeightInit}, so {@code lps train --init NAME} and
 * {@code lps init --method NAME} find it by name.
 */
public interface Initializer extends WeightInit {

    /** Sets the weights and biases of every dense and conv2d layer of {@code model}. */
    @Override
    void initialize(Model model, long seed);

    /**
     * What the scheme computed on its last {@link #initialize} call that a user should see, serialized by
     * {@code lps init --json} under the key {@link #name()} (LPS reports its polynomial system and minima
     * here). Empty for schemes that are just a formula.
     */
    default Optional<Object> details() {
        return Optional.empty();
    }
}
