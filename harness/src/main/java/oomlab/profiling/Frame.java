package oomlab.profiling;

/**
 * A native frame and the bytes allocated under it (in any stack that passes through it).
 *
 * @param share bytes / all bytes profiled, 0 to 1
 */
public record Frame(String name, long bytes, double share) {
}
