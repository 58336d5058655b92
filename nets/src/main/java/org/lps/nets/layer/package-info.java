/**
 * Layers (dense, conv2d, max/avg pooling, flatten, activations) with exact gradients, in PyTorch's layouts.
 * A layer holds its parameters; a {@link org.lps.nets.layer.Layer.Runner} holds one thread's scratch memory.
 */
package org.lps.nets.layer;
