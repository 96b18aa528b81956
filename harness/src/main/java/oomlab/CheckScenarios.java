package oomlab;


/**
 * Reads the scenario file and the selection (-Dscenario, -Dconfig, -Djdk) before anything else of the build
 * runs, and resolves the selected runs' programs (Maven coordinates to a classpath): a mistake is told in one
 * line naming file, line and field, before Docker is even looked for.
 * The Maven build runs it ahead of the tests; exit code 2 on a mistake.
 */
public final class CheckScenarios {
    private CheckScenarios() {
    }

    public static void main(String[] args) {
        try {
            LabSession session = LabSession.open(Settings.fromSystem().withArguments(args));
            int reportRuns = session.lab().reportRunsLeftOut().size();
            System.out.printf("[oomlab] %s: %d scenario(s), %d run(s) selected%s%n", session.settings().scenarioFile(),
                    session.lab().definition().scenarios().size(), session.plans().size(),
                    reportRuns == 0 ? "" : " (and " + reportRuns + " REPORT run(s) left out: -Doomlab.reports=true)");
        } catch (LabSession.BadInput | IllegalArgumentException e) {
            System.err.println("[oomlab] " + e.getMessage());
            System.exit(LabSession.BAD_INPUT);
        }
    }
}
