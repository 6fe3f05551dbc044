package org.batchopt.objective.data;

import org.batchopt.kernel.DataObjectiveSource;
import org.batchopt.kernel.DataRows;
import org.batchopt.kernel.DataTwin32;
import org.batchopt.kernel.DataTwin64;
import org.batchopt.kernel.KernelModel;
import org.batchopt.kernel.ObjectiveTwin32;
import org.batchopt.kernel.ObjectiveTwin64;

/** A model over a dataset, as the backends run it (see {@link DataObjectiveSource}). Immutable. */
public final class ModelSource implements DataObjectiveSource {
    private final KernelModel model;
    private final int outputs;
    private final boolean intercept;
    private final DataRows training;
    private final DataRows validation;
    private final int batchSize;
    private final long seed;
    private final int evaluateEvery;
    private final int patience;

    /**
     * @param outputs    the classes of a softmax model, 1 otherwise
     * @param validation the validation rows, or null
     */
    public ModelSource(KernelModel model, int outputs, boolean intercept, DataRows training, DataRows validation,
                       int batchSize, long seed, int evaluateEvery, int patience) {
        this.model = model;
        this.outputs = outputs;
        this.intercept = intercept;
        this.training = training;
        this.validation = validation;
        this.batchSize = batchSize;
        this.seed = seed;
        this.evaluateEvery = evaluateEvery;
        this.patience = patience;
    }

    /** The model, features, outputs and intercept: everything the program text depends on, and nothing else. */
    @Override
    public String id() {
        return model.name().toLowerCase(java.util.Locale.ROOT) + "(F=" + features() + ", C=" + outputs
                + (intercept ? "" : ", no intercept") + ")";
    }

    /** The model's {@code #define}s for {@code kernels/data.cl}. */
    @Override
    public String kernelSource() {
        return "#define BO_MODEL " + model.ordinal() + "\n#define BO_FEATURES " + features() + "\n#define BO_OUTPUTS "
                + outputs + "\n#define BO_INTERCEPT " + (intercept ? 1 : 0) + "\n#define BO_STRIDE " + stride() + "\n";
    }

    @Override
    public ObjectiveTwin64 twin64(int dimension) {
        check(dimension);
        return new FullBatch64(this::dataTwin64, dimension, training.rows());
    }

    @Override
    public ObjectiveTwin32 twin32(int dimension) {
        check(dimension);
        return new FullBatch32(this::dataTwin32, dimension, training.rows());
    }

    private void check(int dimension) {
        if (dimension != outputs * stride()) {
            throw new IllegalArgumentException("dimension " + dimension + ", the model has " + outputs * stride()
                    + " coordinates");
        }
    }

    @Override
    public DataTwin64 dataTwin64(int lanes) {
        return new DataTwin64(model, features(), outputs, intercept, training.x64(), training.y64(),
                validation == null ? null : validation.x64(), validation == null ? null : validation.y64(), lanes);
    }

    @Override
    public DataTwin32 dataTwin32(int lanes) {
        return new DataTwin32(model, features(), outputs, intercept, training.x32(), training.y32(),
                validation == null ? null : validation.x32(), validation == null ? null : validation.y32(), lanes);
    }

    @Override
    public KernelModel model() {
        return model;
    }

    @Override
    public int features() {
        return training.features();
    }

    @Override
    public int outputs() {
        return outputs;
    }

    @Override
    public boolean intercept() {
        return intercept;
    }

    @Override
    public DataRows training() {
        return training;
    }

    @Override
    public DataRows validation() {
        return validation;
    }

    @Override
    public int batchSize() {
        return batchSize;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public int evaluateEvery() {
        return evaluateEvery;
    }

    @Override
    public int patience() {
        return patience;
    }
}
