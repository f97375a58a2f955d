package dev.rubric.bench;

import dev.rubric.api.Rubric;
import dev.rubric.api.Rubrics;
import dev.rubric.api.Subject;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The ratios a/b and a/c measured so that other work on the machine cannot tilt them: the three evaluators
 * take turns in short slices in one thread, and each slice is timed by the thread's own CPU time, not the
 * wall clock, so time the machine spent elsewhere is not counted. Reports the median and the least slice
 * of each after warming up. A check on the JMH figures when the machine is shared.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar paired} after {@code mvn -B -pl bench -am package -DskipTests}.
 */
public final class PairedRatios {

    private PairedRatios() {
    }

    /** Prints one line per department set: {@code paired sample: library … µs, bare … µs, plain Java … µs; a/b …, a/c …}. */
    public static void main(String[] args) {
        Rubric rubric = Rubrics.load(Departments.RUBRIC);
        BareDrools bare = BareDrools.compile(Departments.bundledDrl());
        PlainJavaPartyMass plainJava = new PlainJavaPartyMass(rubric);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (String set : List.of("sample", "synthetic200")) {
            List<Subject> units = set.equals("sample") ? Departments.sampleCohort(rubric) : Departments.synthetic(50, 200, 2026);
            int rounds = 20;
            int warmup = 8;
            double[][] slices = new double[3][rounds - warmup];
            for (int round = 0; round < rounds; round++) {
                for (int engine = 0; engine < 3; engine++) {
                    long n = 0;
                    long wallStart = System.nanoTime();
                    long cpuStart = cpu.getCurrentThreadCpuTime();
                    while (System.nanoTime() - wallStart < 600_000_000L) {
                        for (Subject s : units) {
                            Object result = engine == 0 ? rubric.evaluate(s) : engine == 1 ? bare.evaluate(s) : plainJava.evaluate(s);
                            if (result == null) {
                                throw new IllegalStateException();
                            }
                            n++;
                        }
                    }
                    if (round >= warmup) {
                        slices[engine][round - warmup] = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e3 / n;
                    }
                }
            }
            double[] median = new double[3];
            double[] least = new double[3];
            for (int e = 0; e < 3; e++) {
                Arrays.sort(slices[e]);
                median[e] = slices[e][slices[e].length / 2];
                least[e] = slices[e][0];
            }
            System.out.println(String.format(Locale.ROOT,
                    "paired %s (CPU time per department, median [least] of %d slices): library %.1f [%.1f] µs, bare Drools %.1f [%.1f] µs, "
                            + "plain Java %.1f [%.1f] µs; a/b %.2f [%.2f], a/c %.2f [%.2f]",
                    set, rounds - warmup, median[0], least[0], median[1], least[1], median[2], least[2],
                    median[0] / median[1], least[0] / least[1], median[0] / median[2], least[0] / least[2]));
        }
    }
}
