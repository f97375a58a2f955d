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

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Growth with facts: time per department as its facts go 10 → 100 → 1,000 → 10,000 (in the sample's
 * proportions), on the bundled rubric, for the library, bare Drools and plain Java; and, for the rules
 * that join, negate or collect, time as a department's facts of one type go 1,000 → 10,000
 * ({@link #oneTypeLibrary}), which shows a rule whose cost grows faster than its facts.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar growth} after {@code mvn -B -pl bench -am package -DskipTests}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GrowthBenchmark {

    /** Departments of a given size in the sample's proportions. */
    @State(Scope.Benchmark)
    public static class Mixed {
        @Param({"10", "100", "1000", "10000"})
        public int facts;

        Rubric rubric;
        BareDrools bare;
        PlainJavaPartyMass plainJava;
        List<Subject> units;
        int next;

        @Setup(Level.Trial)
        public void setUp() {
            rubric = Rubrics.load(Departments.RUBRIC);
            bare = BareDrools.compile(Departments.bundledDrl());
            plainJava = new PlainJavaPartyMass(rubric);
            units = Departments.synthetic(Math.max(4, Math.min(100, 20_000 / facts)), facts, facts);
        }

        Subject next() {
            Subject s = units.get(next);
            next = next + 1 == units.size() ? 0 : next + 1;
            return s;
        }
    }

    /** One department whose facts are all of one type. */
    @State(Scope.Benchmark)
    public static class OneType {
        @Param({"Commendation", "CoreSystem", "Disclosure", "StudySession", "EvidenceRecord", "StaffAssessment", "TargetTask"})
        public String type;

        @Param({"1000", "10000"})
        public int facts;

        Rubric rubric;
        Subject unit;

        @Setup(Level.Trial)
        public void setUp() {
            rubric = Rubrics.load(Departments.RUBRIC);
            unit = Departments.ofOneType("U1", type, facts, new Random(facts));
        }
    }

    @Benchmark
    public Evaluation library(Mixed state) {
        return state.rubric.evaluate(state.next());
    }

    @Benchmark
    public BigDecimal bareDrools(Mixed state) {
        return state.bare.evaluate(state.next());
    }

    @Benchmark
    public Evaluation plainJava(Mixed state) {
        return state.plainJava.evaluate(state.next());
    }

    @Benchmark
    public Evaluation oneTypeLibrary(OneType state) {
        return state.rubric.evaluate(state.unit);
    }
}
