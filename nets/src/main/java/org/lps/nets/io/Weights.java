package org.lps.nets.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lps.nets.layer.Parameter;
import org.lps.nets.model.Model;

/**
 * A model's weights to and from files: {@code .safetensors} or {@code .npz}, chosen by the extension, with
 * the arrays {@code layerN.weight} and {@code layerN.bias} in PyTorch's layouts.
 */
public final class Weights {

    private Weights() {
    }

    /** The model's parameters as named arrays (copies). */
    public static List<NamedArray> of(Model model) {
        List<NamedArray> out = new ArrayList<>();
        model.namedParameters().forEach((name, p) -> out.add(new NamedArray(name, p.shape(), p.values().clone())));
        return out;
    }

    public static void save(Model model, Path file, Map<String, String> metadata) throws IOException {
        List<NamedArray> arrays = of(model);
        switch (format(file)) {
            case "safetensors": SafeTensors.write(file, arrays, metadata); break;
            default: Npz.write(file, arrays); break;
        }
    }

    public static List<NamedArray> read(Path file) throws IOException {
        return format(file).equals("safetensors") ? SafeTensors.read(file) : Npz.read(file);
    }

    /** Loads a file into the model: every parameter must be present with its exact shape. */
    public static void load(Model model, Path file) throws IOException {
        Map<String, NamedArray> byName = new HashMap<>();
        for (NamedArray a : read(file)) {
            byName.put(a.name(), a);
        }
        for (Map.Entry<String, Parameter> e : model.namedParameters().entrySet()) {
            NamedArray a = byName.get(e.getKey());
            Parameter p = e.getValue();
            if (a == null) {
                throw new IOException(file + ": no array '" + e.getKey() + "' (the file holds " + byName.keySet() + ")");
            }
            if (!Arrays.equals(a.shape(), p.shape())) {
                throw new IOException(file + ": '" + e.getKey() + "' has shape " + Arrays.toString(a.shape())
                        + " but the model needs " + Arrays.toString(p.shape()));
            }
            System.arraycopy(a.values(), 0, p.values(), 0, p.size());
        }
    }

    private static String format(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".safetensors")) {
            return "safetensors";
        }
        if (n.endsWith(".npz")) {
            return "npz";
        }
        throw new IllegalArgumentException(file + ": weight files end in .safetensors or .npz");
    }
}
