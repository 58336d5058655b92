package org.lps.init;

import java.util.List;
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
 * {@code lps init --method NAME} find it by name. The registered instance is the scheme with its default
 * settings; {@link Initializers#parse(MethodSpec)} hands it the parsed method string ({@code fmp:0.8}) and
 * the options of {@code lps init} ({@code --degree}) through {@link #configure(MethodSpec)}.
 */
public interface Initializer extends WeightInit {

    /** Sets the weights and biases of every dense and conv2d layer of {@code model}. */
    @Override
    void initialize(Model model, long seed);

    /** How the method is spelled with its parameters, for help texts and errors: {@code fmp[:S]}. */
    default String syntax() {
        return name();
    }

    /**
     * The scheme with the settings of {@code spec} (whose name is this scheme's): a new instance, or this one
     * when there is nothing to set. The default accepts no parameters and no degree, with a message saying so.
     */
    default Initializer configure(MethodSpec spec) {
        spec.requireAtMost(0, syntax());
        return this;
    }

    /**
     * What the scheme computed on its last {@link #initialize} call that a user should see, serialized by
     * {@code lps init --json} under the key {@link #name()} (LPS reports its polynomial system and minima
     * here). Empty for schemes that are just a formula.
     */
    default Optional<Object> details() {
        return Optional.empty();
    }

    /**
     * The pre-activation mean and variance of every dense and conv2d layer ({@code layer0}, ... in order) that
     * the scheme predicts, after its last {@link #initialize} call, for inputs standardized to mean 0 and
     * variance 1 (as {@code --data} provides them). {@code lps init --data} prints them beside the measured
     * values. Empty when the scheme makes no prediction; a layer it cannot predict may be left out.
     */
    default Optional<List<PredictedMoments>> predictedPreActivations() {
        return Optional.empty();
    }
}
