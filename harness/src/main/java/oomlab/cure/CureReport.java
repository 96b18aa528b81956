package oomlab.cure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import oomlab.result.ResultJson;

/**
 * The cure search's answers as a person reads them (cures.md, and the same printed at the end) and as a tool
 * does (cures.json): per killed run the candidates with their evidence, their verdicts, their cost ratios with
 * intervals, the recommendation and the next best, each with the settings to paste.
 */
public final class CureReport {
    private static final long MB = 1 << 20;

    private CureReport() {
    }

    /** cures.json's shape: a list, so a session with several killed runs keeps each answer. */
    public record Answers(List<CureAnswer> answers) {
        public Answers {
            answers = answers == null ? List.of() : List.copyOf(answers);
        }
    }

    /** Null when the folder has no cures.json (no cure search ran there); an unreadable one is said as such. */
    public static Answers read(Path resultsRoot) {
        Path file = resultsRoot.resolve(CureAnswer.JSON);
        return Files.isRegularFile(file) ? ResultJson.readRecord(file, Answers.class) : null;
    }

    public static String markdown(List<CureAnswer> answers) {
        StringBuilder out = new StringBuilder("# What should I set?\n\n");
        for (CureAnswer answer : answers) {
            section(answer, out);
        }
        out.append("A batch job (no load, fixed work, then its exit) is priced by what finishing its work took each"
                + " candidate, CPU and wall time to its exit, warm-up included (the original, killed, never finished):"
                + " the geometric mean of its runs with a 95% Student's t interval.\n\n");
        out.append("CPU is CPU time per 1,000 requests at the same request rate; each ratio is the geometric mean of the"
                + " rounds' ratios (a round runs the original and every candidate one after the other), with a 95%"
                + " Student's t interval on their logarithms. An interval that spans 1.00 is \"no measurable"
                + " difference\".\n");
        return out.toString();
    }

    private static void section(CureAnswer answer, StringBuilder out) {
        out.append(String.format(Locale.ROOT, "## %s / %s (JDK %d, %d MB pod, %d MB heap)%n%n", answer.scenario(),
                answer.originalRun(), answer.jdk(), answer.capBytes() / MB, answer.heapBytes() / MB));
        out.append("The original: ").append(answer.originalDiagnosis()).append("\n\n");
        out.append(String.format(Locale.ROOT, "Rounds: %d; its runs: %s.%n%n", answer.original().size(),
                String.join(", ", answer.original().stream().map(t -> t.runName() + " " + t.verdict()).toList())));
        out.append("| rank | cure | settings | derived from | verdicts | CPU steady (÷ original) | CPU steady per 1,000"
                + " requests | CPU after the deploy | p99 steady | CPU to finish | wall time to finish | peak / cap |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        int rank = 1;
        for (CureOutcome outcome : answer.ranked()) {
            out.append(String.format(Locale.ROOT, "| %d | %s | `%s` | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    rank++, outcome.cure().name(), settingsOf(outcome.cure()),
                    outcome.cure().evidence().replace("|", "\\|"), verdicts(outcome), ratio(outcome.steadyCpu()),
                    price(outcome.steadyCpuPer1000()), ratio(outcome.afterDeployCpu()),
                    ratio(outcome.p99()), price(outcome.cpuToExit()), price(outcome.wallToExit()),
                    Double.isNaN(outcome.worstPeakOfCap()) ? "-"
                            : String.format(Locale.ROOT, "%.0f%%", outcome.worstPeakOfCap() * 100)));
        }
        answer.notTried().forEach(line -> out.append("\nNot tried: ").append(line).append('\n'));
        out.append(String.format(Locale.ROOT, "%n%d run(s), %.1f minutes.%n%n", answer.runs(), answer.minutes()));
        answer.recommended().ifPresentOrElse(best -> {
            out.append("**Recommended: ").append(best.cure().name()).append("** (").append(best.cure().title())
                    .append("): survived ").append(best.survivals()).append(" of ").append(best.trials().size())
                    .append(" runs, ").append(costInWords(best)).append(".\n\n");
            paste(answer, best.cure(), out);
            answer.nextBest().ifPresent(next -> {
                out.append("Next best: **").append(next.cure().name()).append("** (").append(next.cure().title())
                        .append("), ").append(costInWords(next)).append(".\n\n");
                paste(answer, next.cure(), out);
            });
        }, () -> out.append("**No candidate survived every run**: no setting derived from this diagnosis holds at this"
                + " cap; right-size the pod (-Doomlab.search=cap) or change the program.\n\n"));
    }

    public static String settingsOf(Cure cure) {
        List<String> parts = new ArrayList<>(cure.jvmFlags());
        cure.env().forEach((name, value) -> parts.add(name + "=" + value));
        if (cure.memoryBytes() > 0) {
            parts.add("memory " + cure.memoryBytes() / MB + " MB");
        }
        return String.join(" ", parts);
    }

    private static String verdicts(CureOutcome outcome) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        outcome.trials().forEach(t -> counts.merge(t.verdict().name(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((verdict, n) -> parts.add(n + "× " + verdict));
        return String.join(", ", parts);
    }

    /** A batch job's price to finish where there is no ratio to the original, else the steady CPU ratio. */
    private static String costInWords(CureOutcome outcome) {
        if (outcome.steadyCpu() == null && outcome.cpuToExit() != null) {
            return price(outcome.cpuToExit()) + " to finish its work";
        }
        if (outcome.steadyCpu() == null && outcome.steadyCpuPer1000() != null) {
            return "steady " + price(outcome.steadyCpuPer1000()) + " (the original was killed before it was steady)";
        }
        return "CPU " + ratio(outcome.steadyCpu());
    }

    private static String price(Price price) {
        return price == null ? "-" : price.describe();
    }

    private static String ratio(Ratio ratio) {
        return ratio == null ? "-" : ratio.describe();
    }

    /**
     * The settings to paste: JAVA_TOOL_OPTIONS (every JVM reads it), a Kubernetes container's fragment, and for
     * an image built by Paketo's buildpacks the same variables (its memory calculator takes the flags it finds there
     * as fixed and sizes the rest around them, so the heap the lab measured is pinned with them).
     */
    static void paste(CureAnswer answer, Cure cure, StringBuilder out) {
        String flags = String.join(" ", cure.jvmFlags());
        long memory = cure.memoryBytes() > 0 ? cure.memoryBytes() : answer.capBytes();
        out.append("```sh\n");
        if (!flags.isEmpty()) {
            out.append("JAVA_TOOL_OPTIONS=\"").append(flags).append("\"\n");
        }
        cure.env().forEach((name, value) -> out.append(name).append("=\"").append(value).append("\"\n"));
        if (flags.isEmpty() && cure.env().isEmpty()) {
            out.append("# no JVM setting: the pod's memory limit, ").append(memory / MB).append(" MiB\n");
        }
        out.append("```\n\n```yaml\n# Kubernetes: the container's fragment\nresources:\n  limits:\n    memory: \"")
                .append(memory / MB).append("Mi\"\n");
        if (!flags.isEmpty() || !cure.env().isEmpty()) {
            out.append("env:\n");
            if (!flags.isEmpty()) {
                out.append("  - name: JAVA_TOOL_OPTIONS\n    value: \"").append(flags).append("\"\n");
            }
            cure.env().forEach((name, value) -> out.append("  - name: ").append(name).append("\n    value: \"")
                    .append(value).append("\"\n"));
        }
        out.append("```\n\n");
        if (flags.contains("/opt/oomlab/")) {
            out.append("Paths under /opt/oomlab/ are the lab's image's: in your image, where you put the same files"
                    + " (for Graal, the compiler's jars, or a GraalVM JDK instead of the flags).\n\n");
        }
        // a cure that sizes the heap itself (-Xmx in its flags) is pinned at its own heap, never at two
        boolean ownHeap = cure.jvmFlags().stream().anyMatch(flag -> flag.startsWith("-Xmx"));
        long heapBytes = ownHeap ? -1 : answer.heapBytes();
        String pinned = heapBytes > 0 ? "-Xmx" + heapBytes / MB + "m" : "";
        out.append("Paketo-built image: `JAVA_TOOL_OPTIONS=\"").append((pinned + " " + flags).strip()).append("\"`");
        cure.env().forEach((name, value) -> out.append(", `").append(name).append('=').append(value).append('`'));
        out.append(ownHeap ? " (the heap as the cure sets it" : " (the heap pinned at the lab's "
                + answer.heapBytes() / MB + " MB").append(": the memory calculator"
                + " keeps flags it is given and sizes the rest; if it then refuses to start for want of room, lower"
                + " `BPL_JVM_THREAD_COUNT` (250 by default) to the threads the service runs).\n\n");
    }
}
