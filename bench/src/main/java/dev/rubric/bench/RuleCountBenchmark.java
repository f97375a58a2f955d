package dev.rubric.bench;

import dev.rubric.api.Evaluation;
import dev.rubric.api.Rubric;
import dev.rubric.api.Rubrics;
import dev.rubric.api.Subject;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Growth with rules: time per department of about 200 facts on generated rubrics of 100, 1,000 and 5,000
 * rules ({@link GeneratedRubric}), for the library and for the same DRL on bare Drools.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar rules} after {@code mvn -B -pl bench -am package -DskipTests}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RuleCountBenchmark {

    static Path folder(int rules) {
        try {
            return GeneratedRubric.write(Files.createTempDirectory("rubric-bench-"), rules, "rule-count");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @State(Scope.Benchmark)
    public static class Library {
        @Param({"100", "1000", "5000"})
        public int rules;

        Rubric rubric;
        List<Subject> units;
        int next;

        @Setup(Level.Trial)
        public void setUp() {
            rubric = Rubrics.load(folder(rules));
            units = Departments.synthetic(50, 200, 2026);
        }
    }

    @State(Scope.Benchmark)
    public static class Bare {
        @Param({"100", "1000", "5000"})
        public int rules;

        BareDrools bare;
        List<Subject> units;
        int next;

        @Setup(Level.Trial)
        public void setUp() {
            bare = BareDrools.compile(folder(rules));
            units = Departments.synthetic(50, 200, 2026);
        }
    }

    @Benchmark
    public Evaluation library(Library state) {
        Subject s = state.units.get(state.next);
        state.next = (state.next + 1) % state.units.size();
        return state.rubric.evaluate(s);
    }

    @Benchmark
    public BigDecimal bareDrools(Bare state) {
        Subject s = state.units.get(state.next);
        state.next = (state.next + 1) % state.units.size();
        return state.bare.evaluate(s);
    }
}
