#!/usr/bin/env bash
# Makes sure a Docker engine answers. On an ordinary Docker host this does nothing.
# On a bare Debian/Ubuntu box where we are root (the lab's CI machines), it installs the
# distribution's docker.io and starts dockerd in the background, then waits until it answers.
# Otherwise it says exactly what is missing and exits non-zero.
#
# With --write-properties FILE it also writes what this host needs from Testcontainers, which reads
# these settings only from the environment (the Maven build passes them on to the tests):
#   oomlab.docker.registryReachable  true when images can be pulled
#   oomlab.docker.ryukDisabled       true only when Ryuk's image can be neither found nor pulled
#   oomlab.docker.hostOverride       localhost only when running inside a container (/.dockerenv),
#                                    where Testcontainers would otherwise pull an image to find a gateway
set -u

# Keep in step with the Ryuk image of the Testcontainers version in pom.xml.
RYUK_IMAGE=testcontainers/ryuk:0.14.0

properties_file=""
start_engine=true
while [ $# -gt 0 ]; do
  case "$1" in
    --write-properties) properties_file="$2"; shift 2 ;;
    # -Doomlab.startDocker=false: use an engine that answers, never install or start one
    --start) start_engine="$2"; shift 2 ;;
    *) echo "usage: $0 [--write-properties FILE] [--start true|false]" >&2; exit 2 ;;
  esac
done

log() { echo "[ensure-docker] $*" >&2; }

# Host packages the lab uses when they can be had (root on Debian/Ubuntu): libjemalloc2 for the
# c2-jemalloc configuration and `profiler: jemalloc`, libjemalloc-dev for its jeprof (with binutils, which
# jeprof calls to name frames), busybox-static for a shell inside images built without a registry.
install_lab_packages() {
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 || return 0
  local missing=()
  [ -e /usr/lib/x86_64-linux-gnu/libjemalloc.so.2 ] || missing+=(libjemalloc2)
  [ -x /bin/busybox ] || missing+=(busybox-static)
  command -v jeprof >/dev/null 2>&1 || missing+=(libjemalloc-dev)
  command -v addr2line >/dev/null 2>&1 || missing+=(binutils)
  [ ${#missing[@]} -gt 0 ] || return 0
  log "Installing ${missing[*]} ..."
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 \
    || { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1; } \
    || log "could not install ${missing[*]}; the c2-jemalloc configuration will report that jemalloc is missing"
}

write_properties() {
  [ -n "$properties_file" ] || return 0
  local reachable=false ryuk_disabled=""
  if docker image inspect "$RYUK_IMAGE" >/dev/null 2>&1; then
    reachable=true
  elif timeout 60 docker pull -q "$RYUK_IMAGE" >/dev/null 2>&1; then
    reachable=true
  else
    ryuk_disabled=true
    log "No registry reachable: Ryuk disabled; the lab removes its own leftovers (label oomlab=true)."
  fi
  local host_override=""
  if [ -f /.dockerenv ] && [ -z "${DOCKER_HOST:-}" ]; then host_override=localhost; fi
  mkdir -p "$(dirname "$properties_file")"
  {
    echo "oomlab.docker.available=true"
    echo "oomlab.docker.registryReachable=$reachable"
    echo "oomlab.docker.ryukDisabled=$ryuk_disabled"
    echo "oomlab.docker.hostOverride=$host_override"
  } >"$properties_file"
}

engine_answers() { docker info >/dev/null 2>&1; }

# No engine, and none will be had: outside CI the build goes on (the unit and replay tests need no engine) and
# the lab's matrix says in one line that it was skipped; under CI=true a missing engine fails the build.
no_engine() {
  log "$1"
  if [ "${CI:-}" = true ]; then
    log "CI=true: a missing Docker engine fails the build."
    exit 1
  fi
  log "No Docker engine answers: the unit and replay tests run; the lab's matrix is skipped."
  if [ -n "$properties_file" ]; then
    mkdir -p "$(dirname "$properties_file")"
    {
      echo "oomlab.docker.available=false"
      echo "oomlab.docker.registryReachable=false"
      echo "oomlab.docker.ryukDisabled="
      echo "oomlab.docker.hostOverride="
    } >"$properties_file"
  fi
  exit 0
}

if command -v docker >/dev/null 2>&1 && engine_answers; then
  log "Docker engine answers ($(docker version --format '{{.Server.Version}}' 2>/dev/null)); nothing to do."
  install_lab_packages
  write_properties
  exit 0
fi

if [ "$start_engine" = false ]; then
  no_engine "No Docker engine answers, and -Doomlab.startDocker=false: none is started."
fi

if [ "$(id -u)" != 0 ]; then
  no_engine "No Docker engine answers and this is not root, so it cannot be installed or started here. Start Docker (e.g. 'sudo systemctl start docker' or Docker Desktop) or add your user to the 'docker' group."
fi

if ! command -v dockerd >/dev/null 2>&1; then
  if ! command -v apt-get >/dev/null 2>&1; then
    no_engine "No Docker engine and no apt-get: install Docker for your distribution (dockerd is missing)."
  fi
  log "Installing docker.io from the distribution's packages ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null || { log "apt-get update failed"; exit 1; }
  apt-get install -y -qq docker.io >/dev/null || { log "apt-get install docker.io failed"; exit 1; }
fi

# The docker.io package may put its own client in /usr/bin; any client talks to the engine's socket.
if ! pgrep -x dockerd >/dev/null 2>&1; then
  log "Starting dockerd in the background (log: /var/log/oomlab-dockerd.log) ..."
  nohup dockerd >/var/log/oomlab-dockerd.log 2>&1 &
fi

for i in $(seq 1 60); do
  if engine_answers; then
    log "Docker engine answers after ${i}s ($(docker version --format '{{.Server.Version}}' 2>/dev/null))."
    install_lab_packages
    write_properties
    exit 0
  fi
  sleep 1
done
log "dockerd did not answer within 60 s; last lines of its log:"
tail -n 20 /var/log/oomlab-dockerd.log >&2 || true
exit 1
