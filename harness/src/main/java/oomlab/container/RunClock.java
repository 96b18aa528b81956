package oomlab.container;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** When each step of a container's run came (System.nanoTime()), for {@link RunPhases}: where the lab's time went. */
final class RunClock {
    enum Step { ASKED, CREATED, STARTED, EXITED, DRAINED, REMOVED }

    private final Map<Step, Long> at = new EnumMap<>(Step.class);

    synchronized void mark(Step step) {
        at.put(step, System.nanoTime());
    }

    /** A step that never came counts 0. */
    synchronized RunPhases phases(long kernelLogMs) {
        return new RunPhases(between(Step.ASKED, Step.CREATED), between(Step.CREATED, Step.STARTED),
                between(Step.STARTED, Step.EXITED), between(Step.EXITED, Step.DRAINED),
                between(Step.DRAINED, Step.REMOVED), kernelLogMs);
    }

    private long between(Step from, Step to) {
        Long start = at.get(from);
        Long end = at.get(to);
        return start == null || end == null ? 0 : TimeUnit.NANOSECONDS.toMillis(end - start);
    }
}
