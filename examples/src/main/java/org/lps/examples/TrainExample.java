package org.lps.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.lps.nets.data.FashionMnist;
import org.lps.nets.init.WeightInits;
import org.lps.nets.io.Weights;
import org.lps.nets.layer.Activations;
import org.lps.nets.layer.ParameterizedLayer;
import org.lps.nets.loss.Loss;
import org.lps.nets.model.Architecture;
import org.lps.nets.model.Model;
import org.lps.nets.model.PreActivations;
import org.lps.nets.optim.Optimizer;
import org.lps.nets.train.EpochResult;
import org.lps.nets.train.ProgressListener;
import org.lps.nets.train.Trainer;

/**
 * Train a CNN from Java: build it from its architecture string, initialize it, look at what an
 * initializer sees, measure its pre-activations on data, train it and save the weights.
 * Run: {@code java -cp examples/target/lps.jar org.lps.examples.TrainExample [EPOCHS] [OUT.safetensors]}.
 */
public final class TrainExample {

    private TrainExample() {
    }

    public static void main(String[] args) throws IOException {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path out = Path.of(args.length > 1 ? args[1] : "cnn.safetensors");
        List<EpochResult> results = run(epochs, out);
        System.out.println("final test accuracy " + results.get(results.size() - 1).testAccuracy());
    }

    static List<EpochResult> run(int epochs, Path out) throws IOException {
        FashionMnist.Split data = FashionMnist.embedded().standardized();
        Model model = Architecture.parse("cnn:1x28x28,c16k3,p2,c32k3,p2,d10", Activations.relu());
        WeightInits.byName("he").initialize(model, 42);

        // What an initializer sees: kind, PyTorch shape, fans, the activation after, writable arrays.
        for (ParameterizedLayer l : model.parameterizedLayers()) {
            System.out.println(model.nameOf(l) + " " + l.kind() + " " + Arrays.toString(l.weight().shape())
                    + " fanIn " + l.fanIn() + " fanOut " + l.fanOut()
                    + " then " + (model.activationAfter(l) == null ? "-" : model.activationAfter(l).name()));
        }
        // Pre-activation mean and variance of every layer on data, at initialization.
        PreActivations.measure(model, data.train().features(), 1000).forEach(System.out::println);

        List<EpochResult> results;
        try (Trainer t = new Trainer(model, Optimizer.sgd(0.05, 0.9, 0), Loss.softmaxCrossEntropy(), 128, 2)) {
            results = t.fit(data.train(), data.test(), epochs, 42, ProgressListener.NONE);
        }
        results.forEach(System.out::println);
        Weights.save(model, out, Map.of("arch", "cnn:1x28x28,c16k3,p2,c32k3,p2,d10"));
        return results;
    }
}
