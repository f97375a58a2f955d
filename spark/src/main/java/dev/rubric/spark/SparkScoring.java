package dev.rubric.spark;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rubric.api.Evaluation;
import dev.rubric.api.Facts;
import dev.rubric.api.InvalidFactsException;
import dev.rubric.api.Manifest;
import dev.rubric.api.Problem;
import dev.rubric.api.Rubric;
import dev.rubric.api.RubricInfo;
import dev.rubric.api.ScoreItem;
import dev.rubric.api.Subject;
import dev.rubric.engine.internal.json.ResultJson;
import dev.rubric.engine.internal.scoring.Scoring;
import dev.rubric.engine.internal.scoring.Wording;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.apache.spark.sql.functions.col;

/**
 * Scores subjects with a rubric as a Spark job: a Dataset of subjects in (contract §5, one subject per row), a
 * Dataset of results out (contract §6, one result per row, with flat columns to query).
 *
 * <pre>{@code
 * SparkScoring scoring = SparkScoring.of("classpath:rubrics/party-mass-efficiency");
 * Dataset<Row> results = scoring.evaluateCohort(spark.read().textFile("units.jsonl"));
 * results.select("result").write().text("results");            // one result line per subject, by rank
 * results.groupBy("grade").count().show();
 * }</pre>
 *
 * <p>Design notes. Each subject is scored alone where its row is, with the rubric loaded once per executor
 * ({@link ExecutorRubric}, restricted). Ranks and quotas (contract §4, step 7) need the whole cohort, which never
 * reaches the driver: the scored subjects are range-partitioned and sorted by {@link CohortOrder} (the engine's
 * {@link Scoring#bestFirst}: vetoed last where the manifest says so, total, tie-break categories; then id), so
 * subjects that share a rank sit next to each other. The driver then collects a few values per partition (its
 * size, first and last key, where its last run of subjects sharing a rank starts) and works out where each
 * partition's ranks start, carrying a run that crosses a partition's edge. For each grade with a quota, in the
 * manifest's order, it counts the band's holders per partition, asks the one partition holding the first holder
 * beyond the quota for that holder's key, and so fixes the band's cut. When a quota cuts, it also gathers the labels
 * of the dropped subjects in each partition's first and last run, so a run that crosses an edge can be named whole.
 * Every executor then ranks its partition one run at a time and applies the cuts with the engine's own
 * {@link Scoring#quotaCut}, {@link Scoring#afterQuotas} and {@link Scoring#namedDrop}, and rewrites each result line
 * with {@link ResultJson#withCohortOutcome}, so the results are byte for byte those of
 * {@link Rubric#evaluateCohort}. The jobs of the cohort step read the sorted
 * subjects persisted in memory and on disk.
 *
 * <p>Immutable; the job's functions carry only the rubric's location and digest.
 */
public final class SparkScoring implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * The columns of the results: {@code id}, {@code total} (exact to 18 decimal places), {@code grade} (null when
     * none is given), {@code vetoed}, {@code rank} (null when each subject is scored alone) and {@code result}, the
     * subject's result as one line of compact JSON (contract §6), exactly as the engine writes it.
     */
    public static final StructType RESULTS = new StructType()
            .add("id", DataTypes.StringType, false)
            .add("total", DataTypes.createDecimalType(38, 18), false)
            .add("grade", DataTypes.StringType, true)
            .add("vetoed", DataTypes.BooleanType, false)
            .add("rank", DataTypes.IntegerType, true)
            .add("result", DataTypes.StringType, false);

    private final ExecutorRubric rubric;

    private SparkScoring(ExecutorRubric rubric) {
        this.rubric = rubric;
    }

    /**
     * Scoring with the rubric at {@code location}, loaded here (restricted) to check it and again on each
     * executor, from the same location.
     *
     * @param location {@code classpath:} and a resource folder inside the job's jar, or a folder every node can
     *                 read; never null
     * @throws dev.rubric.api.InvalidRubricException listing every problem of the rubric
     */
    public static SparkScoring of(String location) {
        return new SparkScoring(ExecutorRubric.load(Objects.requireNonNull(location, "location")));
    }

    /** The rubric's id, version and digest, as results carry them. */
    public RubricInfo rubric() {
        return rubric.rubric().info();
    }

    /**
     * Subjects from a table with the columns {@code id}, {@code name} and {@code facts}, the last holding the JSON
     * array of the subject's facts (contract §5), as one subject's JSON per row.
     *
     * @param table the subjects; never null
     */
    public static Dataset<String> subjects(Dataset<Row> table) {
        return table.select(col("id").cast("string"), col("name").cast("string"), col("facts").cast("string"))
                .map((org.apache.spark.api.java.function.MapFunction<Row, String>) row -> subjectJson(
                        row.getString(0), row.getString(1), row.getString(2)), Encoders.STRING());
    }

    /**
     * Scores each subject alone: no rank, no quotas.
     *
     * @param subjects one subject's JSON (contract §5) per row; never null
     * @return one row of {@link #RESULTS} per subject, in the order of the subjects
     * @throws org.apache.spark.SparkException when the job fails, with the {@link InvalidFactsException} naming the
     *         partition and row of a subject with a facts problem, or the rule that failed, as its cause
     */
    public Dataset<Row> evaluate(Dataset<String> subjects) {
        JavaRDD<Row> rows = scoreEach(subjects).map(s -> row(s.id(), s.line(), s.total(), s.grade(), s.vetoed(), null));
        return subjects.sparkSession().createDataFrame(rows, RESULTS);
    }

    /**
     * Scores the subjects as one cohort: each alone, then ranks and grade quotas across all of them (contract §4,
     * step 7), computed without bringing the cohort to the driver.
     *
     * @param subjects one subject's JSON (contract §5) per row, ids unique; never null
     * @return one row of {@link #RESULTS} per subject, by rank, then subject id, across the partitions in order
     * @throws IllegalArgumentException when two subjects share an id
     * @throws org.apache.spark.SparkException when the job fails, with the {@link InvalidFactsException} or the
     *         failing rule as its cause
     */
    public Dataset<Row> evaluateCohort(Dataset<String> subjects) {
        SparkSession spark = subjects.sparkSession();
        CohortOrder order = new CohortOrder(rubric);
        // scored once: the range partitioner samples the scored subjects before the shuffle writes them
        JavaRDD<Scored> scored = scoreEach(subjects).persist(StorageLevel.MEMORY_AND_DISK());
        JavaPairRDD<RankKey, Scored> sorted = scored
                .mapToPair(s -> new Tuple2<>(s.key(), s))
                .sortByKey(order, true)
                .setName("rubric cohort " + rubric.location() + ", sorted")
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            List<Edge> edges = new ArrayList<>(sorted.mapPartitionsWithIndex((p, it) -> edge(order, p, it), true).collect());
            scored.unpersist(false);
            edges.sort((a, b) -> Integer.compare(a.partition(), b.partition()));
            String twice = duplicateId(sorted);
            if (twice != null) {
                throw new IllegalArgumentException("subject id [" + twice + "] appears twice in the cohort; subject ids must be unique");
            }
            Starts starts = Starts.of(edges, order);
            long size = starts.size();
            List<Cut> cuts = cuts(sorted, size);
            ExecutorRubric named = rubric;
            Neighbours neighbours = cuts.isEmpty() ? Neighbours.none(starts.offsets().length)
                    : Neighbours.of(new ArrayList<>(sorted.mapPartitionsWithIndex(
                            (p, it) -> List.of(runNames(named, order, p, it, cuts, size)).iterator(), true).collect()), order);
            // the sorted cohort stays persisted (memory and disk) for the rows computed from it when the caller uses them
            JavaRDD<Row> rows = sorted.mapPartitionsWithIndex(
                    (p, it) -> ranked(named, order, p, it, starts, cuts, neighbours, size), true);
            return spark.createDataFrame(rows, RESULTS);
        } catch (RuntimeException e) {
            scored.unpersist(false);
            sorted.unpersist(false);
            throw e;
        }
    }

    /** Each subject scored alone, where its row is. */
    private JavaRDD<Scored> scoreEach(Dataset<String> subjects) {
        ExecutorRubric named = rubric;
        return subjects.javaRDD().mapPartitionsWithIndex((p, lines) -> {
            Rubric r = named.rubric();
            Manifest manifest = r.manifest();
            return new Iterator<Scored>() { // one subject at a time: a partition is never held whole
                long row;

                @Override
                public boolean hasNext() {
                    return lines.hasNext();
                }

                @Override
                public Scored next() {
                    String source = "subjects, partition " + p + " row " + row++;
                    Facts read = r.readFacts(new ByteArrayInputStream(lines.next().getBytes(StandardCharsets.UTF_8)), source);
                    if (read.subjects().size() != 1) {
                        throw new InvalidFactsException(source, List.of(Problem.atPointer(source, "", "a row holds ["
                                + read.subjects().size() + "] subjects; give one subject object {\"id\": …, \"facts\": […]} per row")));
                    }
                    if (read.period() != null) {
                        throw new InvalidFactsException(source, List.of(Problem.atPointer(source, "/period", "a row names the period ["
                                + read.period().id() + "]; give one subject object {\"id\": …, \"facts\": […]} per row, without a period")));
                    }
                    Evaluation e = r.evaluate(read.subjects().get(0));
                    Scoring.Standing standing = Scoring.Standing.of(manifest, e);
                    return new Scored(e.subject().id(), Scoring.label(e.subject()), ResultJson.line(e), e.total(), e.grade(),
                            e.vetoed(), standing.tieBreak());
                }
            };
        }, true);
    }

    /** One subject id that two rows share, or null: ids are counted in a shuffle of their own. */
    private static String duplicateId(JavaPairRDD<RankKey, Scored> sorted) {
        List<Tuple2<String, Integer>> twice = sorted.mapToPair(t -> new Tuple2<>(t._1().id(), 1))
                .reduceByKey(Integer::sum)
                .filter(t -> t._2() > 1)
                .take(1);
        return twice.isEmpty() ? null : twice.get(0)._1();
    }

    /**
     * A partition of the sorted cohort as the driver needs to know it: how many subjects it has, its first and
     * last key, and where its last run of subjects that share a rank starts.
     */
    record Edge(int partition, long size, RankKey first, RankKey last, long lastRunStart) implements Serializable {
    }

    private static Iterator<Edge> edge(CohortOrder order, int partition, Iterator<Tuple2<RankKey, Scored>> it) {
        long size = 0;
        RankKey first = null;
        RankKey last = null;
        long lastRunStart = 0;
        while (it.hasNext()) {
            RankKey key = it.next()._1();
            if (first == null) {
                first = key;
            } else if (order.ties(key, last) != 0) {
                lastRunStart = size;
            }
            last = key;
            size++;
        }
        return List.of(new Edge(partition, size, first, last, lastRunStart)).iterator();
    }

    /**
     * Where each partition of the sorted cohort starts: the position of its first subject in the whole cohort, and
     * the rank of a run of subjects sharing a rank that began in an earlier partition and goes on in it (0 when none
     * does).
     */
    record Starts(long[] offsets, long[] carried, long size) implements Serializable {

        static Starts of(List<Edge> edges, CohortOrder order) {
            int partitions = edges.isEmpty() ? 0 : edges.get(edges.size() - 1).partition() + 1;
            long[] offsets = new long[partitions];
            long[] carried = new long[partitions];
            long offset = 0;
            RankKey previousLast = null;
            long previousLastRank = 0;
            for (Edge e : edges) {
                offsets[e.partition()] = offset;
                if (e.size() == 0) {
                    continue;
                }
                boolean goesOn = previousLast != null && order.ties(e.first(), previousLast) == 0;
                carried[e.partition()] = goesOn ? previousLastRank : 0;
                previousLastRank = goesOn && e.lastRunStart() == 0 ? previousLastRank : offset + e.lastRunStart() + 1;
                previousLast = e.last();
                offset += e.size();
            }
            return new Starts(offsets, carried, offset);
        }
    }

    /** A band's quota cut, as the executors rebuild it with {@link Scoring#quotaCut}. */
    record Cut(int band, RankKey firstOut) implements Serializable {
    }

    /** The quota cuts of the cohort, better bands first; each band's holders are counted after the cuts above it. */
    private List<Cut> cuts(JavaPairRDD<RankKey, Scored> sorted, long size) {
        Manifest manifest = rubric.rubric().manifest();
        List<Cut> cuts = new ArrayList<>();
        ExecutorRubric named = rubric;
        for (int g = 0; g < manifest.grades().size() - 1; g++) {
            if (manifest.grades().get(g).quota() == null) {
                continue;
            }
            long allowed = Scoring.quotaAllowed(manifest.grades().get(g), size);
            int band = g;
            List<Cut> above = List.copyOf(cuts);
            List<long[]> holders = new ArrayList<>(sorted.mapPartitionsWithIndex((p, it) -> {
                List<Scoring.QuotaCut> applied = engineCuts(named, above, size);
                Manifest m = named.rubric().manifest();
                long count = 0;
                while (it.hasNext()) {
                    if (holds(m, it.next()._2(), applied, band)) {
                        count++;
                    }
                }
                return List.of(new long[] {p, count}).iterator();
            }, true).collect());
            holders.sort((a, b) -> Long.compare(a[0], b[0]));
            long before = 0;
            for (long[] h : holders) {
                if (before + h[1] > allowed) {
                    int partition = (int) h[0];
                    long index = allowed - before;
                    List<RankKey> found = sorted.mapPartitionsWithIndex((p, it) -> {
                        if (p != partition) {
                            return Collections.emptyIterator();
                        }
                        List<Scoring.QuotaCut> applied = engineCuts(named, above, size);
                        Manifest m = named.rubric().manifest();
                        long seen = 0;
                        while (it.hasNext()) {
                            Tuple2<RankKey, Scored> t = it.next();
                            if (holds(m, t._2(), applied, band) && seen++ == index) {
                                return List.of(t._1()).iterator();
                            }
                        }
                        return Collections.emptyIterator();
                    }, true).collect();
                    cuts.add(new Cut(band, found.get(0)));
                    break;
                }
                before += h[1];
            }
        }
        return cuts;
    }

    private static boolean holds(Manifest manifest, Scored s, List<Scoring.QuotaCut> cuts, int band) {
        String grade = Scoring.afterQuotas(manifest, s.standing(), cuts).grade();
        return grade != null && manifest.gradeIndex(grade) == band;
    }

    private static List<Scoring.QuotaCut> engineCuts(ExecutorRubric named, List<Cut> cuts, long size) {
        Manifest manifest = named.rubric().manifest();
        Wording wording = Wording.of(manifest);
        List<Scoring.QuotaCut> out = new ArrayList<>(cuts.size());
        for (Cut c : cuts) {
            out.add(Scoring.quotaCut(manifest, c.band(), size, c.firstOut().standing(), wording));
        }
        return out;
    }

    /**
     * The subjects a partition's first and last run (subjects that share a rank) have dropped by quota, as labels
     * by the grade they dropped to, in sort order: what the partitions beside it need to name the subjects tied
     * with theirs across the edge.
     *
     * @param single whether the partition is one run, its first and last the same
     */
    record RunNames(int partition, RankKey firstKey, Map<String, List<String>> first, RankKey lastKey,
                    Map<String, List<String>> last, boolean single) implements Serializable {
    }

    private static RunNames runNames(ExecutorRubric named, CohortOrder order, int partition, Iterator<Tuple2<RankKey, Scored>> it,
                                     List<Cut> cuts, long size) {
        Manifest manifest = named.rubric().manifest();
        List<Scoring.QuotaCut> applied = engineCuts(named, cuts, size);
        RankKey firstKey = null;
        RankKey lastKey = null;
        Map<String, List<String>> first = new HashMap<>();
        Map<String, List<String>> last = new HashMap<>();
        boolean single = true;
        while (it.hasNext()) {
            Tuple2<RankKey, Scored> t = it.next();
            if (firstKey == null) {
                firstKey = t._1();
            } else if (order.ties(t._1(), lastKey) != 0) {
                single = false;
                last = new HashMap<>();
            }
            lastKey = t._1();
            for (ScoreItem drop : Scoring.afterQuotas(manifest, t._2().standing(), applied).drops()) {
                if (single) {
                    first.computeIfAbsent(drop.grade(), g -> new ArrayList<>()).add(t._2().label());
                }
                last.computeIfAbsent(drop.grade(), g -> new ArrayList<>()).add(t._2().label());
            }
        }
        return new RunNames(partition, firstKey, first, lastKey, last, single);
    }

    /**
     * For each partition, the labels of subjects in other partitions that share a rank with its first run (before
     * it) and with its last run (after it), by the grade the quota dropped them to.
     */
    record Neighbours(List<Map<String, List<String>>> before, List<Map<String, List<String>>> after) implements Serializable {

        static Neighbours none(int partitions) {
            return new Neighbours(new ArrayList<>(Collections.nCopies(partitions, Map.of())),
                    new ArrayList<>(Collections.nCopies(partitions, Map.of())));
        }

        static Neighbours of(List<RunNames> runs, CohortOrder order) {
            runs.sort((a, b) -> Integer.compare(a.partition(), b.partition()));
            int partitions = runs.isEmpty() ? 0 : runs.get(runs.size() - 1).partition() + 1;
            Neighbours out = none(partitions);
            RankKey openKey = null;
            Map<String, List<String>> open = Map.of();
            for (RunNames r : runs) { // the run open at the end of the partitions before
                if (r.firstKey() == null) {
                    continue;
                }
                boolean goesOn = openKey != null && order.ties(openKey, r.firstKey()) == 0;
                out.before().set(r.partition(), goesOn ? open : Map.of());
                open = r.single() && goesOn ? joined(open, r.last()) : r.last();
                openKey = r.lastKey();
            }
            openKey = null;
            open = Map.of();
            for (int i = runs.size() - 1; i >= 0; i--) { // the run open at the start of the partitions after
                RunNames r = runs.get(i);
                if (r.firstKey() == null) {
                    continue;
                }
                boolean goesOn = openKey != null && order.ties(openKey, r.lastKey()) == 0;
                out.after().set(r.partition(), goesOn ? open : Map.of());
                open = r.single() && goesOn ? joined(r.first(), open) : r.first();
                openKey = r.firstKey();
            }
            return out;
        }

        private static Map<String, List<String>> joined(Map<String, List<String>> earlier, Map<String, List<String>> later) {
            Map<String, List<String>> both = new HashMap<>();
            earlier.forEach((g, labels) -> both.computeIfAbsent(g, k -> new ArrayList<>()).addAll(labels));
            later.forEach((g, labels) -> both.computeIfAbsent(g, k -> new ArrayList<>()).addAll(labels));
            return both;
        }
    }

    /**
     * A partition of the sorted cohort with ranks and quotas applied, one run of subjects sharing a rank at a time,
     * each quota drop named as {@link Scoring#namedDrop} names it.
     */
    private static Iterator<Row> ranked(ExecutorRubric named, CohortOrder order, int partition, Iterator<Tuple2<RankKey, Scored>> it,
                                        Starts starts, List<Cut> cuts, Neighbours neighbours, long size) {
        Manifest manifest = named.rubric().manifest();
        Wording wording = Wording.of(manifest);
        List<Scoring.QuotaCut> applied = engineCuts(named, cuts, size);
        long position = starts.offsets()[partition];
        long carried = starts.carried()[partition];
        return new Iterator<>() {
            Tuple2<RankKey, Scored> pending;
            Iterator<Row> run = Collections.emptyIterator();
            long at = position;

            @Override
            public boolean hasNext() {
                return run.hasNext() || pending != null || it.hasNext();
            }

            @Override
            public Row next() {
                if (!run.hasNext()) {
                    run = nextRun();
                }
                return run.next();
            }

            private Iterator<Row> nextRun() {
                List<Tuple2<RankKey, Scored>> members = new ArrayList<>();
                members.add(pending != null ? pending : it.next());
                pending = null;
                while (it.hasNext()) {
                    Tuple2<RankKey, Scored> t = it.next();
                    if (order.ties(t._1(), members.get(0)._1()) != 0) {
                        pending = t;
                        break;
                    }
                    members.add(t);
                }
                boolean firstRun = at == position;
                boolean lastRun = pending == null;
                int rank = Math.toIntExact(firstRun && carried > 0 ? carried : at + 1);
                at += members.size();
                List<Scoring.Outcome> outcomes = new ArrayList<>(members.size());
                for (Tuple2<RankKey, Scored> m : members) {
                    outcomes.add(Scoring.afterQuotas(manifest, m._2().standing(), applied));
                }
                List<Row> rows = new ArrayList<>(members.size());
                for (int i = 0; i < members.size(); i++) {
                    Scored s = members.get(i)._2();
                    List<ScoreItem> drops = new ArrayList<>(outcomes.get(i).drops().size());
                    for (ScoreItem drop : outcomes.get(i).drops()) {
                        List<String> tiedWith = new ArrayList<>();
                        if (firstRun) {
                            tiedWith.addAll(neighbours.before().get(partition).getOrDefault(drop.grade(), List.of()));
                        }
                        for (int j = 0; j < members.size(); j++) {
                            if (j != i && outcomes.get(j).drops().stream().anyMatch(d -> d.grade().equals(drop.grade()))) {
                                tiedWith.add(members.get(j)._2().label());
                            }
                        }
                        if (lastRun) {
                            tiedWith.addAll(neighbours.after().get(partition).getOrDefault(drop.grade(), List.of()));
                        }
                        drops.add(Scoring.namedDrop(manifest, drop, size, rank, tiedWith, wording));
                    }
                    byte[] line = ResultJson.withCohortOutcome(s.line(), rank, outcomes.get(i).grade(), drops);
                    rows.add(row(s.id(), line, s.total(), outcomes.get(i).grade(), s.vetoed(), rank));
                }
                return rows.iterator();
            }
        };
    }

    private static Row row(String id, byte[] line, BigDecimal total, String grade, boolean vetoed, Integer rank) {
        String result = new String(line, 0, line.length - 1, StandardCharsets.UTF_8); // without its line feed
        return RowFactory.create(id, total, grade, vetoed, rank, result);
    }

    private static final JsonFactory JSON = new ObjectMapper().getFactory();

    private static String subjectJson(String id, String name, String facts) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("id", id);
            if (name != null) {
                g.writeStringField("name", name);
            }
            g.writeFieldName("facts");
            g.writeRawValue(facts == null ? "[]" : facts);
            g.writeEndObject();
        }
        return out.toString();
    }
}
