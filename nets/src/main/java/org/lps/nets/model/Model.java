package org.lps.nets.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.Graphs;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedAcyclicGraph;
import org.lps.nets.layer.Activation;
import org.lps.nets.layer.ActivationLayer;
import org.lps.nets.layer.Layer;
import org.lps.nets.layer.Parameter;
import org.lps.nets.layer.ParameterizedLayer;
import org.lps.nets.tensor.Shape;

/**
 * A network as a directed acyclic graph of layers (JGraphT), executed in topological order.
 *
 * <p>Every layer so far has one input, so the graphs accepted are chains; the graph is kept because it is
 * what initializers and summaries walk (predecessors, successors, the activation that follows a layer) and
 * what a merge layer would extend. Parameterized layers are named {@code layer0}, {@code layer1}, ... in
 * order, and their arrays {@code layerN.weight} / {@code layerN.bias} in the weight files.
 */
public final class Model {
    private final Shape input;
    private final Graph<Layer, DefaultEdge> graph;
    private final List<Layer> order;
    private final List<ParameterizedLayer> parameterized;
    private final Map<String, Parameter> named;

    /** Builds a model from a graph of layers; shapes must agree along every edge. */
    public static Model of(Shape input, Graph<Layer, DefaultEdge> graph) {
        return new Model(input, graph);
    }

    /** Starts a chain on inputs of the given shape. */
    public static ModelBuilder builder(Shape input) {
        return new ModelBuilder(input);
    }

    private Model(Shape input, Graph<Layer, DefaultEdge> g) {
        if (g.vertexSet().isEmpty()) {
            throw new IllegalArgumentException("a model needs at least one layer");
        }
        DirectedAcyclicGraph<Layer, DefaultEdge> dag = new DirectedAcyclicGraph<>(DefaultEdge.class);
        Graphs.addGraph(dag, g); // throws IllegalArgumentException on a cycle
        List<Layer> topo = new ArrayList<>();
        dag.iterator().forEachRemaining(topo::add);
        for (Layer l : topo) {
            if (dag.inDegreeOf(l) > 1 || dag.outDegreeOf(l) > 1) {
                throw new IllegalArgumentException("layer '" + l + "' has several inputs or outputs; only chains are supported");
            }
        }
        for (int i = 1; i < topo.size(); i++) {
            if (!dag.containsEdge(topo.get(i - 1), topo.get(i))) {
                throw new IllegalArgumentException("the layer graph is not connected: nothing feeds '" + topo.get(i) + "'");
            }
            if (!topo.get(i - 1).outputShape().equals(topo.get(i).inputShape())) {
                throw new IllegalArgumentException("shape mismatch: '" + topo.get(i - 1) + "' outputs " + topo.get(i - 1).outputShape()
                        + " but '" + topo.get(i) + "' takes " + topo.get(i).inputShape());
            }
        }
        if (!topo.get(0).inputShape().equals(input)) {
            throw new IllegalArgumentException("the first layer takes " + topo.get(0).inputShape() + ", not the model input " + input);
        }
        this.input = input;
        this.graph = new AsUnmodifiableGraph<>(dag);
        this.order = Collections.unmodifiableList(topo);
        List<ParameterizedLayer> p = new ArrayList<>();
        Map<String, Parameter> n = new LinkedHashMap<>();
        for (Layer l : topo) {
            if (l instanceof ParameterizedLayer pl) {
                String name = "layer" + p.size();
                p.add(pl);
                for (Parameter par : pl.parameters()) {
                    n.put(name + "." + par.name(), par);
                }
            }
        }
        this.parameterized = Collections.unmodifiableList(p);
        this.named = Collections.unmodifiableMap(n);
    }

    public Shape inputShape() {
        return input;
    }

    public Shape outputShape() {
        return order.get(order.size() - 1).outputShape();
    }

    /** Every layer, in execution (topological) order. */
    public List<Layer> layers() {
        return order;
    }

    /** The layer graph, read-only. */
    public Graph<Layer, DefaultEdge> graph() {
        return graph;
    }

    /** The dense and conv2d layers in order: {@code layer0}, {@code layer1}, ... */
    public List<ParameterizedLayer> parameterizedLayers() {
        return parameterized;
    }

    /** {@code layerN}: the name of a parameterized layer in weight files. */
    public String nameOf(ParameterizedLayer layer) {
        int i = parameterized.indexOf(layer);
        if (i < 0) {
            throw new IllegalArgumentException("not a layer of this model: " + layer);
        }
        return "layer" + i;
    }

    /**
     * The activation applied right after {@code layer} (its successor in the graph), or null when it is
     * followed by something else (pooling, the loss).
     */
    public Activation activationAfter(Layer layer) {
        for (Layer next : Graphs.successorListOf(graph, layer)) {
            if (next instanceof ActivationLayer a) {
                return a.activation();
            }
        }
        return null;
    }

    /** {@code layerN.weight}, {@code layerN.bias} in order, live arrays. */
    public Map<String, Parameter> namedParameters() {
        return named;
    }

    public long parameterCount() {
        long n = 0;
        for (Parameter p : named.values()) {
            n += p.size();
        }
        return n;
    }

    /** A per-thread executor for batches of up to {@code maxBatch} samples. */
    public ModelRunner runner(int maxBatch) {
        return new ModelRunner(this, maxBatch);
    }

    /** One line per layer: index, name, kind, output shape. */
    public String summary() {
        StringBuilder b = new StringBuilder("input " + input + "\n");
        for (int i = 0; i < order.size(); i++) {
            Layer l = order.get(i);
            String name = l instanceof ParameterizedLayer pl ? nameOf(pl) + " " : "";
            b.append(String.format("%2d %s%s%n", i, name, l));
        }
        return b.append("parameters ").append(parameterCount()).toString();
    }

    @Override
    public String toString() {
        return summary();
    }
}
