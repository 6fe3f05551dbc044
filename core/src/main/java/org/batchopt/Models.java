package org.batchopt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.batchopt.backend.DataResults;
import org.batchopt.kernel.DataObjectiveSource;

/**
 * The models a run over a {@link Dataset} fitted ({@link Result#models()}): per member its coefficients and
 * intercepts (as fitted, and in the dataset's original units when it was standardized), its training loss, its
 * objective (the training loss with the rule's penalties), its validation loss and accuracy, and its learning
 * curve. Every loss is the data term of the model's loss ({@link Objectives#linear} and the like) over every row of
 * its part, at the point the member reports: its final point, or with patience its best one ({@link Training}).
 */
public final class Models {
    /** One evaluation of a learning curve: after {@code step} steps, the training and validation loss. */
    public record Evaluation(int step, double trainLoss, double validationLoss) {
    }

    private final Result result;
    private final Dataset data;
    private final DataObjectiveSource source;
    private final DataResults results;
    private final Param l1;
    private final Param[] quadratic;

    Models(Result result, Dataset data, DataObjectiveSource source, DataResults results) {
        this.result = result;
        this.data = data;
        this.source = source;
        this.results = results;
        Map<Hyperparameter, Param> p = result.rule().parameters();
        Param w = p.get(Hyperparameter.L1);
        this.l1 = w != null && w.anyNonZero() ? w : null;
        this.quadratic = java.util.stream.Stream.of(Hyperparameter.L2, Hyperparameter.WEIGHT_DECAY,
                Hyperparameter.DECOUPLED_WEIGHT_DECAY).map(p::get).filter(v -> v != null && v.anyNonZero())
                .toArray(Param[]::new);
    }

    /** {@return {@code linear}, {@code logistic} or {@code softmax}} */
    public String model() {
        return source.model().name().toLowerCase(Locale.ROOT);
    }

    /** {@return the dataset the models were fitted to} */
    public Dataset dataset() {
        return data;
    }

    /** {@return outputs per row: the classes of a softmax model, 1 otherwise} */
    public int outputs() {
        return source.outputs();
    }

    /** {@return features per row} */
    public int features() {
        return source.features();
    }

    /** {@return whether the models have an intercept per output} */
    public boolean intercept() {
        return source.intercept();
    }

    /** {@return the class labels of a classifier, class c at index c; empty for a linear model} */
    public List<String> classes() {
        return source.model().classifies() ? data.labels() : List.of();
    }

    /** {@return members of the run} */
    public int members() {
        return result.members();
    }

    /**
     * {@return member m's coefficients as fitted, {@code [output][feature]} (one output but for softmax)}
     *
     * @param m the member's index, in {@code [0, members())}
     */
    public double[][] coefficients(int m) {
        double[][] w = new double[outputs()][features()];
        for (int c = 0; c < outputs(); c++) {
            for (int k = 0; k < features(); k++) {
                w[c][k] = result.x(m, c * source.stride() + k);
            }
        }
        return w;
    }

    /**
     * {@return member m's intercept per output as fitted; zeros without an intercept}
     *
     * @param m the member's index, in {@code [0, members())}
     */
    public double[] intercepts(int m) {
        double[] b = new double[outputs()];
        if (intercept()) {
            for (int c = 0; c < outputs(); c++) {
                b[c] = result.x(m, c * source.stride() + features());
            }
        }
        return b;
    }

    /**
     * {@return member m's coefficients in the original units of a standardized dataset, {@code w_k / sd_k}; the fitted
     * ones when it was not standardized}
     *
     * @param m the member's index, in {@code [0, members())}
     */
    public double[][] originalCoefficients(int m) {
        double[][] w = coefficients(m);
        for (double[] row : w) {
            for (int k = 0; k < row.length; k++) {
                row[k] = row[k] / data.scale(k);
            }
        }
        return w;
    }

    /**
     * {@return member m's intercepts in the original units: {@code b - sum_k w_k mean_k / sd_k}}
     *
     * @param m the member's index, in {@code [0, members())}
     */
    public double[] originalIntercepts(int m) {
        double[][] w = coefficients(m);
        double[] b = intercepts(m);
        for (int c = 0; c < b.length; c++) {
            for (int k = 0; k < features(); k++) {
                b[c] -= w[c][k] * data.mean(k) / data.scale(k);
            }
        }
        return b;
    }

    /**
     * {@return the training loss at member m's reported point: the data term over every training row}
     *
     * @param m the member's index, in {@code [0, members())}
     */
    public double trainLoss(int m) {
        return results.trainLoss(m);
    }

    /**
     * {@return the objective member m minimized, at its reported point: the training loss plus the penalties on the
     * coefficients (never the intercepts), {@code l1*|w|_1 + (l2 + weight_decay + decoupled_weight_decay)/2 * |w|^2} in
     * its own weights; computed in double}
     *
     * @param m the member's index, in {@code [0, members())}
     */
    public double objective(int m) {
        double loss = trainLoss(m);
        if (l1 == null && quadratic.length == 0) {
            return loss;
        }
        double abs = 0;
        double sq = 0;
        for (int i = 0; i < result.dimension(); i++) {
            if (source.penalized(i)) {
                double v = result.x(m, i);
                abs += Math.abs(v);
                sq += v * v;
            }
        }
        double q = 0;
        for (Param p : quadratic) {
            q += p.at(m);
        }
        return loss + (l1 == null ? 0 : l1.at(m) * abs) + q / 2 * sq;
    }

    /** {@return whether the dataset has validation rows} */
    public boolean hasValidation() {
        return source.validation() != null;
    }

    /**
     * {@return the validation loss at member m's reported point; NaN without validation rows}
     *
     * @param m the member's index, in {@code [0, members())}
     */
    public double validationLoss(int m) {
        return results.validationLoss(m);
    }

    /**
     * {@return the fraction of validation rows member m's model predicts right; NaN for a linear model or without them}
     *
     * @param m the member's index, in {@code [0, members())}
     */
    public double validationAccuracy(int m) {
        if (!source.model().classifies() || !hasValidation()) {
            return Double.NaN;
        }
        return results.validationCorrect(m) / source.validation().rows();
    }

    /**
     * {@return the step of member m's reported point: its last, or with patience its best}
     *
     * @param m the member's index, in {@code [0, members())}
     */
    public int reportedStep(int m) {
        return results.reportedStep(m);
    }

    /** {@return steps between the evaluations of {@link #history}, 0 when there are none} */
    public int evaluateEvery() {
        return results.every();
    }

    /**
     * {@return member m's learning curve: its evaluations every {@link #evaluateEvery} steps while it ran}
     *
     * @param m the member's index, in {@code [0, members())}
     */
    public List<Evaluation> history(int m) {
        List<Evaluation> h = new ArrayList<>();
        for (int k = 0; k < results.curvePoints(); k++) {
            double t = results.curveTrain(k, m);
            if (Double.isNaN(t) && (long) k * results.every() > result.steps(m)) {
                break;
            }
            h.add(new Evaluation(k * results.every(), t, results.curveValid(k, m)));
        }
        return h;
    }

    /**
     * {@return what ranks the members: the validation loss where there are validation rows, else the objective; lower
     * is better}
     *
     * @param m the member's index, in {@code [0, members())}
     */
    public double score(int m) {
        return hasValidation() ? validationLoss(m) : objective(m);
    }

    /**
     * {@return the k best members by {@link #score}, best first, ties to the lower index, non-finite scores last}
     *
     * @param k the feature's index, in {@code [0, features())}
     */
    public int[] best(int k) {
        Comparator<Integer> byScore = Comparator.comparingDouble(m -> {
            double s = score(m);
            return Double.isFinite(s) ? s : Double.POSITIVE_INFINITY;
        });
        return IntStream.range(0, members()).boxed().sorted(byScore.thenComparingInt(m -> m)).limit(k)
                .mapToInt(Integer::intValue).toArray();
    }
}
