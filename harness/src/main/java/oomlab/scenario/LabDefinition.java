package oomlab.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What scenarios.yaml defines: the configurations and the scenarios, in file order. */
public record LabDefinition(Path file, Map<String, RunConfig> configurations, Map<String, Scenario> scenarios) {
    public LabDefinition {
        configurations = new LinkedHashMap<>(configurations);
        scenarios = new LinkedHashMap<>(scenarios);
    }

    /**
     * The runs selected by comma-separated scenario, configuration and JDK names (null or blank selects all).
     *
     * @throws IllegalArgumentException naming the unknown names and listing the known ones
     */
    public List<RunPlan> select(Selection selection) {
        List<RunPlan> plans = matching(selection).stream().filter(plan -> !leftOutAsReport(selection, plan))
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        List<RunPlan> shard = new ArrayList<>();
        for (int position = 0; position < plans.size(); position++) {
            if (selection.shard().takes(position)) {
                shard.add(plans.get(position));
            }
        }
        if (!plans.isEmpty() && shard.isEmpty()) {
            throw new IllegalArgumentException("-Doomlab.shard=" + selection.shard().index() + "/"
                    + selection.shard().count() + " is empty: only " + plans.size() + " run(s) are selected");
        }
        plans = selection.repeat() == 1 ? shard : shard.stream()
                .flatMap(plan -> java.util.stream.IntStream.rangeClosed(1, selection.repeat()).mapToObj(plan::repeated))
                .toList();
        List<String> onlyReports = plans.isEmpty() ? reportRunsLeftOut(selection) : List.of();
        if (!onlyReports.isEmpty()) {
            throw new IllegalArgumentException("Nothing selected but REPORT runs (" + String.join(", ", onlyReports)
                    + "), which assert no verdict: name their scenario (-Dscenario=...) or add -Doomlab.reports=true");
        }
        if (plans.isEmpty()) {
            throw new IllegalArgumentException("Nothing selected: no scenario chosen by -Dscenario="
                    + selection.scenarios() + " runs the configurations -Dconfig=" + selection.configs()
                    + " on the JDKs -Djdk=" + selection.jdks()
                    + " (see 'expect:' and 'jdks:' in " + file + ")");
        }
        return plans;
    }

    /**
     * The REPORT runs this selection leaves out (scenario / configuration): a plain {@code mvn test} makes the
     * runs that assert a verdict, and names these so nobody wonders where they went.
     */
    public List<String> reportRunsLeftOut(Selection selection) {
        return matching(selection).stream().filter(plan -> leftOutAsReport(selection, plan))
                .map(RunPlan::displayName).toList();
    }

    /** The runs the scenario, configuration and JDK names pick, each scenario's in file order. */
    private List<RunPlan> matching(Selection selection) {
        List<String> wantedScenarios = names(selection.scenarios());
        List<String> wantedConfigs = names(selection.configs());
        List<String> wantedJdks = names(selection.jdks());
        requireKnown("scenario", "-Dscenario", wantedScenarios, scenarios.keySet());
        requireKnown("configuration", "-Dconfig", wantedConfigs, configurations.keySet());
        List<RunPlan> plans = new ArrayList<>();
        for (Scenario scenario : scenarios.values()) {
            if (!wantedScenarios.isEmpty() && !wantedScenarios.contains(scenario.name())) {
                continue;
            }
            List<RunPlan> ofScenario = new ArrayList<>();
            for (String config : scenario.expect().keySet().stream().sorted(this::inFileOrder).toList()) {
                RunConfig run = configurations.get(config);
                for (int jdk : run.jdksIn(scenario.jdks())) {
                    if ((wantedConfigs.isEmpty() || wantedConfigs.contains(config))
                            && (wantedJdks.isEmpty() || wantedJdks.contains(Integer.toString(jdk)))) {
                        ofScenario.add(new RunPlan(scenario, run, jdk));
                    }
                }
            }
            // the scenario's main JDK first, as the file lists the configurations within each JDK
            ofScenario.sort(Comparator.comparingInt((RunPlan plan) -> plan.jdk() == scenario.mainJdk() ? 0 : 1)
                    .thenComparingInt(RunPlan::jdk));
            plans.addAll(ofScenario);
        }
        return plans;
    }

    /** A REPORT run is made when asked for: by -Doomlab.reports=true, or its scenario or configuration named. */
    private static boolean leftOutAsReport(Selection selection, RunPlan plan) {
        return plan.expectation().isReport() && !selection.reportRuns()
                && !names(selection.scenarios()).contains(plan.scenario().name())
                && !names(selection.configs()).contains(plan.config().name());
    }

    /**
     * The plan a saved run was made from, as this file defines it now: how a results folder is judged again
     * after the file changed. Empty when the scenario no longer runs that configuration on that JDK.
     */
    public Optional<RunPlan> planFor(String scenarioName, String configName, int jdk) {
        Scenario scenario = scenarios.get(scenarioName);
        RunConfig config = configurations.get(configName);
        if (scenario == null || config == null || !scenario.expect().containsKey(configName)
                || !config.jdksIn(scenario.jdks()).contains(jdk)) {
            return Optional.empty();
        }
        return Optional.of(new RunPlan(scenario, config, jdk));
    }

    private int inFileOrder(String a, String b) {
        List<String> order = List.copyOf(configurations.keySet());
        return Integer.compare(order.indexOf(a), order.indexOf(b));
    }

    private static List<String> names(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private void requireKnown(String what, String property, List<String> wanted, java.util.Set<String> known) {
        List<String> unknown = wanted.stream().filter(name -> !known.contains(name)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown " + what + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + " in " + property + ". Known " + what + "s in " + file + ": "
                    + String.join(", ", known));
        }
    }
}
