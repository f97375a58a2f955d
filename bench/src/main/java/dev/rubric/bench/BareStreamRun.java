package dev.rubric.bench;

import dev.rubric.api.Rubric;
import dev.rubric.api.Rubrics;
import dev.rubric.api.Subject;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The floor under the stream of {@link StreamRun}: the same JSON-lines file read with the library's facts reader and
 * scored by bare Drools (the same DRL, a new session per unit, a collector that only sums points), on the same number
 * of threads, each unit's id and total written out in input order. No explanation, no restricted mode, no result JSON:
 * what a stream costs on this machine before anything this library adds.
 *
 * <p>Run: {@code java -Xmx512m -cp bench/target/benchmarks.jar dev.rubric.bench.BareStreamRun IN.jsonl OUT.txt THREADS}.
 */
public final class BareStreamRun {

    /** Units handed to the threads at a time; results are written in input order, one batch at a time. */
    private static final int CHUNK = 1024;

    private BareStreamRun() {
    }

    public static void main(String[] args) throws Exception {
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int threads = Integer.parseInt(args[2]);
        Rubric rubric = Rubrics.load(Departments.RUBRIC);
        BareDrools bare = BareDrools.compile(Departments.bundledDrl());
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        long units = 0;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (BufferedReader reader = Files.newBufferedReader(in, StandardCharsets.UTF_8);
             Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            List<String> chunk = new ArrayList<>(CHUNK);
            for (String line = reader.readLine(); ; line = reader.readLine()) {
                if (line != null && !line.isBlank()) {
                    chunk.add(line);
                }
                if (chunk.size() == CHUNK || line == null && !chunk.isEmpty()) {
                    List<Future<String>> scored = new ArrayList<>(chunk.size());
                    for (String l : chunk) {
                        scored.add(pool.submit(() -> {
                            Subject s = rubric.readFacts(new ByteArrayInputStream(l.getBytes(StandardCharsets.UTF_8)), "unit").subject();
                            BigDecimal total = bare.evaluate(s);
                            return s.id() + "\t" + total.toPlainString() + "\n";
                        }));
                    }
                    for (Future<String> f : scored) {
                        writer.write(f.get());
                    }
                    units += chunk.size();
                    chunk.clear();
                }
                if (line == null) {
                    break;
                }
            }
        } finally {
            pool.shutdown();
        }
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        long cpuMs = (os.getProcessCpuTime() - cpuStart) / 1_000_000;
        System.out.printf("bare stream threads=%d units=%d wallMs=%d cpuMs=%d unitsPerSec=%.0f%n", threads, units, wallMs, cpuMs,
                units * 1000.0 / wallMs);
    }
}
