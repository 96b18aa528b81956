package oomlab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import oomlab.result.RunResult;
import oomlab.scenario.RunPlan;
import oomlab.scenario.ScenarioFileException;

/**
 * One use of the lab, the same for every entry point (the matrix test, RunLab, the scenario check, the
 * benchmark, the right-sizing search): open (the scenario file read and checked against this host, the runs
 * selected, their programs resolved, their JDKs and JVM flags tried on this host — every mistake told before any
 * container), run the plans, close (the whole
 * results folder judged and printed as one table, the report written, against the baseline when one is given).
 * The exit codes are the re-judge's: 0 every run passed, 1 one failed, 2 bad input.
 */
public final class LabSession {
    public static final int PASSED = Rejudge.PASSED;
    public static final int FAILED = Rejudge.FAILED;
    public static final int BAD_INPUT = Rejudge.BAD_INPUT;

    private final Settings settings;
    private final Lab lab;
    private final List<RunPlan> plans;
    private int failedRuns;

    private LabSession(Settings settings, Lab lab, List<RunPlan> plans) {
        this.settings = settings;
        this.lab = lab;
        this.plans = List.copyOf(plans);
    }

    /**
     * @throws BadInput naming the file, line and field (or the setting) of the first mistake
     */
    public static LabSession open(Settings settings) {
        return open(settings, Lab.dockerEngine(settings, oomlab.console.Console.STANDARD_OUT),
                oomlab.console.Console.STANDARD_OUT);
    }

    /**
     * A session over the engine given (one engine can serve several sessions: its images are made once).
     *
     * @throws BadInput naming the file, line and field (or the setting) of the first mistake
     */
    public static LabSession open(Settings settings, oomlab.container.ContainerEngine engine,
                                  oomlab.console.Console console) {
        try {
            Lab lab = new Lab(settings, engine, console);
            List<RunPlan> plans = lab.selectedRuns();
            lab.resolvePrograms(plans); // a program Maven cannot resolve is a mistake of the file too
            // a JDK no image can be had for, a flag its JVM rejects: told now, not by a container 30 s later
            oomlab.launch.Preflight.check(settings.scenarioFile(), plans, preflightHost(settings));
            return new LabSession(settings, lab, plans);
        } catch (ScenarioFileException | IllegalArgumentException e) {
            throw new BadInput(e.getMessage(), e);
        }
    }

    private static oomlab.launch.Preflight.Host preflightHost(Settings settings) {
        return new oomlab.launch.Preflight.Host(settings.baseImages(),
                jdk -> oomlab.container.BaseImages.localJdk(jdk, settings.jdkHomes().get(jdk)), Settings.registryAnswer());
    }

    /**
     * A run the session made up itself (a cure candidate) tried as the open tries the file's: the JVM's words
     * when it rejects the run's flags, empty when it takes them.
     */
    public java.util.Optional<String> rejects(RunPlan plan) {
        return oomlab.launch.Preflight.rejects(plan, preflightHost(settings));
    }

    /** A mistake in the scenario file or the settings: exit code {@link #BAD_INPUT}, one line. */
    public static final class BadInput extends RuntimeException {
        BadInput(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public Settings settings() {
        return settings;
    }

    public Lab lab() {
        return lab;
    }

    public List<RunPlan> plans() {
        return plans;
    }

    /** Which runs are about to start, in one line. */
    public String describePlans() {
        List<String> leftOut = lab.reportRunsLeftOut();
        return String.format("[oomlab] %d run(s): %s", plans.size(),
                String.join(", ", plans.stream().map(RunPlan::displayName).toList()))
                + (leftOut.isEmpty() ? "" : String.format("%n[oomlab] not run: %d REPORT run(s), which assert no"
                + " verdict (%s); name the scenario (-Dscenario=...) or add -Doomlab.reports=true to make them",
                leftOut.size(), String.join(", ", leftOut)));
    }

    public RunResult run(RunPlan plan) {
        RunResult result = lab.run(plan);
        if (!result.judgement().passed()) {
            failedRuns++;
        }
        return result;
    }

    /** Every selected run, one after the other. */
    public void runAll() {
        plans.forEach(this::run);
    }

    /**
     * The results folder judged again and printed as one table, the report written (and compared with the
     * baseline, when -Doomlab.baseline names one): the exit code, {@link #FAILED} also when a run of this session
     * failed its judgement.
     */
    public int close() {
        lab.sweepOwnLeftovers();
        try {
            StringBuilder table = new StringBuilder();
            int code = Rejudge.run(settings.resultsRoot(), settings.scenarioFile(), settings.baseline(), table);
            lab.console().println();
            lab.console().printf("%s", table);
            return failedRuns > 0 && code == PASSED ? FAILED : code;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
