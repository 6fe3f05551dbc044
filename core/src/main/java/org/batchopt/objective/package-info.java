/**
 * The built-in objectives ({@link org.batchopt.objective.BuiltIn}: formulas, dimensions, boxes, known minima) and
 * the error of a formula that does not parse. Objectives themselves come from {@link org.batchopt.Objectives}.
 */
package org.batchopt.objective;
