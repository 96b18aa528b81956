package oomlab;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import oomlab.result.RunResult;
import oomlab.scenario.MemorySize;
import oomlab.scenario.RightSizing;
import oomlab.scenario.RunPlan;
import oomlab.scenario.Scenario;
import oomlab.sizing.CapSearch;
import oomlab.sizing.SizingResult;
import oomlab.verdict.Verdict;

/**
 * The right-sizing search for one run ({@code -Doomlab.search=cap}): real runs of the same scenario and
 * configuration at different caps, to the smallest cap at which every repeat survives: the ceiling first, then a
 * bracket round the peak it measured, bisected ({@link CapSearch#seeded}). Each cap's
 * runs are kept under {@code <results>/right-sizing/<scenario>/<run>/cap-<MB>m/}.
 */
public final class RightSizer {
    static final String FOLDER = "right-sizing";
    private static final long MB = 1 << 20;

    private RightSizer() {
    }

    public static SizingResult search(Lab lab, RunPlan plan, Path resultsRoot) {
        Scenario scenario = plan.scenario();
        RightSizing how = scenario.rightSizing();
        long host = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        int repeats = how.repeatsOrDefault();
        int[] runs = {0};
        long[] formula = {-1};
        Path into = resultsRoot.resolve(FOLDER).resolve(scenario.name()).resolve(plan.runName());
        // seeded by measurement: the ceiling's run measures the peak, and the bracket is put round it
        CapSearch.Outcome outcome = CapSearch.seeded(how.floorBytes(scenario), how.ceilingBytes(scenario, host),
                how.precisionBytes(), cap -> {
                    long peak = 0;
                    for (int repeat = 1; repeat <= repeats; repeat++) {
                        RunPlan at = new RunPlan(scenario.withMemory(new MemorySize(cap)), plan.config(), plan.jdk(),
                                repeats > 1 ? repeat : 0);
                        RunResult result = lab.run(at, into.resolve("cap-" + cap / MB + "m"));
                        runs[0]++;
                        if (formula[0] < 0 && result.diagnosis() != null) {
                            formula[0] = result.diagnosis().budget().budgetBytes();
                        }
                        lab.console().printf("[oomlab] right-sizing %s: %d MB -> %s%n", plan.displayName(), cap / MB,
                                result.exit().verdict());
                        peak = Math.max(peak, result.memory().peakBytes());
                        if (result.exit().verdict() != Verdict.SURVIVED) {
                            return new CapSearch.Probe(false, peak); // one repeat that does not survive says no
                        }
                    }
                    return new CapSearch.Probe(true, peak);
                });
        return new SizingResult(scenario.name(), plan.config().name(), plan.jdk(), plan.runName(), outcome, repeats,
                runs[0], formula[0], how.precisionBytes());
    }
}
