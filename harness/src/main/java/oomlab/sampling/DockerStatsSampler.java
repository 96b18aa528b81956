package oomlab.sampling;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.MemoryStatsConfig;
import com.github.dockerjava.api.model.Statistics;
import java.io.IOException;

/**
 * The fallback where the container's cgroup is not visible from here (Docker Desktop, remote engines):
 * Docker's stats stream, one sample a second. Peaks between samples are missed, which result.json says
 * by naming this source.
 */
public final class DockerStatsSampler implements HostSampler {
    private final ResultCallback.Adapter<Statistics> callback;

    private DockerStatsSampler(ResultCallback.Adapter<Statistics> callback) {
        this.callback = callback;
    }

    public static DockerStatsSampler start(DockerClient docker, String containerId, SampleLog log,
                                           long startEpochMs) {
        ResultCallback.Adapter<Statistics> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Statistics stats) {
                MemoryStatsConfig memory = stats.getMemoryStats();
                if (memory == null || memory.getUsage() == null) {
                    return; // the stream's last frame after the container stopped is empty
                }
                long rss = memory.getStats() == null ? -1 : orMinusOne(memory.getStats().getRss());
                long cache = memory.getStats() == null ? -1 : orMinusOne(memory.getStats().getCache());
                long now = System.currentTimeMillis();
                long cpu = stats.getCpuStats() == null || stats.getCpuStats().getCpuUsage() == null ? -1
                        : orMinusOne(stats.getCpuStats().getCpuUsage().getTotalUsage());
                log.add(new Sample(now - startEpochMs, now, memory.getUsage(), rss, cache, cpu, -1));
            }
        };
        docker.statsCmd(containerId).exec(callback);
        return new DockerStatsSampler(callback);
    }

    private static long orMinusOne(Long value) {
        return value == null ? -1 : value;
    }

    @Override
    public String source() {
        return "docker-stats";
    }

    @Override
    public long recordedPeakBytes() {
        return 0;
    }

    @Override
    public void close() {
        try {
            callback.close();
        } catch (IOException e) {
            // the stream is closing because the container is gone; nothing to keep
        }
    }
}
