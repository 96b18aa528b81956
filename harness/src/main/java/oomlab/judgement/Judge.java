package oomlab.judgement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import oomlab.result.CheckResult;
import oomlab.result.Judgement;
import oomlab.result.RunResult;
import oomlab.scenario.Checks;
import oomlab.scenario.Expectation;
import oomlab.verdict.ExitEvidence;
import oomlab.verdict.Verdict;

/**
 * Holds a run's result against what its scenario expects: the verdict, the scenario's checks from
 * scenarios.yaml, and the lab's own checks that every run must pass for its numbers to mean anything.
 * It reads only the result, so a saved results folder can be judged again against an edited scenario file
 * without running anything.
 */
public final class Judge {
    /** Below this the curve to the cap is too coarse to trust (Docker's stats API gives 1 Hz). */
    static final double MIN_CGROUP_SAMPLER_HZ = 15;

    private Judge() {
    }

    /**
     * @param expectation   the verdict expected of this run, or REPORT
     * @param checks        the scenario's checks and this configuration's own (see Scenario.checksFor)
     * @param reportsWork   the program is a built-in workload, which reports its work (a user's does not)
     * @param ownImage      the program runs in the user's own image, which keeps its own user and filesystem
     */
    public static Judgement judge(RunResult result, Expectation expectation, List<Checks> checks,
                                  boolean reportsWork, boolean ownImage) {
        List<CheckResult> results = new ArrayList<>();
        Verdict verdict = result.exit().verdict();
        if (!expectation.isReport()) {
            results.add(new CheckResult("verdict", expectation.toString(), verdict.name(),
                    expectation.accepts(verdict)));
        }
        verdictConsistency(result, reportsWork, results);
        recording(result, results);
        confinement(result, ownImage, results);
        load(result, results);
        for (Checks own : checks) {
            scenarioChecks(own, result, results);
        }
        return Judgement.of(expectation.toString(), results);
    }

    /** What a verdict implies must also hold, or the verdict itself is suspect. */
    private static void verdictConsistency(RunResult result, boolean reportsWork, List<CheckResult> out) {
        ExitEvidence evidence = result.exit().evidence();
        switch (result.exit().verdict()) {
            case OOM_KILLED -> {
                out.add(new CheckResult("exitCode", "137", Long.toString(evidence.exitCode()),
                        evidence.exitCode() == ExitEvidence.SIGKILL_EXIT));
                boolean confirmed = evidence.dockerOomKilled() || evidence.kernelOomKills() > 0;
                out.add(new CheckResult("oomKillConfirmed", "Docker or the kernel confirms the OOM kill",
                        "Docker OOMKilled " + evidence.dockerOomKilled() + ", kernel OOM kills "
                                + evidence.kernelOomKills(), confirmed));
            }
            case JAVA_OOM -> out.add(new CheckResult("exitCode", "not 137 (a Java OOM is not a kernel kill)",
                    Long.toString(evidence.exitCode()), evidence.exitCode() != ExitEvidence.SIGKILL_EXIT));
            case SURVIVED -> {
                if (reportsWork) {
                    boolean complete = result.work() != null && result.work().complete();
                    out.add(new CheckResult("workComplete", "the workload reported all its work done",
                            result.work() == null ? "no work report" : result.work().ops() + " " + result.work().unit()
                                    + (complete ? ", complete" : ", incomplete"), complete));
                }
            }
            default -> { }
        }
    }

    public static Judgement judge(RunResult result, Expectation expectation, List<Checks> checks,
                                  boolean reportsWork) {
        return judge(result, expectation, checks, reportsWork, false);
    }

    /** The container was confined as the lab means to confine it, by Docker's own account of it. */
    private static void confinement(RunResult result, boolean ownImage, List<CheckResult> out) {
        oomlab.container.Hardening hardening = result.container().hardening();
        if (hardening == null) {
            return; // a result from before the lab recorded it
        }
        List<String> shortfalls = hardening.shortfalls(ownImage);
        out.add(new CheckResult("confined", (ownImage ? "" : "non-root user, read-only root filesystem, ")
                + "no network, all capabilities dropped, no-new-privileges, a pids limit, memory+swap = memory,"
                + " labelled with its invocation", shortfalls.isEmpty() ? "as expected (user " + hardening.user() + ")"
                : String.join("; ", shortfalls), shortfalls.isEmpty()));
    }

    /**
     * A service under load: it had no way out, and "survived" means it survived the load — its port answered and
     * the generator counted answers.
     */
    private static void load(RunResult result, List<CheckResult> out) {
        if (result.load() == null) {
            return;
        }
        oomlab.container.LoadOutcome run = result.load().run();
        if (run != null && run.ready()) {
            // a service that never listened was never reached for: what it could have reached means nothing beside
            // why it never got going
            out.add(new CheckResult("isolated", "the service has only loopback and no route: no way out",
                    run.reach(), run.isolated()));
        }
        if (result.exit().verdict() == Verdict.SURVIVED) {
            boolean ready = run != null && run.ready();
            out.add(new CheckResult("loadReady", "the service listened on its port", ready
                    ? String.format(Locale.ROOT, "after %.1f s", run.readyAfterMs() / 1000.0) : "never", ready));
            oomlab.output.LoadReport measured = result.load().measured();
            boolean answered = measured != null && measured.ok() > 0;
            out.add(new CheckResult("loadAnswered", "the generator counted answers", measured == null
                    ? "no report from the generator" : String.format(Locale.ROOT, "%d answered, %d errors, %.1f/s",
                    measured.ok(), measured.errors(), measured.achievedRate()), answered));
        }
    }

    /** A JVM that lived at least this long has had time for the probe's first sample. */
    static final long PROBE_FIRST_SAMPLE_WITHIN_MS = 1000;

    /** A run whose recording is missing cannot back any claim about memory. */
    private static void recording(RunResult result, List<CheckResult> out) {
        out.add(new CheckResult("samples", "> 0 host samples in rss.csv", Long.toString(result.memory().samples()),
                result.memory().samples() > 0));
        if (result.memory().sampler().startsWith("cgroup")) {
            out.add(new CheckResult("samplerHz", ">= " + fraction(MIN_CGROUP_SAMPLER_HZ),
                    fraction(result.memory().samplerHz()), result.memory().samplerHz() >= MIN_CGROUP_SAMPLER_HZ));
        }
        if (result.memory().cpuCounterLost() != null) {
            // CPU figures (costs, the cure search's prices) would be the wrong thing or nothing: said, and failed
            out.add(new CheckResult("cpuCounter", "the container's CPU counter read by the sampler",
                    result.memory().cpuCounterLost(), false));
        }
        long lived = result.container().timeToExitMs();
        if (result.nmt().probeSamples() == 0 && lived >= 0 && lived < PROBE_FIRST_SAMPLE_WITHIN_MS) {
            // the probe's first sample comes some 100-300 ms into the JVM's life (its thread, NMT's MBean)
            out.add(new CheckResult("probeSamples", "> 0 probe lines in probe.jsonl, for a run of "
                    + PROBE_FIRST_SAMPLE_WITHIN_MS / 1000.0 + " s or more", String.format(Locale.ROOT,
                    "0: the run lasted %.1f s, shorter than the probe's first sample", lived / 1000.0), true));
            return;
        }
        out.add(new CheckResult("probeSamples", "> 0 probe lines in probe.jsonl",
                Integer.toString(result.nmt().probeSamples()), result.nmt().probeSamples() > 0));
    }

    private static void scenarioChecks(Checks checks, RunResult result, List<CheckResult> out) {
        double peak = result.memory().peakOfCap();
        if (checks.peakAtLeast() != null) {
            out.add(new CheckResult("peakAtLeast", ">= " + fraction(checks.peakAtLeast()), fraction(peak),
                    peak >= checks.peakAtLeast()));
        }
        if (checks.peakAtMost() != null) {
            out.add(new CheckResult("peakAtMost", "<= " + fraction(checks.peakAtMost()), fraction(peak),
                    peak <= checks.peakAtMost()));
        }
        if (checks.memoryGrowthAtMost() != null) {
            oomlab.analysis.SteadyState.MemoryTrend trend = result.load() == null ? null : result.load().memoryTrend();
            double most = checks.memoryGrowthAtMost();
            out.add(new CheckResult("memoryGrowthAtMost", most == 0 ? "memory settled under load (its growth's 95%"
                    + " interval reaches 0)" : String.format(Locale.ROOT, "memory growing at most %.1f MB/min under"
                    + " load (its growth's 95%% interval reaches it)", most), trend == null
                    ? "no growth measured (no load, or too few windows)" : trend.describe(result.run().capBytes()),
                    trend != null && trend.low() <= most));
        }
        if (checks.nmtGrowth() != null) {
            String grew = result.nmt().dominantNmtGrowth();
            out.add(new CheckResult("nmtGrowth", checks.nmtGrowth(), String.valueOf(grew),
                    checks.nmtGrowth().equals(grew)));
        }
        if (checks.compiledBy() != null) {
            Map<String, Long> compiled = result.jit().compiledMethods();
            boolean exactly = compiled.keySet().equals(new java.util.HashSet<>(checks.compiledBy()))
                    && compiled.values().stream().allMatch(methods -> methods > 0);
            out.add(new CheckResult("compiledBy", "methods compiled by exactly " + checks.compiledBy(),
                    compiled.isEmpty() ? "no CITime report" : new java.util.TreeMap<>(compiled).toString(), exactly));
        }
        if (checks.growthMostlyIn() != null) {
            double share = result.nmt().shareOf(checks.growthMostlyIn());
            out.add(new CheckResult("growthMostlyIn", "> 0.5 of the growth in " + checks.growthMostlyIn(),
                    fraction(share) + " (unexplained " + (result.nmt().unexplainedGrowthBytes() >> 20) + " MB)",
                    share > 0.5));
        }
        if (checks.madeNotEntrantRisesAfter() != null) {
            out.add(madeNotEntrantRisesAfter(checks.madeNotEntrantRisesAfter(), result.jit().deopt()));
        }
        if (checks.jitFindings() != null) {
            for (String kind : checks.jitFindings()) {
                out.add(new CheckResult("jitFinding", "the JVM reported: " + kind, result.jit().findings().stream()
                        .map(oomlab.output.JitFinding::kind).toList().toString(), result.jit().found(kind)));
            }
        }
        if (Boolean.TRUE.equals(checks.crashReport())) {
            String report = result.exit().crashReport();
            out.add(new CheckResult("crashReport", "the JVM's crash report (hs_err) kept in the run's folder",
                    report == null ? "none" : report, report != null));
        }
    }

    /**
     * The storm threw optimised code away: more tier-4 code made not entrant after the switch than before it, and
     * there was optimised code to throw away when it came. Tier 1-3 code is made not entrant at every tier-up,
     * hundreds a second during a warm-up, which would decide the comparison by the machine's speed, not by the
     * storm; and the workload switches when the JIT has compiled its callers, so a slow machine switches later
     * with the same code compiled, rather than early with none.
     */
    private static CheckResult madeNotEntrantRisesAfter(String phase, oomlab.output.DeoptWindow deopt) {
        String expected = "more optimised (tier-4) code made not entrant in the seconds after '" + phase
                + "' than before, with optimised code there at the switch";
        if (deopt == null || !deopt.phase().equals(phase)) {
            return new CheckResult("madeNotEntrantRisesAfter", expected, "the workload marked no phase '" + phase + "'",
                    false);
        }
        oomlab.output.DeoptWindow.AtSwitch at = deopt.atSwitch();
        String measured = deopt.optimizedMadeNotEntrantBefore() + " in the " + deopt.windowSeconds() + " s before, "
                + deopt.optimizedMadeNotEntrantAfter() + " after (all tiers: " + deopt.madeNotEntrantBefore()
                + " before, " + deopt.madeNotEntrantAfter() + " after)" + (at == null ? ""
                : String.format(Locale.ROOT, "; at the switch (%.1f s, %s) %d of %d optimised", at.warmupMs() / 1000.0,
                at.because(), at.optimised(), at.of()));
        boolean rose = deopt.optimizedMadeNotEntrantAfter() > deopt.optimizedMadeNotEntrantBefore();
        return new CheckResult("madeNotEntrantRisesAfter", expected, measured,
                rose && (at == null || at.optimised() > 0));
    }

    private static String fraction(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
