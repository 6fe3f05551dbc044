package org.batchopt.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.batchopt.Hyperparameter;
import org.batchopt.Param;

/**
 * Every member's result as a table written by Spark's own writers, one part file per task, in member order: columns
 * {@code member, f, objective, grad_norm, steps, status, x0..x{D-1}}, then one per hyperparameter by its
 * {@link Hyperparameter#id} and, for a grid, {@code combination}; the names of {@code batchopt run --format csv}.
 * Values are the results' own (an fp32 value as the double it equals), so a table read back gives the bits.
 */
public final class MemberTable {
    /** The file format of the table. */
    public enum Format {
        PARQUET, CSV;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private MemberTable() {
    }

    /** The table's columns for {@code job}. */
    static StructType schema(BatchJob job) {
        List<StructField> fields = new ArrayList<>(List.of(
                DataTypes.createStructField("member", DataTypes.IntegerType, false),
                DataTypes.createStructField("f", DataTypes.DoubleType, false),
                DataTypes.createStructField("objective", DataTypes.DoubleType, false),
                DataTypes.createStructField("grad_norm", DataTypes.DoubleType, false),
                DataTypes.createStructField("steps", DataTypes.IntegerType, false),
                DataTypes.createStructField("status", DataTypes.StringType, false)));
        for (int i = 0; i < job.objective().dimension(); i++) {
            fields.add(DataTypes.createStructField("x" + i, DataTypes.DoubleType, false));
        }
        for (Hyperparameter h : job.rule().parameters().keySet()) {
            fields.add(DataTypes.createStructField(h.id(), DataTypes.DoubleType, false));
        }
        if (isGrid(job)) {
            fields.add(DataTypes.createStructField("combination", DataTypes.LongType, false));
        }
        return DataTypes.createStructType(fields);
    }

    static void write(SparkSession spark, JavaRDD<RangeRun> runs, JobRecipe recipe, BatchJob job, String path,
                      Format format) {
        JavaRDD<Row> rows = runs.mapPartitions(it -> rows(it, recipe));
        var writer = spark.createDataFrame(rows, schema(job)).write().mode(SaveMode.ErrorIfExists);
        switch (format) {
            case PARQUET -> writer.parquet(path);
            case CSV -> writer.option("header", "true").csv(path);
        }
    }

    /** The rows of the members of {@code runs}, made as they are read; the job is built once per partition. */
    private static Iterator<Row> rows(Iterator<RangeRun> runs, JobRecipe recipe) {
        return new Iterator<>() {
            private BatchJob job;
            private RangeData data;
            private int next;

            @Override
            public boolean hasNext() {
                while ((data == null || next == data.count) && runs.hasNext()) {
                    data = runs.next().data();
                    next = 0;
                }
                return data != null && next < data.count;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                if (job == null) {
                    job = recipe.build();
                }
                return row(job, data, next++);
            }
        };
    }

    private static Row row(BatchJob job, RangeData d, int j) {
        int m = d.first + j;
        List<Object> v = new ArrayList<>(List.of(m, d.f[j], d.objective[j], d.gradientNorm[j], d.steps[j],
                d.status(j).name().toLowerCase(Locale.ROOT)));
        for (int i = 0; i < d.dimension; i++) {
            v.add(d.x(j, i));
        }
        for (Param p : job.rule().parameters().values()) {
            v.add(p.at(m));
        }
        if (isGrid(job)) {
            v.add((long) (m / job.batch().startsPerCombination()));
        }
        return RowFactory.create(v.toArray());
    }

    private static boolean isGrid(BatchJob job) {
        return job.batch().startsPerCombination() != job.batch().members();
    }
}
