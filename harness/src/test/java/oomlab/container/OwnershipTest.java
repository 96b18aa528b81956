package oomlab.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OwnershipTest {
    @Test
    void aContainerOfThisRunningInvocationIsItsOwners() {
        assertThat(Invocation.ownerAlive(Invocation.current().labels())).isTrue();
    }

    @Test
    void aContainerWhoseOwnerIsGoneOrUnknownIsALeftover() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Map<String, String> labels = new HashMap<>(Invocation.current().labels());
        labels.put(Invocation.PID_LABEL, Long.toString(gone.pid()));
        assertThat(Invocation.ownerAlive(labels)).isFalse();

        Map<String, String> reusedPid = new HashMap<>(Invocation.current().labels());
        reusedPid.put(Invocation.START_LABEL, "1000"); // this pid, but a process that started in 1970
        assertThat(Invocation.ownerAlive(reusedPid)).isFalse();

        assertThat(Invocation.ownerAlive(Map.of("oomlab", "true"))).isFalse(); // an older lab's, no owner
    }

    @Test
    void aContainerOfAnotherHostsInvocationIsLeftAlone() {
        Map<String, String> labels = new HashMap<>(Invocation.current().labels());
        labels.put(Invocation.HOST_LABEL, "another-host");
        labels.put(Invocation.PID_LABEL, "1");
        assertThat(Invocation.ownerAlive(labels)).isTrue();
    }

    @Test
    void aDisarmedWatchdogLeavesNoProcessBehind() throws Exception {
        Watchdog watchdog = Watchdog.arm("no-such-container", Duration.ofMinutes(5), "test");
        Thread.sleep(300);
        List<ProcessHandle> before = ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("no-such-container")
                        || p.info().command().orElse("").endsWith("sleep"))
                .toList();
        assertThat(before).isNotEmpty();
        watchdog.close();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(before).noneMatch(ProcessHandle::isAlive));
    }

    @Test
    void shortfallsNameEachMissingConfinement() {
        Hardening confined = new Hardening("10001:10001", true, List.of("/tmp"), "none", List.of("ALL"),
                List.of("no-new-privileges"), 16384, 512L << 20, 512L << 20, "4a1f624d");
        assertThat(confined.shortfalls(false)).isEmpty();

        Hardening loose = new Hardening("", false, List.of(), "bridge", List.of(), List.of(), 0, 512L << 20, -1, "");
        assertThat(loose.shortfalls(false)).containsExactly("runs as root", "root filesystem writable",
                "network bridge", "capabilities not all dropped", "no no-new-privileges", "no pids limit",
                "memory+swap -1 is not the memory cap 536870912", "no owning invocation in its labels");
        // a user's image keeps its own user and filesystem
        assertThat(loose.shortfalls(true)).doesNotContain("runs as root", "root filesystem writable");
    }
}
