#!/usr/bin/env bash
# Benchmark, not a test: what the lab costs and how fast it is (see oomlab.Benchmark). Prints, in one run:
# per run the time to verdict, container created -> first sample, the sampling rate and the sampler's own
# CPU; the whole selection's wall time; the probe's overhead (the first run again without the probe, NMT and
# the JIT logs); and the lab against the floor (the same JVM command on the host in a raw memory cgroup of
# the same cap, no Docker). Timings on a shared machine: read them as ratios within one run.
#   scripts/benchmark.sh [-Dscenario=a,b] [-Dconfig=...]      (default scenarios: direct-buffer-leak,steady)
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
bash scripts/ensure-docker.sh --write-properties target/docker-host.properties
prop() { grep "^oomlab.docker.$1=" target/docker-host.properties | cut -d= -f2- || true; }
# Testcontainers reads these from the environment only (the test build passes them the same way)
export TESTCONTAINERS_RYUK_DISABLED="$(prop ryukDisabled)"
if [ -n "$(prop hostOverride)" ]; then export TESTCONTAINERS_HOST_OVERRIDE="$(prop hostOverride)"; fi
mvn -q -DskipTests package exec:java@benchmark -Doomlab.registryReachable="$(prop registryReachable)" \
  -Doomlab.imageParts="$PWD/harness/target/image-parts" "$@"
