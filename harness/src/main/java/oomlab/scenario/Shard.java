package oomlab.scenario;

/**
 * One part of the selected runs, for splitting a matrix over parallel CI jobs ({@code -Doomlab.shard=i/n}):
 * the runs are dealt out in turn, run k (counting from 0) to shard {@code k % n + 1}, so every shard gets a
 * mix of long and short scenarios and the shards together make the whole matrix exactly once.
 *
 * @param index which part, 1 to {@code count}
 * @param count into how many parts
 */
public record Shard(int index, int count) {
    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("-Doomlab.shard=" + index + "/" + count
                    + ": the shard must be i/n with 1 <= i <= n, e.g. 1/2 and 2/2");
        }
    }

    /** {@code i/n}; blank for all. */
    public static Shard parse(String text) {
        if (text == null || text.isBlank()) {
            return ALL;
        }
        String[] parts = text.trim().split("/");
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("-Doomlab.shard=" + text + ": write the shard as i/n, e.g. 1/2 and 2/2");
    }

    /** Whether the run at {@code position} of the whole selection (from 0) belongs to this shard. */
    public boolean takes(int position) {
        return position % count == index - 1;
    }
}
