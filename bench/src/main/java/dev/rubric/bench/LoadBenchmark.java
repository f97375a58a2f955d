package dev.rubric.bench;

import dev.rubric.api.Rubric;
import dev.rubric.api.Rubrics;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * Rubric load in a warm JVM: the same content again ({@link #sameContent}: the digest cache's hit, what a
 * test suite pays per test class), and changed content ({@link #changedContent}: one rule file edited
 * before each load, so each load compiles), for the bundled rubric and for generated rubrics of 100, 1,000
 * and 5,000 rules. The bundled rubric's same-content load reads it from the classpath, as tests do. The
 * fresh-JVM first result is measured as a whole process by {@link RunAll} ({@link FirstResult}).
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar load} after {@code mvn -B -pl bench -am package -DskipTests}.
 */
public class LoadBenchmark {

    /** Writes the rubric named by {@code rubric} into a new folder. */
    static Path folderOf(String rubric, String salt) throws IOException {
        Path folder = Files.createTempDirectory("rubric-load-");
        if (rubric.equals("bundled")) {
            Files.writeString(folder.resolve("rubric.yaml"), resource("rubrics/party-mass-efficiency/rubric.yaml"), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> drl : Departments.bundledDrl().entrySet()) {
                Files.writeString(folder.resolve(drl.getKey()), drl.getValue(), StandardCharsets.UTF_8);
            }
            return folder;
        }
        return GeneratedRubric.write(folder, Integer.parseInt(rubric), salt);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = LoadBenchmark.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("no resource [" + name + "]");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @State(Scope.Benchmark)
    public static class Same {
        @Param({"bundled", "100", "1000", "5000"})
        public String rubric;

        String location;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            location = rubric.equals("bundled") ? Departments.RUBRIC : folderOf(rubric, "same").toString();
            Rubrics.load(location); // in the cache before the first measured load
        }
    }

    @State(Scope.Benchmark)
    public static class Changed {
        @Param({"bundled", "100", "1000", "5000"})
        public String rubric;

        Path folder;
        Path edited;
        long edits;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            folder = folderOf(rubric, "changed");
            edited = folder.resolve(rubric.equals("bundled") ? "targets.drl" : "rules-000.drl");
        }

        @Setup(Level.Invocation)
        public void edit() throws IOException {
            Files.writeString(edited, "// edit " + (++edits) + " at " + System.nanoTime() + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
        }
    }

    @Benchmark
    public Rubric sameContent(Same state) {
        return Rubrics.load(state.location);
    }

    @Benchmark
    public Rubric changedContent(Changed state) {
        return Rubrics.load(state.folder);
    }
}
