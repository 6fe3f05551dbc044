/**
 * Internal, not part of batchopt's API: the CUDA backend through JCuda's driver API and a version-agnostic NVRTC
 * binding, with its cubin cache; the only package that imports jcuda.
 */
package org.batchopt.backend.cuda;
