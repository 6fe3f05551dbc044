/** Internal, not part of batchopt's API: the OpenCL backend through JOCL, the only package that imports org.jocl. */
package org.batchopt.backend.opencl;
