package oomlab.workloads;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name=value} arguments, with a default for every one a workload reads. */
public final class Args {
    private final Map<String, String> values = new HashMap<>();

    public Args(List<String> args) {
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got '" + arg + "'");
            }
            int eq = arg.indexOf('=');
            values.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
    }

    public long getLong(String name, long defaultValue) {
        String value = values.get(name);
        return value == null ? defaultValue : Long.parseLong(value);
    }

    public String getString(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }

    public int getInt(String name, int defaultValue) {
        return Math.toIntExact(getLong(name, defaultValue));
    }
}
