/** Optimizers (SGD with momentum, Adam; L2 weight decay) with PyTorch's update rules. */
package org.lps.nets.optim;
