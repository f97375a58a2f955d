package dev.rubric.bench;

import dev.rubric.api.Evaluation;
import dev.rubric.api.Rubric;
import dev.rubric.api.Rubrics;
import dev.rubric.api.Subject;
import dev.rubric.api.Numbers;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * What a fresh JVM does to give its first result: load a rubric, read the sample facts, score the first
 * department. {@link RunAll} times it as a whole process; it prints its own view of the time and the
 * peak heap as one line, {@code first-result jvmMs=… loadMs=… peakHeapMb=… total=…}.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar dev.rubric.bench.FirstResult classpath:rubrics/party-mass-efficiency}.
 */
public final class FirstResult {

    private FirstResult() {
    }

    /** @param args the rubric's location: {@code classpath:NAME} or a folder */
    public static void main(String[] args) {
        long start = System.nanoTime();
        Rubric rubric = Rubrics.load(args[0]);
        long loaded = System.nanoTime();
        List<Subject> sample = Departments.sampleCohort(rubric);
        Evaluation first = rubric.evaluate(sample.get(0));
        long jvmMs = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.printf("first-result jvmMs=%d loadMs=%d peakHeapMb=%.1f total=%s%n", jvmMs, (loaded - start) / 1_000_000,
                peakHeap() / 1048576.0, Numbers.plain(first.total()));
    }

    /** The sum of the heap pools' peak usage: an upper bound of the heap this JVM ever held at once. */
    static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
