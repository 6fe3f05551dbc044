#!/usr/bin/env bash
# Spark's GPU discovery script for batchopt's executors (spark.executor.resource.gpu.discoveryScript): prints the
# GPUs nvidia-smi sees as Spark's resource JSON, {"name": "gpu", "addresses": ["0", "1", ...]}. batchopt opens
# address A as cuda:A, CUDA's device A: give the executors CUDA_DEVICE_ORDER=PCI_BUS_ID
# (spark.executorEnv.CUDA_DEVICE_ORDER) so that CUDA numbers the devices as nvidia-smi does.
set -euo pipefail
addresses=$(nvidia-smi --query-gpu=index --format=csv,noheader | tr -d ' ' | grep -v '^$' | sed 's/.*/"&"/' | paste -sd, -)
echo "{\"name\": \"gpu\", \"addresses\": [${addresses}]}"
