package oomlab.report;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import oomlab.output.WorkReport;
import oomlab.result.CheckResult;
import oomlab.result.RunResult;
import oomlab.verdict.Verdict;

/**
 * Results as one table, scenario × configuration × JDK: the judgement, verdict against expectation, time to
 * exit, peak, CPU, CPU per unit of work (and its ratio to the scenario's first configuration on the same
 * JDK), what grew most, and RSS beyond NMT. Failed checks are listed under the table.
 */
public final class SummaryTable implements ResultFormat {
    @Override
    public void write(List<RunResult> results, Appendable out) throws IOException {
        out.append("| scenario | config | JDK | judgement | verdict | expected | exit s | peak MB | peak/cap | CPU s"
                + " | CPU ms/unit | vs first | work | grew most | unexplained MB |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        String baselineKey = "";
        Double baseline = null;
        for (RunResult r : results) {
            String key = r.run().scenario() + "/" + r.run().jdkMajor();
            Double perUnit = r.work() == null ? null : r.work().cpuSecondsPerUnit();
            if (!key.equals(baselineKey)) {
                baselineKey = key;
                baseline = perUnit;
            }
            out.append(String.format(Locale.ROOT,
                    "| %s | %s | %s | %s | %s | %s | %.1f | %d | %.0f%% | %s | %s | %s | %s | %s | %d |%n",
                    r.run().scenario(), r.run().config(), r.run().jdkShortVersion(),
                    r.judgement().passed() ? "passed" : "FAILED", r.exit().verdict(), r.judgement().expectedVerdict(),
                    r.container().timeToExitMs() / 1000.0, r.memory().peakBytes() >> 20,
                    r.memory().peakOfCap() * 100,
                    r.memory().cpuSeconds() < 0 ? "-" : String.format(Locale.ROOT, "%.1f", r.memory().cpuSeconds()),
                    perUnit == null ? "-" : String.format(Locale.ROOT, "%.3f", perUnit * 1000),
                    perUnit == null || baseline == null ? "-" : String.format(Locale.ROOT, "%.2f×", perUnit / baseline),
                    workText(r.work(), r.exit().verdict()),
                    r.nmt().grewMost() == null ? "-" : r.nmt().grewMost(),
                    r.nmt().unexplainedBytes() >> 20));
        }
        out.append("\nDiagnosis:\n");
        for (RunResult r : results) {
            out.append("- ").append(r.run().displayName()).append(" (JDK ").append(Integer.toString(r.run().jdkMajor()))
                    .append("): ").append(r.diagnosis() == null ? "-" : r.diagnosis().summary()).append('\n');
        }
        List<RunResult> services = results.stream().filter(r -> r.service() != null).toList();
        if (!services.isEmpty()) {
            out.append("\nService under load (CPU in cores, mean of the phase's windows; p99 the worst window's):\n");
            for (RunResult r : services) {
                out.append("- ").append(r.run().displayName()).append(" (JDK ").append(Integer.toString(r.run().jdkMajor()))
                        .append("): ").append(phase("steady", r.service().steadyCpuCores(), r.service().steadyP99Ms()))
                        .append(r.service().afterDeployCpuCores() == null ? "" : "; " + phase("after the deploy",
                                r.service().afterDeployCpuCores(), r.service().afterDeployP99Ms()))
                        .append('\n');
            }
        }
        List<RunResult> failed = results.stream().filter(r -> !r.judgement().passed()).toList();
        for (RunResult r : failed) {
            out.append("\nFAILED ").append(r.run().displayName()).append(":\n");
            for (CheckResult check : r.judgement().failed()) {
                out.append("  ").append(check.toString()).append('\n');
            }
        }
        out.append(String.format(Locale.ROOT, "%n%d run(s): %d passed, %d failed%n", results.size(),
                results.size() - failed.size(), failed.size()));
    }

    private static String phase(String name, Double cpuCores, Double p99Ms) {
        return cpuCores == null ? name + " -" : String.format(Locale.ROOT, "%s %.3f cores, p99 %.2f ms", name, cpuCores,
                p99Ms);
    }

    /** Units done, and, when the workload did not finish, how it was stopped (from the verdict, not a guess). */
    static String workText(WorkReport work, Verdict verdict) {
        if (work == null) {
            return "-";
        }
        String done = work.ops() + " " + work.unit();
        if (work.complete()) {
            return done;
        }
        return done + switch (verdict) {
            case OOM_KILLED -> " (OOM-killed)";
            case KILLED -> " (killed)";
            case JAVA_OOM -> " (stopped by OutOfMemoryError)";
            case TIMEOUT -> " (timed out)";
            case STALLED -> " (stalled at the cap)";
            case CRASHED -> " (crashed)";
            case SURVIVED -> " (exited before its report)";
        };
    }
}
