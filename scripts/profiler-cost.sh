#!/usr/bin/env bash
# Benchmark, not a test: what each native-allocation profiler costs one run. Runs the same scenario and
# configuration without a profiler, with nativemem and with jemalloc, ROUNDS times in turn (the machine is
# shared and noisy: compare within one invocation), and prints time to exit and peak memory of each, with
# their ratios to the run without a profiler.
#   scripts/profiler-cost.sh [scenario] [config] [rounds]     (default: c2-leak c1 2)
set -euo pipefail
cd "$(dirname "$0")/.."
scenario=${1:-c2-leak}
config=${2:-c1}
rounds=${3:-2}
out=target/profiler-cost
rm -rf "$out"
for round in $(seq 1 "$rounds"); do
  for profiler in none nativemem jemalloc; do
    echo "== round $round: $scenario / $config with profiler $profiler" >&2
    mvn -q test -Dtest=ScenarioMatrixTest -Dsurefire.failIfNoSpecifiedTests=false -Dscenario="$scenario" \
      -Dconfig="$config" -Djdk=17 -Doomlab.profiler="$profiler" -Doomlab.results="$PWD/$out/$profiler-$round" \
      >"$out-$profiler-$round.log" 2>&1 || echo "   (the run failed its judgement; its figures still count)" >&2
  done
done
python3 - "$out" "$scenario" "$config" "$rounds" <<'PY'
import json, sys, statistics
out, scenario, config, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
def figures(profiler):
    rows = []
    for r in range(1, rounds + 1):
        with open(f"{out}/{profiler}-{r}/{scenario}/{config}/result.json") as f:
            res = json.load(f)
        rows.append((res["container"]["timeToExitMs"] / 1000, res["memory"]["peakBytes"] / 2**20, res["exit"]["verdict"]))
    return rows
base = figures("none")
base_t = statistics.median(t for t, _, _ in base)
base_p = statistics.median(p for _, p, _ in base)
print(f"{scenario} / {config}, JDK 17, {rounds} round(s), medians:")
print("| profiler | verdicts | time to exit s | ratio | peak MB | ratio |")
print("|---|---|---|---|---|---|")
for profiler in ("none", "nativemem", "jemalloc"):
    rows = figures(profiler)
    t = statistics.median(x for x, _, _ in rows)
    p = statistics.median(y for _, y, _ in rows)
    print(f"| {profiler} | {', '.join(v for _, _, v in rows)} | {t:.1f} | {t / base_t:.2f}x | {p:.0f} | {p / base_p:.2f}x |")
PY
