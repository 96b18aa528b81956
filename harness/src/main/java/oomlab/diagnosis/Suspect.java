package oomlab.diagnosis;

/**
 * One of the places native memory goes, as the incident's investigation walked them, with what it did in
 * one run.
 *
 * @param name        e.g. "compiler arenas"
 * @param source      where the figure comes from, e.g. "NMT Compiler + Arena Chunk"
 * @param growthBytes from the first probe sample to the last (negative: it shrank)
 * @param share       its part of all the growth (of the suspects that grew), 0 to 1
 * @param peakBytes   the highest it was in any probe sample
 */
public record Suspect(String name, String source, long growthBytes, double share, long peakBytes) {
}
