/*
 * The fast products of a model fitted to a dataset (MathMode FAST, CUDA with cuBLAS; backend/device/DataLoop):
 * appended to data.cl's program only in that mode, so the strict program's text is unchanged.
 *
 * cuBLAS reads a pass's rows as a column-major BO_FEATURES x count matrix with leading dimension BO_FEATURES: the
 * dataset's row-major values as they are for consecutive rows; a minibatch's rows (ORDER[first + p]) are gathered
 * first into XA, row p at XA[p*BO_FEATURES].
 */

__kernel void bo_data_gather(__global const real* XD, __global const int* ORDER, const int ordered, const int first,
                             const int count, __global real* XA)
{
    const long e = get_global_id(0);
    if (e >= (long)count * BO_FEATURES) {
        return;
    }
    const long p = e / BO_FEATURES;
    const long k = e - p * BO_FEATURES;
    XA[e] = XD[BO_ROW(p) * BO_FEATURES + k];
}
