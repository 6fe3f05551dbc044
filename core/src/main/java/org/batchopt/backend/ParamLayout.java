package org.batchopt.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.batchopt.Hyperparameter;
import org.batchopt.Param;
import org.batchopt.rule.UpdateRule;

/**
 * The hyperparameters of a plan in kernel order: index {@code k} is {@code HP_<id>} in the kernels and
 * {@code hp[k][l]} in the CPU twin. Uniform values travel once; per-member values one per member.
 */
public final class ParamLayout {
    private final List<Hyperparameter> names;
    private final List<Param> params;

    private ParamLayout(List<Hyperparameter> names, List<Param> params) {
        this.names = names;
        this.params = params;
    }

    public static ParamLayout of(UpdateRule rule) {
        List<Hyperparameter> names = new ArrayList<>();
        List<Param> params = new ArrayList<>();
        for (Map.Entry<Hyperparameter, Param> e : rule.parameters().entrySet()) {
            names.add(e.getKey());
            params.add(e.getValue());
        }
        return new ParamLayout(List.copyOf(names), List.copyOf(params));
    }

    public int count() {
        return names.size();
    }

    public Hyperparameter hyperparameter(int k) {
        return names.get(k);
    }

    public Param param(int k) {
        return params.get(k);
    }

    /** Index of {@code h}, or -1. */
    public int index(Hyperparameter h) {
        return names.indexOf(h);
    }

    /** True when {@code h} is absent or one value for the whole batch. */
    public boolean uniform(Hyperparameter h) {
        int k = index(h);
        return k < 0 || params.get(k).isUniform();
    }

    /** Number of per-member parameters. */
    public int perMemberCount() {
        int n = 0;
        for (Param p : params) {
            if (!p.isUniform()) {
                n++;
            }
        }
        return n;
    }

    /** Values of the uniform parameters at their kernel index (per-member slots hold 0), at least one value. */
    public double[] uniformValues() {
        double[] v = new double[Math.max(1, count())];
        for (int k = 0; k < count(); k++) {
            if (params.get(k).isUniform()) {
                v[k] = params.get(k).value();
            }
        }
        return v;
    }

    /**
     * Per-member values of members {@code first .. first+count-1}: {@code out[j*count + i]} for the j-th
     * per-member parameter; at least one value so that a buffer can be made.
     */
    public double[] perMemberValues(long first, int count) {
        double[] v = new double[Math.max(1, perMemberCount() * count)];
        int j = 0;
        for (Param p : params) {
            if (!p.isUniform()) {
                for (int i = 0; i < count; i++) {
                    v[j * count + i] = p.at(first + i);
                }
                j++;
            }
        }
        return v;
    }
}
