/**
 * Internal, not part of batchopt's API: the CPU twins of the built-in objectives ({@code <Name>64} and the
 * generated {@code <Name>32}) and the sources that pair them with {@code kernels/objectives/<name>.cl}.
 */
package org.batchopt.objective.builtin;
