package oomlab.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import oomlab.verdict.Verdict;

/**
 * What a scenario expects of one configuration: a verdict, verdicts joined by {@code or} (e.g.
 * {@code OOM_KILLED or STALLED}: the kernel killed it, or it was still pinned at the cap when the harness
 * stopped it), or {@code REPORT} — run it and report what happens without asserting a verdict (for a JDK
 * whose behaviour is being explored, not yet known).
 */
public record Expectation(List<Verdict> verdicts) {
    public static final String REPORT = "REPORT";
    private static final String OR = " or ";

    public Expectation {
        verdicts = List.copyOf(verdicts);
    }

    @JsonCreator
    public static Expectation parse(String text) {
        String trimmed = text.trim();
        if (trimmed.equalsIgnoreCase(REPORT)) {
            return new Expectation(List.of());
        }
        List<Verdict> verdicts = new ArrayList<>();
        for (String name : trimmed.split("(?i)\\s+or\\s+")) {
            try {
                verdicts.add(Verdict.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + text + "' is not one of " + Arrays.toString(Verdict.values())
                        + " (or several joined by 'or'), or " + REPORT);
            }
        }
        return new Expectation(verdicts);
    }

    /** The first expected verdict, or empty for REPORT. */
    public Optional<Verdict> expected() {
        return verdicts.isEmpty() ? Optional.empty() : Optional.of(verdicts.get(0));
    }

    public boolean isReport() {
        return verdicts.isEmpty();
    }

    public boolean accepts(Verdict verdict) {
        return verdicts.isEmpty() || verdicts.contains(verdict);
    }

    @JsonValue
    @Override
    public String toString() {
        return verdicts.isEmpty() ? REPORT : verdicts.stream().map(Enum::name).collect(Collectors.joining(OR));
    }
}
