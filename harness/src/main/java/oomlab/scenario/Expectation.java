package oomlab.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import oomlab.verdict.Verdict;

/**
 * What a scenario expects of one configuration: a verdict, or {@code REPORT} — run it and report what
 * happens without asserting a verdict (for a JDK whose behaviour is being explored, not yet known).
 */
public record Expectation(Verdict verdict) {
    public static final String REPORT = "REPORT";

    @JsonCreator
    public static Expectation parse(String text) {
        String name = text.trim().toUpperCase(Locale.ROOT);
        if (name.equals(REPORT)) {
            return new Expectation(null);
        }
        try {
            return new Expectation(Verdict.valueOf(name));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not one of " + Arrays.toString(Verdict.values())
                    + " or " + REPORT);
        }
    }

    public Optional<Verdict> expected() {
        return Optional.ofNullable(verdict);
    }

    @JsonValue
    @Override
    public String toString() {
        return verdict == null ? REPORT : verdict.name();
    }
}
