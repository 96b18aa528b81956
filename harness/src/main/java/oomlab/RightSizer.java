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

    /**
     * A survivor under load whose memory had not settled when its load ended (SteadyState's growth and interval):
     * how it was growing, in words; null for one that settled, or that had no load to say it by. Such a cap held
     * the load's length, not the service: the search does not take it (give the load untilSteady to let it settle).
     */
    static String stillGrowing(RunResult result) {
        return result.load() == null ? null : result.load().memoryStillGrowing()
                .map(trend -> trend.describe(result.run().capBytes())).orElse(null);
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
                        String growing = stillGrowing(result);
                        lab.console().printf("[oomlab] right-sizing %s: %d MB -> %s%s%n", plan.displayName(), cap / MB,
                                result.exit().verdict(), growing == null ? "" : ", but its memory was " + growing
                                        + ": it outlived its load, not the pod");
                        peak = Math.max(peak, result.memory().peakBytes());
                        if (result.exit().verdict() != Verdict.SURVIVED || growing != null) {
                            return new CapSearch.Probe(false, peak); // one repeat that does not hold says no
                        }
                    }
                    return new CapSearch.Probe(true, peak);
                });
        return new SizingResult(scenario.name(), plan.config().name(), plan.jdk(), plan.runName(), outcome, repeats,
                runs[0], formula[0], how.precisionBytes());
    }
}
