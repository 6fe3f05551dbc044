package org.batchopt.spark;

/** {@link SparkBatchCases} on {@code local[2]}, with one retry per task. */
class OnTwoCoresTest extends SparkBatchCases {
    @Override
    String master() {
        return "local[2,2]";
    }
}
