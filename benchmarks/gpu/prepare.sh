#!/usr/bin/env bash
# Builds .gpu/ (git-ignored), everything benchmarks/gpu/run.sh needs on a GPU machine that has no JDK and
# no Maven: a jlink'd Java runtime, the batchopt main and test jars, their runtime dependencies, the JUnit
# console launcher, JCuda's driver natives (slimmed) and a copy of peers.py. Run from anywhere, on a machine
# with a JDK 17 and Maven; carry .gpu alone to the GPU machine (it stays under 64 MiB).
#
# Environment: MVN_FLAGS (e.g. -o once the downloads are in ~/.m2).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
modules=java.base,java.logging,java.management,java.xml,jdk.unsupported,jdk.zipfs,jdk.incubator.vector

rm -rf .gpu
mkdir -p .gpu/lib
# shellcheck disable=SC2086
mvn -q ${MVN_FLAGS:-} -Pgpu-bundle -pl core test-compile dependency:copy-dependencies@gpu-lib \
    dependency:copy@gpu-junit-and-natives
jar --create --file .gpu/lib/batchopt.jar -C core/target/classes .
jar --create --file .gpu/lib/batchopt-tests.jar -C core/target/test-classes .

# JCuda's natives jar holds four libraries (26 MB); the driver API needs one. JCuda finds it as the
# resource lib/libJCudaDriver-<version>-linux-x86_64.so on the class path.
natives=$(ls .gpu/natives/jcuda-natives-*.jar)
mkdir -p .gpu/natives/x
(cd .gpu/natives/x && unzip -q "$root/$natives" 'lib/libJCudaDriver-*')
jar --create --file .gpu/lib/jcuda-natives-driver-linux-x86_64.jar -C .gpu/natives/x lib
rm -rf .gpu/natives

MODULES=$modules benchmarks/gpu/make-runtime.sh .gpu/runtime >/dev/null
cp benchmarks/peers/peers.py .gpu/peers.py
{
    echo "commit $(git rev-parse HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (with local changes)')"
    echo "built $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(uname -srm)"
    echo "java $("$root/.gpu/runtime/bin/java" -version 2>&1 | head -1)"
    echo "modules $modules"
} > .gpu/BUILD

size=$(du -sm .gpu | cut -f1)
echo ".gpu: ${size} MiB ($(du -sh .gpu/runtime | cut -f1) runtime, $(du -sh .gpu/lib | cut -f1) lib, $(du -sh .gpu/junit | cut -f1) junit)"
if [ "$size" -ge 64 ]; then
    echo "prepare.sh: .gpu is ${size} MiB, over the 64 MiB a device run can carry" >&2
    exit 1
fi
