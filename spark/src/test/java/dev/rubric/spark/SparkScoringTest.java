package dev.rubric.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rubric.api.CohortResult;
import dev.rubric.api.Evaluation;
import dev.rubric.api.InvalidFactsException;
import dev.rubric.api.Rubric;
import dev.rubric.api.Rubrics;
import dev.rubric.api.Subject;
import dev.rubric.engine.internal.json.ResultJson;
import org.apache.spark.SparkException;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Scoring on Spark gives exactly what the library gives: the same result JSON per subject, byte for byte, with
 * the same ranks and quota drops, however the cohort is spread over partitions.
 */
class SparkScoringTest {

    private static final String RUBRIC = "classpath:rubrics/party-mass-efficiency";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static SparkSession spark;
    private static Rubric rubric;
    private static SparkScoring scoring;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder().master("local[2]").appName("rubric-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.default.parallelism", "4")
                .getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        rubric = Rubrics.load(RUBRIC);
        scoring = SparkScoring.of(RUBRIC);
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void theSampleCohortSpreadOverPartitionsScoresExactlyAsTheLibraryDoes() throws IOException {
        // given the 21 sample departments in 4 partitions
        List<String> subjects = sampleSubjects();

        // when
        List<Row> rows = scoring.evaluateCohort(spark.createDataset(subjects, Encoders.STRING()).repartition(4)).collectAsList();

        // then
        assertSameAsTheLibrary(subjects, rows);
    }

    @Test
    void aGeneratedCohortOfThreeHundredScoresExactlyAsTheLibraryDoes() throws IOException {
        // given 300 departments made from the samples by leaving out facts at random, in 6 partitions
        List<String> subjects = generated(300, new Random(14));

        // when
        List<Row> rows = scoring.evaluateCohort(spark.createDataset(subjects, Encoders.STRING()).repartition(6)).collectAsList();

        // then
        assertSameAsTheLibrary(subjects, rows);
        assertThat(rows.stream().map(r -> r.getString(2)).distinct()).hasSizeGreaterThan(2);
        assertThat(rows.stream().filter(r -> r.getString(5).contains("\"kind\":\"QUOTA\""))).isNotEmpty();
    }

    @Test
    void tiesThatCrossPartitionEdgesShareOneRank() throws IOException {
        // given each sample department ten times under ids of its own: runs of ten equal totals
        List<String> subjects = new ArrayList<>();
        List<String> samples = sampleSubjects();
        for (int copy = 0; copy < 10; copy++) {
            for (String s : samples) {
                ObjectNode unit = (ObjectNode) JSON.readTree(s);
                unit.put("id", unit.get("id").asText() + "-" + copy);
                subjects.add(JSON.writeValueAsString(unit));
            }
        }

        // when the sorted cohort is cut into more partitions than it has distinct totals
        List<Row> rows = scoring.evaluateCohort(spark.createDataset(subjects, Encoders.STRING()).repartition(24)).collectAsList();

        // then
        assertSameAsTheLibrary(subjects, rows);
        assertThat(rows.stream().map(r -> r.getInt(4)).distinct().count()).isLessThan(rows.size() / 5);
    }

    @Test
    void aCohortRankedByTieBreakWithVetoedLastSpreadOverPartitionsScoresExactlyAsTheLibraryDoes() {
        // given 80 units of a rubric with ranking.tieBreak: [work], ranking.vetoed: last and two quotas, listed out of
        // id order, in 5 partitions
        String location = "classpath:rubrics/tie-break";
        List<String> subjects = tieBreakCohort(80, new Random(7));

        // when
        List<Row> rows = SparkScoring.of(location).evaluateCohort(spark.createDataset(subjects, Encoders.STRING()).repartition(5))
                .collectAsList();

        // then the rows are the library's, and the cohort had what the rubric's ranking is about
        assertSameAsTheLibrary(Rubrics.load(location), subjects, rows);
        int firstVetoed = rows.indexOf(rows.stream().filter(r -> r.getBoolean(3)).findFirst().orElseThrow());
        assertThat(rows.subList(firstVetoed, rows.size())).allSatisfy(r -> assertThat(r.getBoolean(3)).isTrue());
        assertThat(rows.stream().filter(r -> rows.stream().anyMatch(o -> o.getDecimal(1).compareTo(r.getDecimal(1)) == 0
                && o.getBoolean(3) == r.getBoolean(3) && o.getInt(4) != r.getInt(4)))).as("totals the tie-break told apart").isNotEmpty();
        assertThat(rows.stream().map(r -> r.getString(5)).filter(l -> l.contains("并列第"))).as("named drops of tied units")
                .hasSizeGreaterThan(2);
        assertThat(rows.stream().map(r -> r.getString(2)).distinct()).contains("优秀", "良好", "合格");
    }

    @Test
    void subjectsScoredAloneHaveNoRankAndTheLibrarysResult() throws IOException {
        // given
        List<String> subjects = sampleSubjects();

        // when
        List<Row> rows = scoring.evaluate(spark.createDataset(subjects, Encoders.STRING()).repartition(3)).collectAsList();

        // then
        List<String> expected = new ArrayList<>();
        for (String s : subjects) {
            expected.add(line(rubric.evaluate(read(s))));
        }
        assertThat(rows.stream().map(r -> r.getString(5)).sorted().toList()).isEqualTo(expected.stream().sorted().toList());
        assertThat(rows).allSatisfy(r -> assertThat(r.isNullAt(4)).as("rank of %s", r.getString(0)).isTrue());
    }

    @Test
    void aTableOfIdNameAndFactsIsReadAsSubjects() throws IOException {
        // given the samples as a table whose facts column holds each department's facts array
        List<Row> table = new ArrayList<>();
        for (String s : sampleSubjects()) {
            JsonNode unit = JSON.readTree(s);
            table.add(RowFactory.create(unit.get("id").asText(), unit.get("name").asText(), JSON.writeValueAsString(unit.get("facts"))));
        }
        StructType columns = new StructType().add("id", DataTypes.StringType).add("name", DataTypes.StringType)
                .add("facts", DataTypes.StringType);

        // when
        List<Row> rows = scoring.evaluateCohort(SparkScoring.subjects(spark.createDataFrame(table, columns))).collectAsList();

        // then
        assertSameAsTheLibrary(sampleSubjects(), rows);
    }

    @Test
    void twoSubjectsWithOneIdAreRefused() throws IOException {
        // given
        List<String> subjects = new ArrayList<>(sampleSubjects());
        subjects.add(subjects.get(0));

        // when / then
        assertThatThrownBy(() -> scoring.evaluateCohort(spark.createDataset(subjects, Encoders.STRING()).repartition(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("subject id [D01] appears twice in the cohort; subject ids must be unique");
    }

    @Test
    void aFactsProblemNamesThePartitionRowAndProperty() {
        // given one subject whose fact has a property the type does not have
        String bad = "{\"id\":\"X1\",\"facts\":[{\"type\":\"TargetTask\",\"id\":\"T-1\",\"colour\":\"red\"}]}";

        // when / then
        assertThatThrownBy(() -> scoring.evaluateCohort(spark.createDataset(List.of(bad), Encoders.STRING()).coalesce(1)).count())
                .isInstanceOf(SparkException.class)
                .hasMessageContaining(InvalidFactsException.class.getName() + ": facts [subjects, partition 0 row 0] have 1 problem")
                .hasMessageContaining("subjects, partition 0 row 0 at /facts/0/colour: subject [X1]: unknown property [colour] of [TargetTask]");
    }

    @Test
    void aRowHoldingTwoSubjectsIsAFactsProblemSayingToGiveOnePerRow() throws IOException {
        // given one row with an array of two subjects
        List<String> samples = sampleSubjects();
        String two = "[" + samples.get(0) + "," + samples.get(1) + "]";

        // when / then
        assertThatThrownBy(() -> scoring.evaluate(spark.createDataset(List.of(two), Encoders.STRING()).coalesce(1)).count())
                .isInstanceOf(SparkException.class)
                .hasMessageContaining("subjects, partition 0 row 0 at /: a row holds [2] subjects; give one subject object");
    }

    @Test
    void aRowNamingAPeriodIsAFactsProblemSayingToGiveTheSubjectAlone() throws IOException {
        // given one row in the file form that names a period
        String withPeriod = "{\"period\": \"2026\", \"subjects\": [" + sampleSubjects().get(0) + "]}";

        // when / then
        assertThatThrownBy(() -> scoring.evaluate(spark.createDataset(List.of(withPeriod), Encoders.STRING()).coalesce(1)).count())
                .isInstanceOf(SparkException.class)
                .hasMessageContaining("subjects, partition 0 row 0 at /period: a row names the period [2026]; give one subject object");
    }

    // ---

    /** The library's cohort results as JSON lines, in its order, against the rows in the order Spark gives them. */
    private static void assertSameAsTheLibrary(List<String> subjects, List<Row> rows) {
        assertSameAsTheLibrary(rubric, subjects, rows);
    }

    /** The given rubric's cohort results as JSON lines, in its order, against the rows in the order Spark gives them. */
    private static void assertSameAsTheLibrary(Rubric library, List<String> subjects, List<Row> rows) {
        List<Subject> cohort = subjects.stream().map(s -> read(library, s)).collect(Collectors.toList());
        CohortResult expected = library.evaluateCohort(cohort);
        List<String> expectedLines = expected.results().stream().map(SparkScoringTest::line).toList();
        assertThat(rows.stream().map(r -> r.getString(5)).toList()).containsExactlyElementsOf(expectedLines);
        Iterator<Evaluation> each = expected.results().iterator();
        for (Row r : rows) {
            Evaluation e = each.next();
            assertThat(r.getString(0)).isEqualTo(e.subject().id());
            assertThat(r.getDecimal(1)).isEqualByComparingTo(e.total());
            assertThat(r.getString(2)).isEqualTo(e.grade());
            assertThat(r.getBoolean(3)).isEqualTo(e.vetoed());
            assertThat(r.getInt(4)).isEqualTo(e.rank());
        }
    }

    private static String line(Evaluation e) {
        byte[] line = ResultJson.line(e);
        return new String(line, 0, line.length - 1, StandardCharsets.UTF_8);
    }

    private static Subject read(String json) {
        return read(rubric, json);
    }

    private static Subject read(Rubric library, String json) {
        return library.readFacts(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test").subjects().get(0);
    }

    /**
     * Units of the {@code tie-break} test rubric, listed in a random order: each misses up to three work tasks and
     * up to three points of style, one in eight breaches discipline (a veto capping it at 良好).
     */
    private static List<String> tieBreakCohort(int count, Random random) {
        List<String> subjects = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            ObjectNode unit = JSON.createObjectNode().put("id", String.format("U%03d", n)).put("name", "单位" + n);
            ArrayNode facts = unit.putArray("facts");
            for (int w = random.nextInt(4); w > 0; w--) {
                facts.addObject().put("type", "WorkMiss").put("what", "任务" + w);
            }
            for (int st = random.nextInt(4); st > 0; st--) {
                facts.addObject().put("type", "StyleMiss").put("what", "问题" + st);
            }
            if (random.nextInt(8) == 0) {
                facts.addObject().put("type", "Breach").put("what", "迟到早退");
            }
            subjects.add(unit.toString());
        }
        java.util.Collections.shuffle(subjects, random);
        return subjects;
    }

    private static List<String> sampleSubjects() throws IOException {
        try (InputStream in = SparkScoringTest.class.getResourceAsStream("/samples/party-mass-2026.json")) {
            List<String> subjects = new ArrayList<>();
            JsonNode root = JSON.readTree(in); // the sample names its period around the subjects (contract §8)
            for (JsonNode unit : root.isArray() ? root : root.get("subjects")) {
                subjects.add(JSON.writeValueAsString(unit));
            }
            return subjects;
        }
    }

    /** Departments made from the samples, each leaving out about a fifth of its sample's facts. */
    private static List<String> generated(int count, Random random) throws IOException {
        List<String> samples = sampleSubjects();
        List<String> subjects = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            ObjectNode unit = (ObjectNode) JSON.readTree(samples.get(n % samples.size()));
            unit.put("id", String.format("G%04d", n));
            ArrayNode kept = JSON.createArrayNode();
            for (JsonNode fact : unit.get("facts")) {
                if (random.nextInt(5) > 0) {
                    kept.add(fact);
                }
            }
            unit.set("facts", kept);
            subjects.add(JSON.writeValueAsString(unit));
        }
        return subjects;
    }
}
