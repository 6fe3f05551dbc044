package org.batchopt.backend;

import org.batchopt.Objective;
import org.batchopt.TestAccess;
import org.batchopt.kernel.ObjectiveTwin32;
import org.batchopt.kernel.ObjectiveTwin64;
import org.batchopt.objective.BuiltIn;
import org.batchopt.kernel.ObjectiveSource;

/** An objective whose kernel source does not compile (it names an undeclared variable); its twins are sphere's. */
public final class BrokenObjective {
    /** The name the compiler log must mention. */
    public static final String UNDECLARED = "undeclared_variable";

    private BrokenObjective() {
    }

    public static Objective create() {
        ObjectiveSource sphere = TestAccess.source(BuiltIn.SPHERE.create(2));
        ObjectiveSource bad = new ObjectiveSource() {
            public String id() {
                return "broken";
            }

            public String kernelSource() {
                return "BO_FN real obj_value(OBJ_X_PARAMS) { return " + UNDECLARED + "; }\n"
                        + "BO_FN real obj_value_grad(OBJ_XG_PARAMS) { return R(0); }\n";
            }

            public ObjectiveTwin64 twin64(int d) {
                return sphere.twin64(d);
            }

            public ObjectiveTwin32 twin32(int d) {
                return sphere.twin32(d);
            }
        };
        return TestAccess.objective("broken", 2, bad);
    }
}
