package org.batchopt.spark;

/** {@link SparkBatchCases} on {@code local[3]}, with one retry per task. */
class OnThreeCoresTest extends SparkBatchCases {
    @Override
    String master() {
        return "local[3,2]";
    }
}
