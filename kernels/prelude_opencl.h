/* batchopt OpenCL prelude: the real type and the qualifiers the portable kernel source uses. */
#pragma OPENCL FP_CONTRACT OFF
#if REAL_IS_DOUBLE
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
typedef double real;
#define REAL_MAX DBL_MAX
#else
typedef float real;
#define REAL_MAX FLT_MAX
#endif
#define R(v) ((real)(v))
#define BO_FN static inline
#define BO_CONSTANT __constant
