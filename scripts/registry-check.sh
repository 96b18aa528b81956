#!/usr/bin/env bash
# The registry path, for real, on a machine without one: Debian's docker-registry on localhost, the lab's JDK 17
# base image pushed to it under a name of its own and removed here, then one run with
# -Doomlab.baseImage.17=localhost:5000/oomlab-jdk:17, which the lab must pull. Root on Debian; run after a
# `mvn test` has built the offline base image once.   bash scripts/registry-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
port="${REGISTRY_PORT:-5000}"
image="localhost:$port/oomlab-jdk:17"
command -v docker-registry >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-registry >/dev/null
work="$(mktemp -d)"
# the package's configuration, without its htpasswd authentication and with storage of our own
awk '/^auth:/{skip=1} /^health:/{skip=0} !skip' /etc/docker/registry/config.yml \
  | sed "s|rootdirectory: .*|rootdirectory: $work/data|; s|addr: :5000|addr: localhost:$port|" > "$work/config.yml"
docker-registry serve "$work/config.yml" > "$work/registry.log" 2>&1 &
registry=$!
trap 'kill $registry 2>/dev/null || true' EXIT
for _ in $(seq 1 20); do curl -fs "localhost:$port/v2/" >/dev/null && break; sleep 0.5; done
base="$(docker images --format '{{.Repository}}:{{.Tag}}' 'oomlab/jdk' | grep ':17-local-' | head -1)"
[ -n "$base" ] || { echo "no oomlab/jdk:17-local-* image here: run mvn test once first" >&2; exit 1; }
docker tag "$base" "$image"
docker push -q "$image"
docker rmi "$image" >/dev/null   # gone from this machine: the lab must pull it
mvn -q test -Dscenario=steady -Dconfig=c2 -Djdk=17 -Doomlab.baseImage.17="$image" \
  -Doomlab.results=target/oomlab-registry-check -Dtest=ScenarioMatrixTest -Dsurefire.failIfNoSpecifiedTests=false
sleep 1; grep -qE "\"(GET|HEAD) /v2/oomlab-jdk/manifests" "$work/registry.log" || { echo "FAIL: the registry was never asked" >&2; exit 1; }
echo "registry check OK: $image pulled from the local registry, steady / c2 judged"
