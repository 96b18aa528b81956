# The image every built-in workload runs in: a JDK (which must include jcmd) plus the workloads jar, the
# Graal compiler jars for this JDK (used only by the `graal` configuration) and optional native libraries
# (libjemalloc for the `c2-jemalloc` configuration) copied from the host by the harness, and async-profiler's
# agent (used only by a scenario with `profiler: nativemem`).
#
# BASE_IMAGE defaults to a public JDK image for hosts that reach a registry. Where none is reachable the
# harness builds a local JDK base image instead (dockerfiles/build-offline-base.sh) and passes its tag here.
ARG BASE_IMAGE=eclipse-temurin:17-jdk
FROM ${BASE_IMAGE}
LABEL oomlab=true
COPY graal/ /opt/oomlab/graal/
COPY lib/ /opt/oomlab/lib/
COPY profiler/ /opt/oomlab/profiler/
COPY oomlab-workloads.jar /opt/oomlab/oomlab-workloads.jar
WORKDIR /opt/oomlab
