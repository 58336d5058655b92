/** Weight files that PyTorch and NumPy read: safetensors and .npz, arrays named layerN.weight / layerN.bias. */
package org.lps.nets.io;
