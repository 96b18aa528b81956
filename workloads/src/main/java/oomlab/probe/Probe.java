package oomlab.probe;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Samples the JVM from the inside and appends one JSON line per sample to a file.
 *
 * <p>Each line is written with a single {@code write} on an unbuffered stream, so a SIGKILL from the
 * kernel's OOM killer leaves every earlier line intact. NMT is read through the DiagnosticCommand MBean
 * in this process: running {@code jcmd} instead would start a 30–40 MB JVM in the same memory cgroup,
 * which near the cap can itself cause the kill we are trying to observe.
 */
public final class Probe implements Runnable {
    private static final String[] NMT_SUMMARY = {"summary"};
    private static final String[] STRING_ARRAY_SIGNATURE = {String[].class.getName()};

    private final Path out;
    private final long intervalMs;
    private final long startNanos = System.nanoTime();
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final List<BufferPoolMXBean> bufferPools =
            ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class);
    private final List<MemoryPoolMXBean> codeCachePools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.NON_HEAP && pool.getName().contains("CodeHeap")
                    || pool.getName().equals("Code Cache"))
            .toList();
    /** The heap's pools that a collector empties: their usage after its last collection is the live heap. */
    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null)
            .toList();
    private final List<java.lang.management.GarbageCollectorMXBean> collectors =
            ManagementFactory.getGarbageCollectorMXBeans();
    private final ObjectName diagnosticCommand;
    private long sequence;

    private Probe(Path out, long intervalMs) throws Exception {
        this.out = out;
        this.intervalMs = intervalMs;
        this.diagnosticCommand = new ObjectName("com.sun.management:type=DiagnosticCommand");
    }

    public static void start(Path out, long intervalMs) {
        try {
            Thread thread = new Thread(new Probe(out, intervalMs), "oomlab-probe");
            thread.setDaemon(true);
            thread.start();
        } catch (Exception e) {
            System.err.println("oomlab probe: could not start: " + e);
        }
    }

    @Override
    public void run() {
        try (OutputStream stream = Files.newOutputStream(out, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            while (true) {
                stream.write((sampleAsJson() + "\n").getBytes(StandardCharsets.UTF_8));
                stream.flush();
                Thread.sleep(intervalMs);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            System.err.println("oomlab probe: stopped: " + e);
        }
    }

    private String sampleAsJson() {
        StringBuilder json = new StringBuilder(512);
        json.append("{\"seq\":").append(sequence++)
                .append(",\"t_ms\":").append((System.nanoTime() - startNanos) / 1_000_000)
                .append(",\"epoch_ms\":").append(System.currentTimeMillis());
        if (sequence == 1) {
            // once: which JVM this is, so results name the exact JDK build that ran
            json.append(",\"jdk\":\"").append(System.getProperty("java.runtime.version")).append('"')
                    .append(",\"vm\":\"").append(System.getProperty("java.vm.name")).append('"')
                    .append(",\"malloc\":\"").append(mallocInUse()).append('"');
        }
        json
                .append(",\"rss_bytes\":").append(vmRssBytes())
                .append(",\"threads\":").append(threads.getThreadCount())
                .append(",\"direct_bytes\":").append(bufferPoolBytes("direct"))
                .append(",\"mapped_bytes\":").append(bufferPoolBytes("mapped"))
                .append(",\"code_cache_bytes\":").append(codeCacheBytes())
                .append(",\"cpu_ns\":").append(os.getProcessCpuTime());
        long afterGc = heapAfterLastGc();
        if (afterGc >= 0) {
            json.append(",\"heap_after_gc_bytes\":").append(afterGc);
        }
        json.append(",\"nmt\":{");
        boolean first = true;
        for (Map.Entry<String, Long> category : NmtSummary.committedBytes(nmtSummaryText()).entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            json.append('"').append(category.getKey().replace("\"", "'")).append("\":").append(category.getValue());
        }
        return json.append("}}").toString();
    }

    private String nmtSummaryText() {
        try {
            return (String) server.invoke(diagnosticCommand, "vmNativeMemory",
                    new Object[] {NMT_SUMMARY}, STRING_ARRAY_SIGNATURE);
        } catch (Exception e) {
            return "";
        }
    }

    private long bufferPoolBytes(String name) {
        return bufferPools.stream().filter(pool -> pool.getName().equals(name))
                .mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
    }

    /**
     * The heap in use after the collectors' last collection of each pool (what survived it: the live set and what
     * is on its way there), or -1 before any collection (then each pool's figure is 0, not a measurement).
     */
    private long heapAfterLastGc() {
        if (collectors.stream().mapToLong(gc -> Math.max(0, gc.getCollectionCount())).sum() == 0) {
            return -1;
        }
        return heapPools.stream().map(MemoryPoolMXBean::getCollectionUsage).filter(java.util.Objects::nonNull)
                .mapToLong(java.lang.management.MemoryUsage::getUsed).sum();
    }

    private long codeCacheBytes() {
        return codeCachePools.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
    }

    /** jemalloc when LD_PRELOAD really brought it in (it shows in this process's mappings), else glibc. */
    private static String mallocInUse() {
        try {
            return Files.readString(Path.of("/proc/self/maps")).contains("libjemalloc") ? "jemalloc" : "glibc";
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static long vmRssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or /proc not mounted: report unknown
        }
        return -1;
    }
}
