/**
 * Internal, not part of batchopt's API: objectives from formulas ({@code Objectives.expression}). The text goes {@link
 * org.batchopt.objective.expression.Lexer} -&gt; {@link org.batchopt.objective.expression.Parser} -&gt; a
 * {@link org.batchopt.objective.expression.Node} tree -&gt; straight-line {@link
 * org.batchopt.objective.expression.Instruction}s (with the gradient appended by {@link
 * org.batchopt.objective.expression.ReverseMode}) = a {@link org.batchopt.objective.expression.Program}, which
 * {@link org.batchopt.objective.expression.KernelWriter} prints as kernel source and
 * {@code objective/expression/Expression64} (and its generated fp32 twin) interprets on the CPU, instruction for
 * instruction.
 */
package org.batchopt.objective.expression;
