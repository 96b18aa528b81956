#!/usr/bin/env bash
# Builds a JDK base image without any registry, from a JDK installed on this machine:
#   build-offline-base.sh JDK_HOME TAG
# jlink makes a small runtime (with jcmd and JVMCI), the shared libraries its ELF files need are copied
# from the host, busybox (if installed) gives a shell, and `docker import` turns the folder into an image.
set -euo pipefail

jdk_home=${1:?usage: build-offline-base.sh JDK_HOME TAG}
tag=${2:?usage: build-offline-base.sh JDK_HOME TAG}

[ -x "$jdk_home/bin/jlink" ] || { echo "no jlink in $jdk_home/bin: need a full JDK" >&2; exit 1; }

modules=java.se,jdk.management,jdk.management.agent,jdk.jcmd,jdk.attach,jdk.jfr,jdk.internal.vm.ci
modules=$modules,jdk.compiler,jdk.zipfs,jdk.unsupported,jdk.crypto.ec,jdk.localedata,jdk.charsets
# what services and the programs users bring commonly need beyond java.se (Nashorn needs jdk.dynalink)
modules=$modules,jdk.dynalink,jdk.httpserver,jdk.net,jdk.naming.dns,jdk.security.auth,jdk.crypto.cryptoki

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

# JDKs before 24 link from their jmods folder; newer ones (JEP 493) can link from the run-time image.
module_path=()
[ -d "$jdk_home/jmods" ] && module_path=(--module-path "$jdk_home/jmods")
"$jdk_home/bin/jlink" "${module_path[@]}" --add-modules "$modules" \
  --strip-debug --no-man-pages --no-header-files --generate-cds-archive --output "$stage/opt/jdk"

# The shared libraries the runtime's ELF files load, found with ldd, copied with their paths; also those
# of libjemalloc (the c2-jemalloc configuration preloads it; JDK 25's libjvm does not need libstdc++ itself).
jemalloc=/usr/lib/x86_64-linux-gnu/libjemalloc.so.2
# (an if, not `[ ] &&`: on a host without jemalloc the group's status must not fail the pipeline under pipefail)
{ find "$stage/opt/jdk" -type f \( -name '*.so' -o -perm -u+x \) -print0; if [ -e "$jemalloc" ]; then printf '%s\0' "$jemalloc"; fi; } \
  | xargs -0 ldd 2>/dev/null \
  | grep -o '/[^ ]*' | grep -v "^$stage" | sort -u \
  | while read -r lib; do
      [ -e "$lib" ] || continue
      mkdir -p "$stage$(dirname "$lib")"
      cp -L "$lib" "$stage$lib"
    done
# glibc loads these by name at run time (name service, DNS), which ldd does not show; and async-profiler's
# agent (profiler: nativemem), added by the workload image, links glibc's libdl, libpthread and librt.
for lib in /lib/x86_64-linux-gnu/libnss_files.so.2 /lib/x86_64-linux-gnu/libnss_dns.so.2 \
           /lib/x86_64-linux-gnu/libdl.so.2 /lib/x86_64-linux-gnu/libpthread.so.0 /lib/x86_64-linux-gnu/librt.so.1; do
  [ -e "$lib" ] && mkdir -p "$stage$(dirname "$lib")" && cp -L "$lib" "$stage$lib"
done
# The dynamic loader may be named by a /lib64 path.
if [ -e /lib64/ld-linux-x86-64.so.2 ]; then
  mkdir -p "$stage/lib64" && cp -L /lib64/ld-linux-x86-64.so.2 "$stage/lib64/"
fi

mkdir -p "$stage/bin" "$stage/tmp" "$stage/etc"
chmod 1777 "$stage/tmp"
echo 'root:x:0:0:root:/root:/bin/sh' >"$stage/etc/passwd"
echo 'root:x:0:' >"$stage/etc/group"
if [ -x /bin/busybox ]; then
  cp /bin/busybox "$stage/bin/busybox"
  for applet in sh ls cat ps top free grep head tail; do ln -s busybox "$stage/bin/$applet"; done
fi

tar -C "$stage" -c . | docker import \
  -c 'ENV PATH=/opt/jdk/bin:/bin' -c 'ENV JAVA_HOME=/opt/jdk' -c 'LABEL oomlab=true' \
  -m "oomlab offline JDK base from $jdk_home" - "$tag" >/dev/null
echo "built $tag from $jdk_home ($(docker image inspect -f '{{.Size}}' "$tag") bytes)"
