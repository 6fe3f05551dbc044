package org.batchopt.backend.cuda;

import jcuda.CudaException;
import jcuda.driver.CUresult;
import org.batchopt.BackendException;

/** CUDA driver results as {@link BackendException}s: out of memory as such, anything else a device error. */
final class CudaErrors {
    private CudaErrors() {
    }

    /** The code of a driver result. */
    static BackendException.Code code(int result) {
        return result == CUresult.CUDA_ERROR_OUT_OF_MEMORY ? BackendException.Code.OUT_OF_MEMORY
                : BackendException.Code.DEVICE_ERROR;
    }

    /** Throws when {@code result} is not success: "{@code spec}: {@code what}: CUDA_ERROR_...". */
    static void check(int result, String spec, String what) {
        if (result != CUresult.CUDA_SUCCESS) {
            throw error(result, spec, what);
        }
    }

    static BackendException error(int result, String spec, String what) {
        return new BackendException(code(result), spec + ": " + what + ": " + CUresult.stringFor(result));
    }

    /** JCuda's exception (thrown instead of results when someone in this process enabled them) as ours. */
    static BackendException wrap(CudaException e, String spec, String what) {
        String m = String.valueOf(e.getMessage());
        BackendException.Code code = m.contains(CUresult.stringFor(CUresult.CUDA_ERROR_OUT_OF_MEMORY))
                ? BackendException.Code.OUT_OF_MEMORY : BackendException.Code.DEVICE_ERROR;
        return new BackendException(code, spec + ": " + what + ": " + m, null, e);
    }
}
