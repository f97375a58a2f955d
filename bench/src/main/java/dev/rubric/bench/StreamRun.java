package dev.rubric.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.rubric.api.Rubric;
import dev.rubric.api.Rubrics;
import dev.rubric.api.Batch;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams a JSON-lines cohort through {@link Batch} in a JVM of its own (started by {@link RunAll} with
 * {@code -Xmx512m}), and prints the most heap left after a garbage collection in each tenth of the run's
 * wall time (units stream at a steady rate, so each tenth is about a tenth of the cohort): flat means memory
 * does not grow with the cohort.
 *
 * <p>Run: {@code java -Xmx512m -cp bench/target/benchmarks.jar dev.rubric.bench.StreamRun IN.jsonl OUT.jsonl alone|cohort THREADS}.
 */
public final class StreamRun {

    private StreamRun() {
    }

    public static void main(String[] args) throws IOException {
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        boolean cohort = args[2].equals("cohort");
        int threads = Integer.parseInt(args[3]);
        Rubric rubric = Rubrics.load(Departments.RUBRIC);

        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        List<long[]> afterGc = new ArrayList<>(); // {nanos since start, heap used after the collection}
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    return;
                }
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream().mapToLong(MemoryUsage::getUsed).sum();
                synchronized (afterGc) {
                    afterGc.add(new long[]{System.nanoTime() - start, used});
                }
            }, null, null);
        }

        Batch.Summary summary;
        try (InputStream input = Files.newInputStream(in);
             OutputStream output = Files.newOutputStream(out)) {
            Batch batch = Batch.of(rubric).threads(threads);
            summary = cohort ? batch.evaluateCohort(input, output, in.getFileName().toString())
                    : batch.evaluate(input, output, in.getFileName().toString());
        }
        long wallNanos = System.nanoTime() - start;
        long cpuMs = (os.getProcessCpuTime() - cpuStart) / 1_000_000; // every thread of the process, the JIT and GC included
        long wallMs = wallNanos / 1_000_000;

        List<long[]> samples;
        synchronized (afterGc) {
            samples = new ArrayList<>(afterGc);
        }
        long total = summary.subjects();
        StringBuilder series = new StringBuilder();
        for (int decile = 1; decile <= 10; decile++) {
            long from = wallNanos * (decile - 1) / 10;
            long to = wallNanos * decile / 10;
            long max = samples.stream().filter(s -> s[0] > from && s[0] <= to).mapToLong(s -> s[1]).max().orElse(-1);
            series.append(decile == 1 ? "" : ",").append(max < 0 ? "-" : String.format("%.0f", max / 1048576.0));
        }
        System.out.printf("stream mode=%s threads=%d units=%d vetoed=%d wallMs=%d cpuMs=%d unitsPerSec=%.0f peakHeapMb=%.1f gcs=%d "
                        + "maxHeapAfterGcMbByTenthOfTime=%s outBytes=%d%n",
                args[2], threads, total, summary.vetoed(), wallMs, cpuMs, total * 1000.0 / wallMs, FirstResult.peakHeap() / 1048576.0,
                samples.size(), series, Files.size(out));
    }
}
