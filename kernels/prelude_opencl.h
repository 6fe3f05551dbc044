/* batchopt OpenCL prelude: the real type and the qualifiers the portable kernel source uses. */
#pragma OPENCL FP_CONTRACT OFF
/* both precisions: the fp32 exp, log, sin, cos ... of math.cl evaluate in double */
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
#if REAL_IS_DOUBLE
typedef double real;
#define REAL_MAX DBL_MAX
#else
typedef float real;
#define REAL_MAX FLT_MAX
#endif
#define R(v) ((real)(v))
/* a double constant, whatever the real type (the fp32 functions of math.cl evaluate in double) */
#define D(v) ((double)(v))
#define BO_FN static inline
#define BO_CONSTANT __constant
