package oomlab.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A memory size written the way JVM flags write it: {@code 512m}, {@code 4g}, {@code 1536m}, {@code 65536k}. */
public record MemorySize(long bytes) {
    private static final long KB = 1024;
    private static final long MB = KB * 1024;
    private static final long GB = MB * 1024;

    public MemorySize {
        if (bytes <= 0) {
            throw new IllegalArgumentException("a memory size must be positive");
        }
    }

    @JsonCreator
    public static MemorySize parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.endsWith("b")) {
            s = s.substring(0, s.length() - 1);
        }
        long unit = switch (s.isEmpty() ? ' ' : s.charAt(s.length() - 1)) {
            case 'k' -> KB;
            case 'm' -> MB;
            case 'g' -> GB;
            default -> 1;
        };
        String digits = unit == 1 ? s : s.substring(0, s.length() - 1);
        if (!digits.matches("\\d+")) {
            throw new IllegalArgumentException("'" + text + "' is not a memory size like 512m or 4g");
        }
        return new MemorySize(Long.parseLong(digits) * unit);
    }

    public long megabytes() {
        return bytes / MB;
    }

    /** The form -Xmx and friends accept. */
    @JsonValue
    @Override
    public String toString() {
        if (bytes % GB == 0) {
            return bytes / GB + "g";
        }
        if (bytes % MB == 0) {
            return bytes / MB + "m";
        }
        if (bytes % KB == 0) {
            return bytes / KB + "k";
        }
        return Long.toString(bytes);
    }
}
