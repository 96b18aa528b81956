#!/usr/bin/env bash
# Faults the lab must keep its word under, each tried for real (root, on a machine whose Docker engine the script
# may stop and start: not on a shared CI engine). Prints what the lab said and what was left.
#   bash scripts/fault-checks.sh engine      the Docker engine killed (SIGKILL) in the middle of incident / c1
#   bash scripts/fault-checks.sh disk        the results folder on a small tmpfs that fills up between two runs
#   bash scripts/fault-checks.sh interrupt   SIGTERM to mvn in the middle of deopt-storm / c2
set -uo pipefail
cd "$(dirname "$0")/.."
what="${1:?usage: $0 engine|disk|interrupt}"
mvn -q -o install -DskipTests >/dev/null 2>&1 || mvn -q install -DskipTests >/dev/null
labelled() { docker ps -a --filter label=oomlab=true --format '{{.ID}} {{.Status}}' 2>/dev/null; }
matrix() { mvn -o test -Dtest=ScenarioMatrixTest -Dsurefire.failIfNoSpecifiedTests=false "$@"; }

case "$what" in
  engine)
    out=target/oomlab-fault-engine; rm -rf "$out"
    matrix -Dscenario=incident -Dconfig=c1 -Doomlab.results="$out" > "$out.log" 2>&1 &
    mvn_pid=$!
    for _ in $(seq 1 120); do grep -q "incident / c1   10s" "$out.log" && break; sleep 1; done
    container_pid=$(docker inspect -f '{{.State.Pid}}' "$(docker ps -q --filter label=oomlab=true | head -1)")
    echo "== killing dockerd (SIGKILL) with the JVM of incident / c1 at host pid $container_pid"
    pkill -9 -x dockerd
    wait $mvn_pid; echo "mvn exit $?"
    grep -E "engine|ENGINE_LOST" "$out.log" | head -5
    [ -d "/proc/$container_pid" ] && echo "FAIL: the container's JVM runs on unwatched" || echo "the container's JVM is gone"
    python3 -c "import json;r=json.load(open('$out/incident/c1/result.json'));print('result.json:', r['exit']['verdict'], '-', r['container']['engineLost']); print('samples kept:', r['memory']['samples'])"
    echo "== starting the engine again"; bash scripts/ensure-docker.sh >/dev/null 2>&1
    echo "labelled right after: $(labelled | wc -l)"; labelled
    matrix -Dscenario=steady -Dconfig=c2 -Doomlab.results="$out-next" > "$out-next.log" 2>&1
    grep -E "removed .* container" "$out-next.log"
    echo "labelled after the next invocation: $(labelled | wc -l)"
    ;;
  disk)
    mount_point=/tmp/oomlab-tiny; mkdir -p $mount_point; umount $mount_point 2>/dev/null
    mount -t tmpfs -o size=96m tmpfs $mount_point
    out=$mount_point/oomlab
    matrix -Dscenario=steady -Dconfig=c2 -Doomlab.results=$out > /tmp/oomlab-fault-disk-1.log 2>&1; echo "first run: mvn exit $?"
    # fill what is left but 40 MB: less than a run needs
    avail=$(df --output=avail -k $mount_point | tail -1); fill=$(( avail - 40 * 1024 ))
    [ $fill -gt 0 ] && dd if=/dev/zero of=$mount_point/filler bs=1k count=$fill status=none
    df -h $mount_point | tail -1
    matrix -Dscenario=heap-leak -Doomlab.results=$out > /tmp/oomlab-fault-disk-2.log 2>&1; echo "second run: mvn exit $?"
    grep -E "not started|MB free" /tmp/oomlab-fault-disk-2.log | head -2
    echo "== the first run's result, judged again from the full disk:"
    mvn -q compile exec:java -Doomlab.results=$out 2>&1 | grep -E "^\| steady|run\(s\)"
    echo "labelled left: $(labelled | wc -l)"
    umount $mount_point
    ;;
  interrupt)
    out=target/oomlab-fault-interrupt; rm -rf "$out"
    matrix -Dscenario=deopt-storm -Dconfig=c2 -Doomlab.results="$out" > "$out.log" 2>&1 &
    mvn_pid=$!
    for _ in $(seq 1 120); do grep -q "deopt-storm / c2    6s" "$out.log" && break; sleep 1; done
    maven=$(pgrep -o -f "oomlab.results=$out")   # Maven's own JVM, not the shell around it
    echo "== SIGTERM to mvn (pid $maven)"; kill -TERM "$maven"
    for i in $(seq 1 30); do [ -z "$(labelled)" ] && { echo "no labelled container after ${i}s"; break; }; sleep 1; done
    wait $mvn_pid; echo "mvn exit $?"
    python3 -c "import json;r=json.load(open('$out/deopt-storm/c2/result.json'));print('result.json:', r['exit']['verdict'], 'samples', r['memory']['samples']); s=json.load(open('$out/summary.json')); print('summary.json:', [(x['run']['runName'], x['exit']['verdict']) for x in s['runs']])"
    ;;
esac
