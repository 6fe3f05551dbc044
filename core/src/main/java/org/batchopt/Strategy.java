package org.batchopt;

/**
 * How a device runs the steps: {@link #FUSED} suits a small dimension (up to a few dozen), where a member's
 * point, gradient and optimizer state fit in registers; {@link #STREAMING} a large one, where they live in
 * device memory and each step is bound by memory bandwidth. The CPU backend runs lanes of members in either
 * case; results are identical whatever the strategy.
 */
public enum Strategy {
    /** The planner chooses from the dimension and the state size. */
    AUTO,
    /** One work-item per member, state in registers, many steps per launch. */
    FUSED,
    /** State in device memory; a gradient launch and an element-wise update launch per step. */
    STREAMING
}
