package oomlab.workloads;

/** One program that stresses one memory area. It knows nothing of containers, caps or probes. */
public interface Workload {
    /** Runs the work and returns how many units of it were done (for throughput). */
    long run(Args args) throws Exception;

    /** The name of one unit of work, e.g. "MB" or "iterations". */
    String unit();
}
