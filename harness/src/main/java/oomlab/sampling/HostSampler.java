package oomlab.sampling;

/** Reads a running container's memory from the host side, at its own pace, into a {@link SampleLog}. */
public interface HostSampler extends AutoCloseable {
    /** Which source this is, for result.json: e.g. "cgroup-v1", "cgroup-v2", "docker-stats". */
    String source();

    /** The largest usage the source itself recorded (v1 max_usage_in_bytes), or 0 if it has none. */
    long recordedPeakBytes();

    /** CPU the sampler's own thread used so far, in ms; -1 where it cannot tell. */
    default long cpuMs() {
        return -1;
    }

    /**
     * OOM kills the enclosing cgroup counted while this sampler ran (cgroup v2), 0 where it cannot tell. Only
     * evidence for a container that was SIGKILLed: other cgroups under the same parent count there too.
     */
    default long enclosingOomKillsDuringRun() {
        return 0;
    }

    @Override
    void close();
}
