package dev.rubric.bench;

import dev.rubric.api.LoadOptions;
import dev.rubric.api.Rubric;
import dev.rubric.api.Rubrics;
import dev.rubric.api.Subject;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * The ratios a/b and a/c measured so that other work on the machine cannot tilt them: the evaluators take turns in
 * short slices in one thread, and each slice is timed by the thread's own CPU time, not the wall clock, so time the
 * machine spent elsewhere is not counted. Reports the median and the least slice of each after warming up. A check on
 * the JMH figures when the machine is shared.
 *
 * <p>Evaluators: the library (restricted, the default), the library with the rubric trusted, bare Drools (classic
 * compiler), bare Drools on the executable model, plain Java, and reading the department's facts JSON.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar paired} after {@code mvn -B -pl bench -am package -DskipTests};
 * alone, {@code java -cp bench/target/benchmarks.jar dev.rubric.bench.PairedRatios [rounds] [slice ms]}.
 */
public final class PairedRatios {

    private static final String[] NAMES = {"library", "library trusted", "bare Drools", "bare Drools exec model", "plain Java", "read facts"};

    private PairedRatios() {
    }

    /** Prints one line per department set with every evaluator's CPU time per department and the ratios. */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        long sliceNanos = (args.length > 1 ? Long.parseLong(args[1]) : 600) * 1_000_000L;
        int warmup = rounds * 2 / 5;
        Rubric rubric = Rubrics.load(Departments.RUBRIC);
        Rubric trusted = Rubrics.load(Departments.RUBRIC, LoadOptions.unrestricted());
        BareDrools bare = BareDrools.compile(Departments.bundledDrl());
        BareDrools bareExec = BareDrools.compile(Departments.bundledDrl(), true);
        PlainJavaPartyMass plainJava = new PlainJavaPartyMass(rubric);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (String set : List.of("sample", "synthetic200")) {
            List<Subject> units = set.equals("sample") ? Departments.sampleCohort(rubric) : Departments.synthetic(50, 200, 2026);
            List<byte[]> json = units.stream().map(s -> FactsJson.line(s).getBytes(StandardCharsets.UTF_8)).toList();
            List<IntFunction<Object>> engines = List.of(
                    i -> rubric.evaluate(units.get(i)),
                    i -> trusted.evaluate(units.get(i)),
                    i -> bare.evaluate(units.get(i)),
                    i -> bareExec.evaluate(units.get(i)),
                    i -> plainJava.evaluate(units.get(i)),
                    i -> rubric.readFacts(new ByteArrayInputStream(json.get(i)), "department.json"));
            double[][] slices = new double[engines.size()][rounds - warmup];
            for (int round = 0; round < rounds; round++) {
                for (int engine = 0; engine < engines.size(); engine++) {
                    IntFunction<Object> e = engines.get(engine);
                    long n = 0;
                    long wallStart = System.nanoTime();
                    long cpuStart = cpu.getCurrentThreadCpuTime();
                    while (System.nanoTime() - wallStart < sliceNanos) {
                        for (int i = 0; i < units.size(); i++) {
                            if (e.apply(i) == null) {
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
            double[] median = new double[engines.size()];
            double[] least = new double[engines.size()];
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "paired %s (CPU time per department, median [least] of %d slices):",
                    set, rounds - warmup));
            for (int e = 0; e < engines.size(); e++) {
                Arrays.sort(slices[e]);
                median[e] = slices[e][slices[e].length / 2];
                least[e] = slices[e][0];
                line.append(String.format(Locale.ROOT, " %s %.1f [%.1f] µs;", NAMES[e], median[e], least[e]));
            }
            line.append(String.format(Locale.ROOT, " a/b %.2f [%.2f], trusted a/b %.2f [%.2f], a/b(exec model) %.2f [%.2f], a/c %.2f [%.2f],"
                            + " read/a %.2f [%.2f]",
                    median[0] / median[2], least[0] / least[2], median[1] / median[2], least[1] / least[2],
                    median[0] / median[3], least[0] / least[3], median[0] / median[4], least[0] / least[4],
                    median[5] / median[0], least[5] / least[0]));
            System.out.println(line);
        }
    }
}
