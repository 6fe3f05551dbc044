/*
 * A stand-in for cuBLAS (libcublas.so.13), for testing the CUDA backend's binding (backend/cuda/Cublas) and its fast
 * products on machines without a GPU. Device pointers are host addresses, as those of the stand-in driver
 * (fakecuda/libcuda.c) are; gemm is the naive triple loop of the BLAS reference, column-major, with cuBLAS's
 * argument checks (CUBLAS_STATUS_INVALID_VALUE for a negative size or a leading dimension below its rows). Every
 * call is logged to $FAKE_CUBLAS_LOG and to a buffer that fake_cublas_log() returns (for a test in the same process,
 * which cannot set environment variables); fake_cublas_fail_create(1) or FAKE_CUBLAS=nocreate makes cublasCreate_v2
 * fail (NOT_INITIALIZED).
 * Build: cc -shared -fPIC -o libcublas.so.13 libcublas.c
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SUCCESS 0
#define NOT_INITIALIZED 1
#define INVALID_VALUE 7

typedef struct { void *stream; int math; } handle_t;

static char memory_log[1 << 16];
static int fail_create;

const char *fake_cublas_log(void) { return memory_log; }
void fake_cublas_clear_log(void) { memory_log[0] = 0; }
void fake_cublas_fail_create(int on) { fail_create = on; }

static void logline(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void logline(const char *fmt, ...) {
    char line[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    size_t used = strlen(memory_log);
    if (used + strlen(line) < sizeof memory_log) strcat(memory_log, line);
    const char *path = getenv("FAKE_CUBLAS_LOG");
    FILE *f = path ? fopen(path, "a") : NULL;
    if (f) { fputs(line, f); fclose(f); }
}

int cublasGetProperty(int type, int *value) {
    if (type < 0 || type > 2) return INVALID_VALUE;
    *value = type == 0 ? 13 : type == 1 ? 0 : 7;
    return SUCCESS;
}
int cublasCreate_v2(handle_t **h) {
    const char *m = getenv("FAKE_CUBLAS");
    if (fail_create || (m && !strcmp(m, "nocreate"))) return NOT_INITIALIZED;
    *h = calloc(1, sizeof(handle_t));
    logline("create\n");
    return SUCCESS;
}
int cublasDestroy_v2(handle_t *h) { logline("destroy\n"); free(h); return SUCCESS; }
int cublasSetStream_v2(handle_t *h, void *stream) { h->stream = stream; logline("stream %s\n", stream ? "set" : "0"); return SUCCESS; }
int cublasSetMathMode(handle_t *h, int mode) { h->math = mode; logline("math %d\n", mode); return SUCCESS; }

#define GEMM(NAME, T, TAG) \
int NAME(handle_t *h, int ta, int tb, int m, int n, int k, const T *alpha, const T *a, int lda, const T *b, int ldb, \
         const T *beta, T *c, int ldc) { \
    logline(TAG " %c%c m=%d n=%d k=%d lda=%d ldb=%d ldc=%d beta=%g math=%d\n", ta ? 'T' : 'N', tb ? 'T' : 'N', m, n, \
            k, lda, ldb, ldc, (double) *beta, h->math); \
    int arows = ta ? k : m, brows = tb ? n : k; \
    if (m < 0 || n < 0 || k < 0 || (ta != 0 && ta != 1) || (tb != 0 && tb != 1) || lda < (arows > 1 ? arows : 1) \
        || ldb < (brows > 1 ? brows : 1) || ldc < (m > 1 ? m : 1)) return INVALID_VALUE; \
    for (int j = 0; j < n; j++) { \
        for (int i = 0; i < m; i++) { \
            T s = 0; \
            for (int l = 0; l < k; l++) { \
                T x = ta ? a[l + (long) i * lda] : a[i + (long) l * lda]; \
                T y = tb ? b[j + (long) l * ldb] : b[l + (long) j * ldb]; \
                s += x * y; \
            } \
            T *out = c + i + (long) j * ldc; \
            *out = *beta == 0 ? *alpha * s : *alpha * s + *beta * *out; \
        } \
    } \
    return SUCCESS; \
}
GEMM(cublasSgemm_v2, float, "sgemm")
GEMM(cublasDgemm_v2, double, "dgemm")
