#!/usr/bin/env bash
# Records a real run's folder as a replay fixture: the files the analysis reads (launch.json, raw-run.json, the
# samples, the probe's lines, the JVM's logs, the program's output, the workload's events, a crash report) and the
# result.json the live run wrote, as one tar.gz under harness/src/test/resources/replay/. The replay tests
# (oomlab.analysis.ReplayTest) analyse it again without Docker and must give that result.json byte for byte.
#   bash scripts/record-replay.sh target/oomlab/heap-leak/c2 java-oom
set -euo pipefail
run_dir="${1:?usage: $0 RUN_FOLDER NAME}"
name="${2:?usage: $0 RUN_FOLDER NAME}"
cd "$(dirname "$0")/.."
for needed in launch.json raw-run.json result.json; do
  [ -s "$run_dir/$needed" ] || { echo "no $needed in $run_dir: record a run made by this lab" >&2; exit 1; }
done
out="harness/src/test/resources/replay/$name.tar.gz"
mkdir -p "$(dirname "$out")"
# nmt-diff.txt is the report's, written from result.json; jemalloc's dumps and the flame graph are not replayed
tar -C "$run_dir" --exclude='nmt-diff.txt' --exclude='*.heap' --exclude='*.html' --exclude='*.tmp' \
  --sort=name --owner=0 --group=0 --numeric-owner --mtime='2026-01-01' -czf "$out" .
echo "$out: $(du -h "$out" | cut -f1)"
