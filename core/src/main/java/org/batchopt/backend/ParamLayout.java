package org.batchopt.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.batchopt.Hyperparameter;
import org.batchopt.Param;
import org.batchopt.rule.UpdateRule;

/**
 * The hyperparameters of a plan in kernel order: index {@code k} is {@code HP_<id>} in the kernels and
 * {@code hp[k][l]} in the CPU twin. The rule's come first, then the run's others (the augmented Lagrangian's and
 * the formulas' named parameters) by their ids. Uniform values travel once; per-member values one per member.
 */
public final class ParamLayout {
    private final List<String> ids;
    private final List<Param> params;

    private ParamLayout(List<String> ids, List<Param> params) {
        this.ids = ids;
        this.params = params;
    }

    public static ParamLayout of(UpdateRule rule) {
        return of(rule, Map.of());
    }

    /** The rule's hyperparameters, then {@code others} by id in their order. */
    public static ParamLayout of(UpdateRule rule, Map<String, Param> others) {
        List<String> ids = new ArrayList<>();
        List<Param> params = new ArrayList<>();
        for (Map.Entry<Hyperparameter, Param> e : rule.parameters().entrySet()) {
            ids.add(e.getKey().id());
            params.add(e.getValue());
        }
        for (Map.Entry<String, Param> e : others.entrySet()) {
            if (ids.contains(e.getKey())) {
                throw new IllegalArgumentException("hyperparameter " + e.getKey() + " appears twice");
            }
            ids.add(e.getKey());
            params.add(e.getValue());
        }
        return new ParamLayout(List.copyOf(ids), List.copyOf(params));
    }

    public int count() {
        return ids.size();
    }

    /** The id of parameter {@code k}: {@link Hyperparameter#id}, or a named parameter's name. */
    public String id(int k) {
        return ids.get(k);
    }

    /** The kernels' index macro of parameter {@code k}, {@code HP_<id>}. */
    public String kernelName(int k) {
        return "HP_" + ids.get(k);
    }

    public Param param(int k) {
        return params.get(k);
    }

    /** Index of {@code h}, or -1. */
    public int index(Hyperparameter h) {
        return ids.indexOf(h.id());
    }

    /** Index of the parameter with id {@code id}, or -1. */
    public int index(String id) {
        return ids.indexOf(id);
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
