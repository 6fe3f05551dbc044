/* batchopt CUDA prelude: maps the OpenCL C spellings of the portable kernel source onto CUDA C++, so that
 * NVRTC (or nvcc) compiles the same files. Compile with --fmad=false; NVRTC's defaults already give
 * correctly rounded division and square root and keep denormals. */
#define __kernel extern "C" __global__
#define __global
#define __constant const
#define get_global_id(d) ((long)blockIdx.x * (long)blockDim.x + (long)threadIdx.x)
#define get_local_id(d) ((long)threadIdx.x)
#define get_group_id(d) ((long)blockIdx.x)
#define __local __shared__
#define barrier(fence) __syncthreads()
#define CLK_LOCAL_MEM_FENCE 0
#define as_double(v) __longlong_as_double((long long)(v))
#define as_long(v) ((long)__double_as_longlong(v))
#define as_float(v) __int_as_float((int)(v))
#define as_int(v) __float_as_int(v)
#if REAL_IS_DOUBLE
typedef double real;
#define REAL_MAX 1.7976931348623157e308
#else
typedef float real;
#define REAL_MAX 3.4028234663852886e38f
#endif
#define R(v) ((real)(v))
/* a double constant, whatever the real type (the fp32 functions of math.cl evaluate in double) */
#define D(v) ((double)(v))
#define BO_FN static __device__ __forceinline__
#define BO_CONSTANT static __constant__
