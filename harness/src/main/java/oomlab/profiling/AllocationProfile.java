package oomlab.profiling;

import java.util.List;

/**
 * Who allocated a run's native memory, as the profiler saw it.
 *
 * @param profiler   the tool ("nativemem" or "jemalloc")
 * @param totalBytes every byte the profile holds (for nativemem: allocated in total, freed or not; for jemalloc:
 *                   in use at the last dump)
 * @param topFrames  the frames most bytes were allocated under, most first, thread roots left out
 * @param files      what the profiler left in the run's folder (collapsed stacks, flame graph, text), by name
 * @param problem    why there is no profile, where there is none (e.g. killed before the first dump)
 */
public record AllocationProfile(String profiler, long totalBytes, List<Frame> topFrames, List<String> files,
                                String problem) {
    public AllocationProfile {
        topFrames = List.copyOf(topFrames);
        files = List.copyOf(files);
    }

    public static AllocationProfile missing(Profiler profiler, String problem) {
        return new AllocationProfile(profiler.toString(), 0, List.of(), List.of(), problem);
    }
}
