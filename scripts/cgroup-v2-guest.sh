#!/usr/bin/env bash
# Runs scenarios through the lab on cgroup v2, for real: boots a small Debian 12 guest with qemu (its kernel
# uses the unified hierarchy, as GitHub's Ubuntu runners and most Kubernetes nodes do), runs the lab there
# against the guest's own Docker engine and brings the results back to target/oomlab-cgroup-v2/.
#
#   bash scripts/cgroup-v2-guest.sh                       # direct-buffer-leak and steady, c2, JDK 17
#   OOMLAB_GUEST_SCENARIOS=heap-leak bash scripts/cgroup-v2-guest.sh
#
# Debian packages only: qemu-system-x86, debootstrap and e2fsprogs on the host (installed when missing, as
# root); the guest root is debootstrapped once (linux-image-amd64, systemd, docker.io, openjdk-17-jdk-headless)
# and kept in target/cgroup-v2-guest/ for the next time. KVM is used where the host's KVM can run a stock
# Debian kernel; elsewhere (a paravirtual KVM such as kvm_pvm, or none) qemu emulates the CPU (TCG), which is
# slow: expect 10-20 minutes for the two scenarios. Inside the guest the lab runs without Maven (oomlab.RunLab)
# and builds its images from the guest's JDK, as on a host with no registry.
# Not part of `mvn test`: the fast guard in CI is the unit tests over fake cgroup v2 trees.
set -euo pipefail
cd "$(dirname "$0")/.."
root_dir=$(pwd)

scenarios=${OOMLAB_GUEST_SCENARIOS:-direct-buffer-leak,steady}
configs=${OOMLAB_GUEST_CONFIGS:-c2}
work=${OOMLAB_GUEST_DIR:-$root_dir/target/cgroup-v2-guest}
results=$root_dir/target/oomlab-cgroup-v2
mirror=${OOMLAB_GUEST_MIRROR:-http://deb.debian.org/debian}
guest_memory_mb=${OOMLAB_GUEST_MEMORY_MB:-10240}  # the lab refuses caps over half the machine: scenarios.yaml has 4g ones
boot_timeout_s=${OOMLAB_GUEST_TIMEOUT_S:-3600}
# Under emulation everything runs many times slower (steady: ~8 s on the host); the scenarios' timeouts grow
# with it, the scenarios themselves stay as they are.
timeout_factor=${OOMLAB_GUEST_TIMEOUT_FACTOR:-10}
# What the guest is made of; a change here builds the guest root again.
guest_packages=linux-image-amd64,systemd-sysv,udev,kmod,docker.io,apparmor,openjdk-17-jdk-headless,busybox-static,procps,binutils  # binutils: jlink --strip-debug calls objcopy

log() { echo "[cgroup-v2-guest] $*" >&2; }
started=$(date +%s)
elapsed() { echo "$(( $(date +%s) - started )) s"; }

need_host_packages() {
  local missing=()
  command -v qemu-system-x86_64 >/dev/null || missing+=(qemu-system-x86)
  command -v debootstrap >/dev/null || missing+=(debootstrap)
  command -v mkfs.ext4 >/dev/null || missing+=(e2fsprogs)
  [ ${#missing[@]} -gt 0 ] || return 0
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    log "missing ${missing[*]}: install them (Debian/Ubuntu: apt-get install ${missing[*]}) or run as root"; exit 1
  fi
  log "installing ${missing[*]} ..."
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null; }
}

[ "$(id -u)" = 0 ] || { log "needs root (debootstrap, and the guest root's file ownership)"; exit 1; }
need_host_packages

# 1. The lab, built on the host: the harness's classes, its runtime dependencies and the workloads jar.
log "building the lab (mvn package, tests skipped) ..."
stage=$work/lab
rm -rf "$stage" && mkdir -p "$stage/lib"
# (examples/hello-service too: scenarios.yaml names its folder of jars, and the file is read whole)
mvn -q -DskipTests -pl harness,examples/hello-service -am package dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$stage/lib"
cp harness/target/oomlab-harness-*.jar "$stage/lib/"
cp scenarios.yaml "$stage/"
cp -r dockerfiles examples "$stage/"
[ -d harness/target/examples ] && mkdir -p "$stage/harness/target" && cp -r harness/target/examples "$stage/harness/target/"

# 2. The guest's root, once: Debian 12 with its kernel, systemd, Docker and a JDK.
rootfs=$work/root
stamp=$work/root.packages
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$guest_packages" ]; then
  log "debootstrapping the guest root (once; ~2-4 min) ..."
  rm -rf "$rootfs" && mkdir -p "$rootfs"
  debootstrap --variant=minbase --include="$guest_packages" bookworm "$rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 \
    || { tail -20 "$work/debootstrap.log" >&2; log "debootstrap failed (log: $work/debootstrap.log)"; exit 1; }
  echo "/dev/vda / ext4 rw,errors=remount-ro 0 1" >"$rootfs/etc/fstab"
  echo oomlab-guest >"$rootfs/etc/hostname"
  # Nothing in the guest needs the network except Docker's own bridge; keep boot short.
  chroot "$rootfs" systemctl mask systemd-networkd-wait-online.service apt-daily.timer apt-daily-upgrade.timer \
    e2scrub_reap.service systemd-timesyncd.service >/dev/null 2>&1 || true
  echo "$guest_packages" >"$stamp"
fi

# 3. What the guest runs at boot: the lab on the selected scenarios, then the results onto the second disk
#    (a plain tar written to the raw device: the host reads it back without mounting anything), then power off.
rm -rf "$rootfs/opt/oomlab" && cp -r "$stage" "$rootfs/opt/oomlab"
cat >"$rootfs/opt/oomlab/guest-run.sh" <<EOF
#!/bin/sh
set -u
out=/results
rm -rf \$out && mkdir -p \$out
{
  echo "uname: \$(uname -r)"
  echo "cgroup fs: \$(stat -fc %T /sys/fs/cgroup)"
  echo "cgroup controllers: \$(cat /sys/fs/cgroup/cgroup.controllers)"
  docker info --format 'docker {{.ServerVersion}}, cgroup driver {{.CgroupDriver}}, cgroup version {{.CgroupVersion}}'
  echo "guest uptime at lab start: \$(cut -d' ' -f1 /proc/uptime) s"
} >\$out/guest.txt 2>&1
cat \$out/guest.txt
cd /opt/oomlab
# The harness's own JVM is tiered to C1 and uses the serial collector: under emulation every CPU cycle counts,
# and its JIT does not change what the workload's JVM (in the container) does.
{
  TESTCONTAINERS_RYUK_DISABLED=true java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp 'lib/*' \
    -Dscenario=$scenarios -Dconfig=$configs -Djdk=17 \
    -Doomlab.registryReachable=false -Doomlab.timeoutFactor=$timeout_factor -Doomlab.results=\$out/oomlab oomlab.RunLab
  echo "lab exit code: \$?" >\$out/exit-code.txt
} 2>&1 | tee \$out/lab.log
cat \$out/exit-code.txt >>\$out/guest.txt
echo "guest uptime at lab end: \$(cut -d' ' -f1 /proc/uptime) s" >>\$out/guest.txt
tar -C \$out -cf /dev/vdb . && sync
EOF
chmod +x "$rootfs/opt/oomlab/guest-run.sh"
cat >"$rootfs/etc/systemd/system/oomlab-guest.service" <<'EOF'
[Unit]
Description=oomlab on cgroup v2
Requires=docker.service
After=docker.service
[Service]
Type=oneshot
ExecStart=/opt/oomlab/guest-run.sh
ExecStopPost=/bin/systemctl --no-block poweroff
StandardOutput=journal+console
StandardError=journal+console
[Install]
WantedBy=multi-user.target
EOF
ln -sf /etc/systemd/system/oomlab-guest.service "$rootfs/etc/systemd/system/multi-user.target.wants/oomlab-guest.service"

log "making the disks ..."
rm -f "$work/root.img" "$work/results.img"
mkfs.ext4 -q -F -L oomlab-root -d "$rootfs" "$work/root.img" 4G
truncate -s 1G "$work/results.img"

# 4. Boot. KVM only where the host's KVM runs a stock kernel (a real vmx/svm CPU); otherwise emulate.
# Emulated: one host thread for all virtual CPUs. With thread=multi, code the JVM's JIT wrote and patched crashed
# (SIGSEGV, then SIGILL, in C1-compiled methods of jlink, with -cpu max and with Nehalem alike): the JIT's
# cross-modifying code races qemu's per-thread translation. A CPU model without AVX keeps to well-trodden parts.
accel="tcg,thread=single"; cpu=Nehalem
if [ -w /dev/kvm ] && grep -qE 'vmx|svm' /proc/cpuinfo && ! lsmod 2>/dev/null | grep -q '^kvm_pvm'; then
  accel=kvm; cpu=host
fi
kernel=$(ls "$rootfs"/boot/vmlinuz-* | sort -V | tail -1)
initrd=$(ls "$rootfs"/boot/initrd.img-* | sort -V | tail -1)
log "booting the guest ($accel; the console goes to $work/console.log) ..."
set +e
timeout "$boot_timeout_s" qemu-system-x86_64 -machine q35 -accel "$accel" -cpu "$cpu" -smp 2 -m "$guest_memory_mb" \
  -kernel "$kernel" -initrd "$initrd" -append "root=/dev/vda rw console=ttyS0 systemd.unified_cgroup_hierarchy=1 quiet" \
  -drive file="$work/root.img",if=virtio,format=raw -drive file="$work/results.img",if=virtio,format=raw \
  -nographic -no-reboot -nic none >"$work/console.log" 2>&1 </dev/null
qemu_exit=$?
set -e
[ $qemu_exit = 0 ] || { tail -30 "$work/console.log" >&2; log "qemu ended with $qemu_exit after $(elapsed)"; exit 1; }

# 5. The results back.
rm -rf "$results" && mkdir -p "$results"
tar -C "$results" -xf "$work/results.img" \
  || { tail -30 "$work/console.log" >&2; log "the guest wrote no results (console: $work/console.log)"; exit 1; }
cat "$results/guest.txt"
grep -E '^\[oomlab\] .*(OOM_KILLED|SURVIVED|STALLED|REPORT|FAILED).*expected' "$results/lab.log" || true
[ -f "$results/oomlab/summary.md" ] && cat "$results/oomlab/summary.md"
log "done in $(elapsed); results in $results"
grep -q '^lab exit code: 0$' "$results/guest.txt"
