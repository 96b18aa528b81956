package oomlab.scenario;

/**
 * Which runs of the scenario file to make (-Dscenario, -Dconfig, -Djdk): comma-separated names, null or blank
 * for all.
 */
public record Selection(String scenarios, String configs, String jdks) {
    public static final Selection ALL = new Selection(null, null, null);
}
