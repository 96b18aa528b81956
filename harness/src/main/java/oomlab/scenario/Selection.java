package oomlab.scenario;

/**
 * Which runs of the scenario file to make: {@code -Dscenario}, {@code -Dconfig}, {@code -Djdk} (comma-separated
 * names, null or blank for all), {@code -Doomlab.shard=i/n} (one part of them) and {@code -Doomlab.repeat=N}
 * (each run N times, for verdict agreement and spread).
 */
public record Selection(String scenarios, String configs, String jdks, Shard shard, int repeat) {
    public static final Selection ALL = new Selection(null, null, null);

    public Selection {
        if (repeat < 1) {
            throw new IllegalArgumentException("-Doomlab.repeat=" + repeat + ": a run is made at least once");
        }
        shard = shard == null ? Shard.ALL : shard;
    }

    public Selection(String scenarios, String configs, String jdks) {
        this(scenarios, configs, jdks, Shard.ALL, 1);
    }
}
