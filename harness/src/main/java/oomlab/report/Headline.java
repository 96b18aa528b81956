package oomlab.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import oomlab.cure.Cure;
import oomlab.cure.CureAnswer;
import oomlab.cure.CureReport;
import oomlab.diagnosis.Suspect;
import oomlab.result.RunResult;
import oomlab.verdict.Verdict;

/**
 * A scenario's answer in one line, at the top of its part of the report: who was killed and by what, who
 * survived and how close to the cap, and, where a cure search ran, the cheapest cure that survived and its cost.
 */
final class Headline {
    private Headline() {
    }

    static String of(List<RunResult> runs, List<CureAnswer> cures) {
        Map<String, List<RunResult>> byConfig = new LinkedHashMap<>();
        runs.stream().filter(run -> !Cure.isCureRun(run.run().config()))
                .forEach(run -> byConfig.computeIfAbsent(run.run().config() + jdk(run), c -> new ArrayList<>()).add(run));
        List<String> killed = new ArrayList<>();
        List<String> survived = new ArrayList<>();
        List<String> other = new ArrayList<>();
        byConfig.forEach((config, made) -> {
            RunResult first = made.get(0);
            Verdict verdict = first.exit().verdict();
            boolean same = made.stream().allMatch(run -> run.exit().verdict() == verdict);
            String times = made.size() > 1 ? (same ? " (" + made.size() + " of " + made.size() + ")" : " (not every run)")
                    : "";
            switch (verdict) {
                case OOM_KILLED, STALLED, KILLED -> killed.add(String.format(Locale.ROOT, "%s %s%s after %.0f s%s",
                        config, verdict == Verdict.STALLED ? "stalled at the cap" : "was OOM-killed", times,
                        first.container().timeToExitMs() / 1000.0, grewMost(first)));
                case SURVIVED -> survived.add(String.format(Locale.ROOT, "%s %.0f%%", config,
                        made.stream().mapToDouble(run -> run.memory().peakOfCap()).max().orElse(0) * 100));
                default -> other.add(config + " " + verdict);
            }
        });
        List<String> parts = new ArrayList<>();
        if (!killed.isEmpty()) {
            parts.add(String.join("; ", killed));
        }
        if (!survived.isEmpty()) {
            parts.add("Survived at peak / cap: " + String.join(", ", survived));
        }
        if (!other.isEmpty()) {
            parts.add(String.join(", ", other));
        }
        for (CureAnswer answer : cures) {
            parts.add(answer.recommended().map(best -> String.format(Locale.ROOT,
                    "Cheapest surviving cure for %s: %s (%s), CPU %s of %s's, peak %.0f%% of the cap",
                    answer.originalRun(), best.cure().name(), CureReport.settingsOf(best.cure()),
                    best.steadyCpu() == null ? "not measured" : best.steadyCpu().describe(), answer.originalRun(),
                    best.worstPeakOfCap() * 100)).orElse("No cure derived for " + answer.originalRun()
                    + " survived every run"));
        }
        return String.join(". ", parts) + ".";
    }

    private static String jdk(RunResult run) {
        String name = run.run().runName();
        int at = name.indexOf("-jdk");
        return at < 0 ? "" : name.substring(at).replaceAll("-r\\d+$", "");
    }

    private static String grewMost(RunResult run) {
        if (run.diagnosis() == null || run.diagnosis().suspects().isEmpty()) {
            return "";
        }
        Suspect top = run.diagnosis().suspects().get(0);
        return top.growthBytes() <= 0 ? "" : String.format(Locale.ROOT, ", %s %.0f%% of the growth (+%d MB)", top.name(),
                top.share() * 100, top.growthBytes() >> 20);
    }
}
