package oomlab.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleLogTest {
    @TempDir
    Path dir;

    @Test
    void everySampleIsOnDiskBeforeTheLogIsClosed() throws Exception {
        Path csv = dir.resolve("rss.csv");
        SampleLog log = new SampleLog(csv);
        log.add(new Sample(0, 1000, 100, 80, 20, 5, 0));
        log.add(new Sample(25, 1025, 300, 250, 50, 9, 0));
        log.add(new Sample(50, 1050, 200, 150, 50, 12, 1));

        // not closed: as if the harness had been killed here
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo(
                "t_ms,epoch_ms,cgroup_bytes,rss_bytes,cache_bytes,cpu_ns,oom_kills,refault_file,major_faults");
        assertThat(lines).hasSize(4).last().isEqualTo("50,1050,200,150,50,12,1,-1,-1");
        assertThat(log.peakBytes()).isEqualTo(300);
        assertThat(log.maxOomKills()).isEqualTo(1);
        assertThat(log.hz()).isEqualTo(40.0);
        log.close();

        assertThat(SampleLog.read(csv)).extracting(Sample::cgroupBytes).containsExactly(100L, 300L, 200L);
    }

    @Test
    void theLogKnowsHowLongUsageHasBeenPinnedAtTheCap() {
        SampleLog log = new SampleLog(dir.resolve("cap.csv"), 1000);
        log.add(new Sample(0, 0, 500, 0, 0, 0, 0));
        log.add(new Sample(1000, 1000, 995, 0, 0, 0, 0));
        log.add(new Sample(2000, 2000, 980, 0, 0, 0, 0)); // dipped below 99%: the stall starts again
        log.add(new Sample(3000, 3000, 990, 0, 0, 0, 0));
        log.add(new Sample(33500, 33500, 1000, 0, 0, 0, 0));

        assertThat(log.secondsAtCapAtEnd()).isEqualTo(30.5);
        // c2-leak / c2 in a CI run: the samples right after the timeout's kill show the memory being freed;
        // the container was still pinned at the cap when it ended
        log.add(new Sample(34000, 34000, 600, 0, 0, 0, 0));
        log.add(new Sample(34600, 34600, 7, 0, 0, 0, 0));
        assertThat(log.secondsAtCapAtEnd()).isEqualTo(30.5);
        // but a stretch that ended long before the end is not a stall at the end
        log.add(new Sample(40000, 40000, 500, 0, 0, 0, 0));
        assertThat(log.secondsAtCapAtEnd()).isZero();
        log.close();
    }

    @Test
    void aProbeLineCutShortByTheKillIsSkipped() throws Exception {
        Path jsonl = dir.resolve("probe.jsonl");
        Files.writeString(jsonl, """
                {"seq":0,"t_ms":1,"epoch_ms":2,"rss_bytes":3,"threads":7,"direct_bytes":0,"code_cache_bytes":1,"cpu_ns":5,"jdk":"17.0.15","nmt":{"Total":10,"Other":4}}
                {"seq":1,"t_ms":251,"epoch_ms":252,"rss_bytes":9,"threads":7,"direct_bytes":0,"code_cache_bytes":1,"cpu_ns":6,"nmt":{"Total":20,"Other":14}}
                {"seq":2,"t_ms":501,"epoch_ms":502,"rss_by""");

        ProbeLog probe = ProbeLog.read(jsonl);

        assertThat(probe.lines()).hasSize(2);
        assertThat(probe.jdk()).contains("17.0.15");
        assertThat(probe.last().orElseThrow().nmt()).containsEntry("Other", 14L);
    }

    /** A container pinned at its cap while the kernel re-reads its files: the thrash, counted at the cap only. */
    @Test
    void theTimeAtTheCapAndTheFilesReReadMeanwhileAreCounted() {
        SampleLog log = SampleLog.replay(dir.resolve("none.csv"), 1000);
        log.add(new Sample(0, 0, 500, 0, 0, 0, 0, 100, 10));
        log.add(new Sample(1000, 1000, 995, 0, 0, 0, 0, 150, 12));   // reaches the cap: 50 pages re-read on the way
        log.add(new Sample(2000, 2000, 1000, 0, 0, 0, 0, 1150, 40)); // pinned: 1,000 pages
        log.add(new Sample(3000, 3000, 990, 0, 0, 0, 0, 3150, 90));  // pinned: 2,000 pages
        log.add(new Sample(4000, 4000, 600, 0, 0, 0, 0, 3160, 91));  // freed: not at the cap

        MemoryCurve.AtCap atCap = log.atCap();
        assertThat(atCap.pinnedSeconds()).isEqualTo(2.0);
        assertThat(atCap.refaultedFileBytes()).isEqualTo((50 + 1000 + 2000) * 4096L);
        assertThat(atCap.majorFaults()).isEqualTo(2 + 28 + 50);
        assertThat(atCap.refaultedFileBytesInRun()).isEqualTo(3060 * 4096L);
        assertThat(atCap.majorFaultsInRun()).isEqualTo(81);
        // a sampler that counts no refaults says nothing about them
        SampleLog docker = SampleLog.replay(dir.resolve("none.csv"), 1000);
        docker.add(new Sample(0, 0, 1000, 0, 0, 0, 0));
        assertThat(docker.atCap()).isNull();
    }
}
