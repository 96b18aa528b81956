package oomlab.scenario;

/**
 * Which runs of the scenario file to make: {@code -Dscenario}, {@code -Dconfig}, {@code -Djdk} (comma-separated
 * names, null or blank for all), {@code -Doomlab.shard=i/n} (one part of them), {@code -Doomlab.repeat=N} (each
 * run N times, for verdict agreement and spread) and {@code -Doomlab.reports=true} (the REPORT runs too).
 *
 * <p>A REPORT run asserts no verdict: it is a measurement, not a test, so a plain {@code mvn test} leaves it out
 * (and says so). It runs when asked for: its scenario or configuration named, or {@code -Doomlab.reports=true}.
 * Built by name from {@link #ALL}: {@code Selection.ALL.scenarios("a,b").configs("c1")}.
 */
public record Selection(String scenarios, String configs, String jdks, Shard shard, int repeat,
                        boolean reportRuns) {
    /** Every run of the file, the REPORT runs included. */
    public static final Selection ALL = new Selection(null, null, null, Shard.ALL, 1, true);

    public Selection {
        if (repeat < 1) {
            throw new IllegalArgumentException("-Doomlab.repeat=" + repeat + ": a run is made at least once");
        }
        shard = shard == null ? Shard.ALL : shard;
    }

    public Selection scenarios(String names) {
        return new Selection(names, configs, jdks, shard, repeat, reportRuns);
    }

    public Selection configs(String names) {
        return new Selection(scenarios, names, jdks, shard, repeat, reportRuns);
    }

    public Selection jdks(String versions) {
        return new Selection(scenarios, configs, versions, shard, repeat, reportRuns);
    }

    public Selection shard(Shard part) {
        return new Selection(scenarios, configs, jdks, part, repeat, reportRuns);
    }

    public Selection repeat(int times) {
        return new Selection(scenarios, configs, jdks, shard, times, reportRuns);
    }

    /** Whether REPORT runs of scenarios and configurations not named are made too. */
    public Selection reportRuns(boolean made) {
        return new Selection(scenarios, configs, jdks, shard, repeat, made);
    }
}
