package dev.rubric.bench;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.annotations.Mode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs every measurement of docs/performance.md in one go, so the ratios come from one run on one machine:
 * JMH benchmarks in forked JVMs (1 fork, short iterations: the whole run takes about 20 minutes on 2 cores),
 * then the whole-process measurements, a fresh JVM's first result and the 1,000,000-unit stream in
 * {@code -Xmx512m}. Prints each figure with its error, and writes JMH's JSON and a summary under
 * {@code bench/target/bench-results/}.
 *
 * <p>Run, from the repository root:
 * <pre>
 * mvn -B -pl bench -am package -DskipTests &amp;&amp; java -jar bench/target/benchmarks.jar
 * </pre>
 * or only some parts: {@code java -jar bench/target/benchmarks.jar throughput paired growth rules load fresh stream cohort-stream},
 * and {@code --units=100000} for a shorter stream.
 */
public final class RunAll {

    private static final Path OUT = Path.of("bench/target/bench-results");
    private static final List<String> DEFAULT_PARTS = List.of("throughput", "paired", "growth", "rules", "load", "fresh", "stream");

    private final List<String> summary = new ArrayList<>();

    private RunAll() {
    }

    public static void main(String[] args) throws Exception {
        List<String> parts = new ArrayList<>();
        int units = 1_000_000;
        for (String a : args) {
            if (a.startsWith("--units=")) {
                units = Integer.parseInt(a.substring("--units=".length()));
            } else {
                parts.add(a);
            }
        }
        if (parts.isEmpty()) {
            parts.addAll(DEFAULT_PARTS);
        }
        Files.createDirectories(OUT);
        RunAll run = new RunAll();
        run.note("machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version") + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        for (String part : parts) {
            run.load(part);
            switch (part) {
                case "throughput" -> run.throughput();
                case "paired" -> run.paired();
                case "growth" -> run.growth();
                case "rules" -> run.rules();
                case "load" -> run.load();
                case "fresh" -> run.fresh();
                case "stream" -> run.stream(units, "alone");
                case "cohort-stream" -> run.stream(units, "cohort");
                default -> throw new IllegalArgumentException("no part [" + part + "]; parts are " + DEFAULT_PARTS + " and cohort-stream");
            }
        }
        Files.write(OUT.resolve("summary.txt"), run.summary, StandardCharsets.UTF_8);
        System.out.println("\n==== summary (also in " + OUT.resolve("summary.txt") + ") ====");
        run.summary.forEach(System.out::println);
    }

    /** The machine's load average now: other work on the machine shows in the figures, so each part says how busy it was. */
    private void load(String part) {
        try {
            note(part + ": load average before [" + Files.readString(Path.of("/proc/loadavg")).trim() + "]");
        } catch (IOException e) {
            note(part + ": load average unknown");
        }
    }

    private void note(String line) {
        summary.add(line);
        System.out.println("[bench] " + line);
    }

    private static ChainedOptionsBuilder jmh(String include, String part) {
        return new OptionsBuilder().include(include).forks(1).jvmArgs("-Xms1g", "-Xmx4g")
                .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(1))
                .resultFormat(ResultFormatType.JSON).result(OUT.resolve(part + ".json").toString())
                .shouldFailOnError(true);
    }

    private void report(String part, Collection<RunResult> results) {
        for (RunResult r : results) {
            var p = r.getParams();
            String params = p.getParamsKeys().stream().map(k -> k + "=" + p.getParam(k)).collect(Collectors.joining(" "));
            var s = r.getPrimaryResult();
            note(String.format(Locale.ROOT, "%s %s%s threads=%d: %.3f ± %.3f %s", part,
                    p.getBenchmark().replace("dev.rubric.bench.", ""), params.isEmpty() ? "" : " " + params, p.getThreads(),
                    s.getScore(), s.getScoreError(), s.getScoreUnit()));
        }
    }

    private void throughput() throws RunnerException {
        for (int threads : new int[]{1, 2}) {
            // the library's compiled rules (the executable model's many small classes, each with its budget calls) take 20 s
            // or more of calls to be compiled on 2 cores: with 10 s of warm-up the library was still speeding up while it
            // was measured (1,000 → 1,700 departments/s over four iterations), so warm up for 30 s
            report("throughput", new Runner(jmh("EvaluationBenchmark", "throughput-" + threads + "t").threads(threads)
                    .warmupIterations(10).warmupTime(TimeValue.seconds(3)).build()).run());
        }
    }

    /** The ratios again, by CPU time in alternating slices ({@link PairedRatios}), in a JVM of its own. */
    private void paired() throws IOException, InterruptedException {
        for (String line : java(List.of("-Xms1g", "-Xmx4g"), "dev.rubric.bench.PairedRatios").split("\n")) {
            if (line.startsWith("paired")) {
                note(line);
            }
        }
    }

    private void growth() throws RunnerException {
        report("growth", new Runner(jmh("GrowthBenchmark\\.(library|bareDrools|plainJava)$", "growth-mixed")
                .warmupIterations(3).warmupTime(TimeValue.seconds(2)).measurementIterations(3).build()).run());
        report("growth", new Runner(jmh("GrowthBenchmark\\.oneTypeLibrary$", "growth-one-type")
                .param("type", "Commendation", "CoreSystem", "EvidenceRecord", "TargetTask")
                .warmupIterations(3).warmupTime(TimeValue.seconds(2)).measurementIterations(3).build()).run());
    }

    private void rules() throws RunnerException {
        report("rules", new Runner(jmh("RuleCountBenchmark", "rule-count").warmupIterations(3).warmupTime(TimeValue.seconds(2))
                .measurementIterations(3).build()).run());
    }

    private void load() throws RunnerException {
        report("load", new Runner(jmh("LoadBenchmark\\.sameContent$", "load-same").mode(Mode.AverageTime)
                .timeUnit(TimeUnit.MICROSECONDS).build()).run());
        String[][] changed = {{"bundled", "3", "10"}, {"100", "3", "10"}, {"1000", "2", "5"}, {"5000", "1", "3"}};
        for (String[] c : changed) {
            report("load", new Runner(jmh("LoadBenchmark\\.changedContent$", "load-changed-" + c[0]).mode(Mode.SingleShotTime)
                    .timeUnit(TimeUnit.MILLISECONDS).param("rubric", c[0])
                    .warmupIterations(Integer.parseInt(c[1])).measurementIterations(Integer.parseInt(c[2])).build()).run());
        }
    }

    /** A fresh JVM to a first result, as a whole process: 1 run to fill the OS file cache, then 5 timed. */
    private void fresh() throws IOException, InterruptedException {
        for (String rubric : new String[]{"bundled", "100", "1000", "5000"}) {
            String location = rubric.equals("bundled") ? Departments.RUBRIC : LoadBenchmark.folderOf(rubric, "fresh").toString();
            List<Double> walls = new ArrayList<>();
            String last = "";
            int timed = rubric.equals("5000") ? 3 : 5;
            for (int i = 0; i <= timed; i++) {
                long start = System.nanoTime();
                last = java(List.of(), "dev.rubric.bench.FirstResult", location).trim();
                double ms = (System.nanoTime() - start) / 1e6;
                if (i > 0) {
                    walls.add(ms);
                }
            }
            double mean = walls.stream().mapToDouble(d -> d).average().orElse(0);
            double sd = Math.sqrt(walls.stream().mapToDouble(d -> (d - mean) * (d - mean)).sum() / Math.max(1, walls.size() - 1));
            note(String.format(Locale.ROOT, "fresh %s: process to first result %.0f ± %.0f ms (n=%d, min %.0f); last run: %s", rubric, mean, sd,
                    walls.size(), walls.stream().mapToDouble(d -> d).min().orElse(0), last.substring(last.indexOf("first-result"))));
        }
    }

    private void stream(int units, String mode) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(Path.of("bench/target").toAbsolutePath(), "stream-");
        Path in = dir.resolve("units.jsonl");
        Path out = dir.resolve("results.jsonl");
        try {
            long start = System.nanoTime();
            long bytes = StreamFile.write(in, units);
            note(String.format(Locale.ROOT, "stream input: %d units, %.0f MB, written in %.1f s", units, bytes / 1048576.0,
                    (System.nanoTime() - start) / 1e9));
            long t = System.nanoTime();
            String line = java(List.of("-Xmx512m"), "dev.rubric.bench.StreamRun", in.toString(), out.toString(), mode, "2");
            note(String.format(Locale.ROOT, "stream (%s, -Xmx512m, 2 threads) process %.1f s: %s", mode, (System.nanoTime() - t) / 1e9,
                    line.trim().substring(line.trim().indexOf("stream "))));
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
            Files.deleteIfExists(dir);
        }
    }

    /** Runs a main class of this jar in a JVM of its own; returns its standard output, fails on a non-zero exit. */
    private static String java(List<String> jvmArgs, String main, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main);
        command.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            output = r.lines().collect(Collectors.joining("\n"));
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException(main + " exited with " + p.exitValue() + ": " + output);
        }
        return output;
    }
}
