package org.lps.nets.model;

import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedAcyclicGraph;
import org.lps.nets.layer.Activation;
import org.lps.nets.layer.ActivationLayer;
import org.lps.nets.layer.Conv2d;
import org.lps.nets.layer.Dense;
import org.lps.nets.layer.Flatten;
import org.lps.nets.layer.Layer;
import org.lps.nets.layer.Pool2d;
import org.lps.nets.tensor.Shape;

/** Appends layers to a chain, inferring each one's input shape from the previous output. */
public final class ModelBuilder {
    private final Shape input;
    private final DirectedAcyclicGraph<Layer, DefaultEdge> graph = new DirectedAcyclicGraph<>(DefaultEdge.class);
    private Layer last;
    private Shape shape;

    ModelBuilder(Shape input) {
        this.input = input;
        this.shape = input;
    }

    /** The output shape so far. */
    public Shape shape() {
        return shape;
    }

    public ModelBuilder add(Layer layer) {
        if (!layer.inputShape().equals(shape)) {
            throw new IllegalArgumentException("'" + layer + "' takes " + layer.inputShape() + " but the model so far outputs " + shape);
        }
        graph.addVertex(layer);
        if (last != null) {
            graph.addEdge(last, layer);
        }
        last = layer;
        shape = layer.outputShape();
        return this;
    }

    /** A dense layer; flattens an image input first. */
    public ModelBuilder dense(int out) {
        if (shape.rank() != 1) {
            flatten();
        }
        return add(new Dense(shape.dim(0), out));
    }

    public ModelBuilder conv(int filters, int kernel, int stride, int padding) {
        return add(new Conv2d(shape, filters, kernel, stride, padding));
    }

    public ModelBuilder maxPool(int size, int stride) {
        return add(new Pool2d(shape, Pool2d.Mode.MAX, size, stride));
    }

    public ModelBuilder avgPool(int size, int stride) {
        return add(new Pool2d(shape, Pool2d.Mode.AVG, size, stride));
    }

    public ModelBuilder flatten() {
        return add(new Flatten(shape));
    }

    public ModelBuilder activation(Activation a) {
        return add(new ActivationLayer(shape, a));
    }

    public Model build() {
        return Model.of(input, graph);
    }
}
