package dev.rubric.bench;

import dev.rubric.api.Evaluation;
import dev.rubric.api.Facts;
import dev.rubric.api.LoadOptions;
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

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Evaluation throughput of the bundled rubric, one department per operation: (a) this library with full
 * explanations, (b) the same DRL on a bare Drools session that only sums points, (c) the rubric
 * hand-written in plain Java. Departments: the 21 of the sample cohort, or 50 synthetic ones of about
 * 200 facts each. {@link RunAll} runs it on 1 and on 2 threads.
 *
 * <p>Run: {@code mvn -B -pl bench -am package -DskipTests && java -jar bench/target/benchmarks.jar throughput}
 * (or any JMH options: {@code java -cp bench/target/benchmarks.jar org.openjdk.jmh.Main EvaluationBenchmark -t 2}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class EvaluationBenchmark {

    @Param({"sample", "synthetic200"})
    public String departments;

    Rubric rubric;
    Rubric trusted;
    BareDrools bare;
    BareDrools bareExecutableModel;
    List<byte[]> json;
    PlainJavaPartyMass plainJava;
    List<Subject> units;

    @Setup(Level.Trial)
    public void setUp() {
        rubric = Rubrics.load(Departments.RUBRIC);
        trusted = Rubrics.load(Departments.RUBRIC, LoadOptions.unrestricted());
        bare = BareDrools.compile(Departments.bundledDrl());
        bareExecutableModel = BareDrools.compile(Departments.bundledDrl(), true);
        plainJava = new PlainJavaPartyMass(rubric);
        units = departments.equals("sample") ? Departments.sampleCohort(rubric) : Departments.synthetic(50, 200, 2026);
        json = units.stream().map(s -> FactsJson.line(s).getBytes(StandardCharsets.UTF_8)).toList();
    }

    /** Each thread walks the departments in turn. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        Subject next(List<Subject> units) {
            Subject s = units.get(next);
            next = next + 1 == units.size() ? 0 : next + 1;
            return s;
        }
    }

    @Benchmark
    public Evaluation library(Cursor cursor) {
        return rubric.evaluate(cursor.next(units));
    }

    /** The library with a trusted rubric: no verification, no budget calls in the rules' code. */
    @Benchmark
    public Evaluation libraryTrusted(Cursor cursor) {
        return trusted.evaluate(cursor.next(units));
    }

    @Benchmark
    public BigDecimal bareDrools(Cursor cursor) {
        return bare.evaluate(cursor.next(units));
    }

    /** Bare Drools on the executable model, the compiler the library uses. */
    @Benchmark
    public BigDecimal bareDroolsExecutableModel(Cursor cursor) {
        return bareExecutableModel.evaluate(cursor.next(units));
    }

    /** Reading one department's facts JSON (contract §5) into facts, as {@code Rubric.readFacts} and {@code ./rubric} do. */
    @Benchmark
    public Facts readFacts(Cursor cursor) {
        int at = cursor.next;
        cursor.next(units);
        return rubric.readFacts(new ByteArrayInputStream(json.get(at)), "department.json");
    }

    @Benchmark
    public Evaluation plainJava(Cursor cursor) {
        return plainJava.evaluate(cursor.next(units));
    }
}
