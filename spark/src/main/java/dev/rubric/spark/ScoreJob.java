package dev.rubric.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code spark-submit} entry point: scores a JSON-lines file of subjects (contract §5, one per line) as one
 * cohort and writes the results, by rank, as JSON lines (contract §6, one per line) into a folder.
 *
 * <pre>
 * spark-submit --class dev.rubric.spark.ScoreJob --jars "$(ls spark/target/lib/*.jar | paste -sd,)" \
 *     spark/target/rubric-spark-0.1.0-SNAPSHOT.jar \
 *     --rubric classpath:rubrics/party-mass-efficiency --subjects units.jsonl --out results [--alone]
 * </pre>
 *
 * <p>{@code --alone} scores each subject alone (no rank, no quotas), as {@code ./rubric evaluate --format jsonl}
 * does. The job prints how many subjects it scored and how long it took.
 */
public final class ScoreJob {

    private ScoreJob() {
    }

    public static void main(String[] args) {
        String rubric = null;
        String subjects = null;
        String out = null;
        boolean alone = false;
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String arg = rest.remove(0);
            switch (arg) {
                case "--rubric" -> rubric = value(arg, rest);
                case "--subjects" -> subjects = value(arg, rest);
                case "--out" -> out = value(arg, rest);
                case "--alone" -> alone = true;
                default -> usage("unknown argument [" + arg + "]");
            }
        }
        if (rubric == null || subjects == null || out == null) {
            usage("give --rubric, --subjects and --out");
        }
        SparkSession spark = SparkSession.builder().appName("rubric " + rubric).getOrCreate();
        try {
            long start = System.nanoTime();
            SparkScoring scoring = SparkScoring.of(rubric);
            Dataset<String> lines = spark.read().textFile(subjects).filter(
                    (org.apache.spark.api.java.function.FilterFunction<String>) l -> !l.isBlank());
            Dataset<Row> results = alone ? scoring.evaluate(lines) : scoring.evaluateCohort(lines);
            results.select("result").write().text(out);
            long scored = spark.read().text(out).count();
            System.out.printf("rubric: scored [%d] subjects of [%s] with [%s %s] into [%s] in %.1f s%n", scored, subjects,
                    scoring.rubric().id(), scoring.rubric().version(), out, (System.nanoTime() - start) / 1e9);
        } finally {
            spark.stop();
        }
    }

    private static String value(String option, List<String> rest) {
        if (rest.isEmpty()) {
            usage(option + " needs a value");
        }
        return rest.remove(0);
    }

    private static void usage(String problem) {
        System.err.println("rubric-spark: " + problem + "\n"
                + "usage: ScoreJob --rubric DIR|classpath:NAME --subjects FILE.jsonl --out FOLDER [--alone]");
        System.exit(2);
    }
}
