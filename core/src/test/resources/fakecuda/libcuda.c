/*
 * A stand-in for the NVIDIA driver's libcuda.so.1, for testing the CUDA backend's use of the driver API
 * (through JCuda) on machines without a GPU. Host memory plays device memory; the kernels bo_init and
 * bo_fused are imitated just enough for the host loop: bo_fused finishes odd members at their first launch
 * (CONVERGED_GRADIENT) and every member once the step budget is spent (MAX_STEPS), touching only the int
 * arrays, so real values pass through unchanged. Of the batched kernels (data.cl, data_fast.cl) bo_data_eval does
 * the same per step to the running members; the others only have their geometry logged. Every call checks that a
 * context is current on the calling thread. Launches are logged to $FAKE_CUDA_LOG.
 *
 * Environment: FAKE_CUDA = nodevice | none | old | one | two (default one); FAKE_CUDA_MEMORY = bytes of
 * device memory (default 1 GiB); FAKE_CUDA_LOG = a file.
 * Build: cc -shared -fPIC -o libcuda.so.1 libcuda.c
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef unsigned long long CUdeviceptr;
#define OK 0
#define OUT_OF_MEMORY 2
#define INVALID_VALUE 1
#define NO_DEVICE 100
#define INVALID_IMAGE 200
#define INVALID_CONTEXT 201
#define NOT_FOUND 500

static __thread void *current;
static long long used;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int contexts[2];

static const char *mode(void) { const char *m = getenv("FAKE_CUDA"); return m ? m : "one"; }
static long long memory(void) { const char *m = getenv("FAKE_CUDA_MEMORY"); return m ? atoll(m) : (1LL << 30); }
static int count(void) {
    if (!strcmp(mode(), "none")) return 0;
    return !strcmp(mode(), "two") ? 2 : 1;
}
static void logf_(const char *fmt, long a, long b, long c, long d, long e) {
    const char *path = getenv("FAKE_CUDA_LOG");
    if (!path) return;
    pthread_mutex_lock(&lock);
    FILE *f = fopen(path, "a");
    if (f) { fprintf(f, fmt, a, b, c, d, e); fclose(f); }
    pthread_mutex_unlock(&lock);
}
#define NEED_CONTEXT do { if (!current) return INVALID_CONTEXT; } while (0)

int cuInit(unsigned int flags) { return !strcmp(mode(), "nodevice") ? NO_DEVICE : OK; }
int cuDriverGetVersion(int *v) { *v = 13000; return OK; }
int cuDeviceGetCount(int *n) { *n = count(); return OK; }
int cuDeviceGet(int *d, int ordinal) { if (ordinal < 0 || ordinal >= count()) return INVALID_VALUE; *d = ordinal; return OK; }
int cuDeviceGetName(char *name, int len, int d) { snprintf(name, len, "Fake GPU %d", d); return OK; }
int cuDeviceTotalMem_v2(size_t *bytes, int d) { *bytes = (size_t) memory(); return OK; }
int cuDeviceGetAttribute(int *v, int attribute, int d) {
    int old = !strcmp(mode(), "old");
    switch (attribute) {
        case 75: *v = old ? 3 : 9; return OK;   /* compute capability major */
        case 76: *v = 0; return OK;             /* minor */
        case 16: *v = 132; return OK;           /* multiprocessors */
        default: return INVALID_VALUE;
    }
}
int cuDevicePrimaryCtxRetain(void **ctx, int d) { *ctx = &contexts[d]; return OK; }
int cuDevicePrimaryCtxRelease_v2(int d) { return OK; }
int cuCtxSetCurrent(void *ctx) { current = ctx; return OK; }
int cuStreamCreate(void **s, unsigned int flags) { NEED_CONTEXT; *s = malloc(8); return OK; }
int cuStreamDestroy_v2(void *s) { NEED_CONTEXT; free(s); return OK; }
int cuStreamSynchronize(void *s) { NEED_CONTEXT; return OK; }
int cuEventCreate(void **e, unsigned int flags) { NEED_CONTEXT; *e = malloc(8); return OK; }
int cuEventRecord(void *e, void *s) { NEED_CONTEXT; return OK; }
int cuEventElapsedTime(float *ms, void *start, void *end) { NEED_CONTEXT; *ms = 0.25f; return OK; }
int cuEventDestroy_v2(void *e) { NEED_CONTEXT; free(e); return OK; }
int cuMemGetInfo_v2(size_t *freeBytes, size_t *total) {
    NEED_CONTEXT; *total = (size_t) memory(); *freeBytes = (size_t) (memory() - used); return OK;
}
int cuMemAlloc_v2(CUdeviceptr *p, size_t bytes) {
    NEED_CONTEXT;
    if ((long long) bytes > memory() - used) return OUT_OF_MEMORY;
    long long *m = malloc(bytes + 16);
    if (!m) return OUT_OF_MEMORY;
    m[0] = (long long) bytes;
    memset(m + 2, 0x7f, bytes); /* device memory starts as garbage, not zeros */
    used += (long long) bytes;
    *p = (CUdeviceptr) (m + 2);
    return OK;
}
int cuMemFree_v2(CUdeviceptr p) { NEED_CONTEXT; long long *m = (long long *) p - 2; used -= m[0]; free(m); return OK; }
int cuMemAllocHost_v2(void **p, size_t bytes) { NEED_CONTEXT; *p = malloc(bytes); return *p ? OK : OUT_OF_MEMORY; }
int cuMemFreeHost(void *p) { NEED_CONTEXT; free(p); return OK; }
int cuMemcpyHtoDAsync_v2(CUdeviceptr dst, const void *src, size_t bytes, void *s) {
    NEED_CONTEXT; memcpy((void *) dst, src, bytes); return OK;
}
int cuMemcpyDtoHAsync_v2(void *dst, CUdeviceptr src, size_t bytes, void *s) {
    NEED_CONTEXT; memcpy(dst, (const void *) src, bytes); return OK;
}
int cuModuleLoadData(void **module, const void *image) {
    NEED_CONTEXT;
    if (memcmp(image, "\177ELF", 4) != 0) return INVALID_IMAGE;
    *module = malloc(8);
    return OK;
}
int cuModuleUnload(void *module) { NEED_CONTEXT; free(module); return OK; }
int cuModuleGetFunction(char **f, void *module, const char *name) {
    NEED_CONTEXT;
    if (strcmp(name, "bo_init") && strcmp(name, "bo_fused") && strncmp(name, "bo_data_", 8)) return NOT_FOUND;
    *f = strdup(name);
    return OK;
}
int cuFuncGetAttribute(int *v, int attribute, char *f) { NEED_CONTEXT; *v = 1024; return OK; }

int cuLaunchKernel(char *f, unsigned gx, unsigned gy, unsigned gz, unsigned bx, unsigned by, unsigned bz,
                   unsigned smem, void *stream, void **p, void **extra) {
    NEED_CONTEXT;
    if (!strcmp(f, "bo_init")) {
        logf_("bo_init nactive=%ld nm=%ld grid=%ld block=%ld\n", *(int *) p[2], *(long *) p[3], gx, bx, 0);
        return OK;
    }
    if (!strcmp(f, "bo_data_eval")) {
        int *status = *(int **) p[6], *steps = *(int **) p[7];
        const int *active = *(const int **) p[8];
        int nactive = *(int *) p[9], s = *(int *) p[16], max_steps = *(int *) p[17];
        logf_("bo_data_eval nactive=%ld s=%ld grid=%ld block=%ld\n", nactive, s, gx, bx, 0);
        if ((long) gx * bx < nactive) return INVALID_VALUE;
        for (int i = 0; i < nactive; i++) {
            int m = active[i];
            if (status[m] != 0) continue;
            if (m % 2 == 1 || s >= max_steps) {
                status[m] = m % 2 == 1 ? 1 : 3;
                steps[m] = s;
            }
        }
        return OK;
    }
    if (!strncmp(f, "bo_data_", 8)) {
        char line[96];
        snprintf(line, sizeof line, "%s grid=%%ld block=%%ld\n", f);
        logf_(line, gx, bx, 0, 0, 0);
        return OK;
    }
    int *status = *(int **) p[4], *steps = *(int **) p[5];
    const int *active = *(const int **) p[6];
    int nactive = *(int *) p[7];
    int s0 = *(int *) p[11], iterations = *(int *) p[12], max_steps = *(int *) p[13];
    logf_("bo_fused nactive=%ld s0=%ld k=%ld grid=%ld block=%ld\n", nactive, s0, iterations, gx, bx);
    if ((long) gx * bx < nactive) return INVALID_VALUE;
    for (int i = 0; i < nactive; i++) {
        int m = active[i];
        if (m % 2 == 1) {
            status[m] = 1;
            steps[m] = s0;
        } else if (s0 + iterations > max_steps) {
            status[m] = 3;
            steps[m] = max_steps;
        }
    }
    return OK;
}
