package dev.rubric.bench;

import dev.rubric.api.Rubric;
import dev.rubric.api.Rubrics;
import dev.rubric.api.Subject;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One evaluator in a loop for a fixed time, for a profiler to sample: {@code library}, {@code trusted} (the library, loaded trusted), {@code bare} (bare Drools)
 * or {@code read} (reading each department's facts JSON), on the {@code sample} or {@code synthetic200} departments.
 *
 * <p>Run: {@code java -XX:StartFlightRecording=filename=lib.jfr,settings=profile -cp bench/target/benchmarks.jar
 * dev.rubric.bench.ProfileLoop library synthetic200 30}; then {@code java -cp bench/target/benchmarks.jar
 * dev.rubric.bench.TopFrames lib.jfr}.
 */
public final class ProfileLoop {

    private ProfileLoop() {
    }

    public static void main(String[] args) {
        String engine = args[0];
        String set = args[1];
        long seconds = Long.parseLong(args[2]);
        Rubric rubric = engine.equals("trusted") ? Rubrics.load(Departments.RUBRIC, dev.rubric.api.LoadOptions.unrestricted())
                : Rubrics.load(Departments.RUBRIC);
        BareDrools bare = BareDrools.compile(Departments.bundledDrl());
        List<Subject> units = set.equals("sample") ? Departments.sampleCohort(rubric) : Departments.synthetic(50, 200, 2026);
        List<byte[]> json = units.stream().map(s -> FactsJson.line(s).getBytes(StandardCharsets.UTF_8)).toList();
        loop(engine, rubric, bare, units, json, 10); // warm-up, on the main thread
        long[] n = new long[1];
        Thread measured = new Thread(() -> n[0] = loop(engine, rubric, bare, units, json, seconds), "measured");
        measured.start();
        try {
            measured.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.printf("%s %s: %d departments in %d s%n", engine, set, n[0], seconds);
    }

    /** Runs the evaluator for the given time; returns how many departments it did. */
    private static long loop(String engine, Rubric rubric, BareDrools bare, List<Subject> units, List<byte[]> json, long seconds) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long n = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < units.size(); i++) {
                Object result = switch (engine) {
                    case "library", "trusted" -> rubric.evaluate(units.get(i));
                    case "bare" -> bare.evaluate(units.get(i));
                    case "read" -> rubric.readFacts(new ByteArrayInputStream(json.get(i)), "unit");
                    default -> throw new IllegalArgumentException("no evaluator [" + engine + "]; library, bare or read");
                };
                if (result == null) {
                    throw new IllegalStateException();
                }
                n++;
            }
        }
        return n;
    }
}
