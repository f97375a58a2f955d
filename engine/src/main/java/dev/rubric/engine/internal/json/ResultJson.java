package dev.rubric.engine.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rubric.api.CategoryScore;
import dev.rubric.api.CohortResult;
import dev.rubric.api.Evaluation;
import dev.rubric.api.Evidence;
import dev.rubric.api.ItemKind;
import dev.rubric.api.Numbers;
import dev.rubric.api.Period;
import dev.rubric.api.RubricInfo;
import dev.rubric.api.ScoreItem;
import dev.rubric.api.SubjectRef;
import dev.rubric.api.VetoEffect;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes results as the JSON of contract §6: fields in a fixed order, numbers as plain decimals without
 * trailing zeros, two-space indentation and {@code \n} line ends, so the same input gives the same bytes.
 *
 * <p>Beyond the contract's fields a result carries {@code totalBeforeVeto} when it was vetoed, an item
 * carries {@code grade} and {@code effect} where they apply, and evidence without an id carries its
 * {@code properties}, so a reader can tell what matched; a result scored for a named period carries {@code period}.
 */
public final class ResultJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private ResultJson() {
    }

    /** A cohort's results as JSON text. */
    public static String toJson(CohortResult result) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(result, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** One subject's result, wrapped as a one-element result list. */
    public static String toJson(RubricInfo rubric, Evaluation evaluation) {
        return toJson(new CohortResult(rubric, List.of(evaluation)));
    }

    /** Writes a cohort's results to a stream (left open). */
    public static void write(CohortResult result, OutputStream out) {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
            g.setPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withArrayEmptySeparator("")
                    .withObjectEmptySeparator(""))
                    .withObjectIndenter(indenter).withArrayIndenter(indenter));
            g.writeStartObject();
            g.writeObjectFieldStart("rubric");
            g.writeStringField("id", result.rubric().id());
            nullableString(g, "version", result.rubric().version());
            g.writeStringField("digest", result.rubric().digest());
            g.writeEndObject();
            g.writeArrayFieldStart("results");
            for (Evaluation e : result.results()) {
                evaluation(g, e);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results: " + e.getMessage(), e);
        }
    }

    /**
     * One result as a single line of compact JSON, ending in {@code \n}: the object of contract §6's
     * {@code results} array, with the same fields in the same order. This is the JSON-lines form a batch writes.
     *
     * @param evaluation the result; never null
     * @return UTF-8 bytes of the line
     */
    public static byte[] line(Evaluation evaluation) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            evaluation(g, evaluation);
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a result: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /**
     * A line written by {@link #line} with a cohort's outcome added: the line read back as the result it was written
     * from, given the outcome ({@link Evaluation#withCohortOutcome}) and written again by {@link #line}, so there is
     * one writer of results and the bytes are those {@link #line} writes for the whole result.
     *
     * @param line  a line from {@link #line}; never null
     * @param rank  the subject's competition rank
     * @param grade the grade after quotas, or null when none is given
     * @param drops the subject's QUOTA items; never null
     * @return UTF-8 bytes of the new line
     */
    public static byte[] withCohortOutcome(byte[] line, int rank, String grade, List<ScoreItem> drops) {
        return line(read(line).withCohortOutcome(rank, grade, drops));
    }

    /** A result from a line {@link #line} wrote: everything the line holds (evidence with an id has no properties there). */
    static Evaluation read(byte[] line) {
        JsonNode r;
        try {
            r = FactReader.MAPPER.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back a result line: " + e.getMessage(), e);
        }
        JsonNode subject = r.get("subject");
        JsonNode period = r.get("period");
        List<CategoryScore> categories = new ArrayList<>();
        for (JsonNode c : r.get("categories")) {
            categories.add(new CategoryScore(c.get("id").asText(), c.get("name").asText(), c.get("score").decimalValue(),
                    c.get("max").decimalValue(), c.get("min").decimalValue()));
        }
        List<ScoreItem> items = new ArrayList<>();
        for (JsonNode i : r.get("items")) {
            List<Evidence> evidence = new ArrayList<>();
            for (JsonNode ev : i.get("evidence")) {
                Map<String, Object> properties = new LinkedHashMap<>();
                JsonNode props = ev.get("properties");
                if (props != null) {
                    props.fields().forEachRemaining(f -> properties.put(f.getKey(), scalar(f.getValue())));
                }
                evidence.add(new Evidence(ev.get("type").asText(), text(ev, "id"), properties));
            }
            String effect = text(i, "effect");
            items.add(new ScoreItem(text(i, "rule"), text(i, "ruleName"), text(i, "category"), ItemKind.valueOf(i.get("kind").asText()),
                    i.get("points").decimalValue(), i.get("reason").asText(), evidence, text(i, "source"), text(i, "grade"),
                    effect == null ? null : VetoEffect.parse(effect)));
        }
        BigDecimal total = r.get("total").decimalValue();
        return new Evaluation(new SubjectRef(subject.get("id").asText(), text(subject, "name")), r.get("base").decimalValue(), total,
                r.has("totalBeforeVeto") ? r.get("totalBeforeVeto").decimalValue() : total, text(r, "grade"),
                r.get("vetoed").asBoolean(), r.has("rank") ? r.get("rank").asInt() : null, categories, items,
                period == null ? null : new Period(text(period, "id"), LocalDate.parse(period.get("start").asText()),
                        LocalDate.parse(period.get("end").asText())));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** An evidence property as {@link #value} wrote it: text, a number, a boolean, null or a list of them. */
    private static Object scalar(JsonNode v) {
        if (v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isArray()) {
            List<Object> list = new ArrayList<>();
            v.forEach(e -> list.add(scalar(e)));
            return list;
        }
        return v.asText();
    }

    private static void evaluation(JsonGenerator g, Evaluation e) throws IOException {
        g.writeStartObject();
        g.writeObjectFieldStart("subject");
        g.writeStringField("id", e.subject().id());
        nullableString(g, "name", e.subject().name());
        g.writeEndObject();
        if (e.period() != null) { // contract §8: only a result scored for a named period carries it
            g.writeObjectFieldStart("period");
            g.writeStringField("id", e.period().id());
            g.writeStringField("start", e.period().start().toString());
            g.writeStringField("end", e.period().end().toString());
            g.writeEndObject();
        }
        number(g, "base", e.base());
        number(g, "total", e.total());
        g.writeFieldName("grade");
        if (e.grade() == null) {
            g.writeNull();
        } else {
            g.writeString(e.grade());
        }
        g.writeBooleanField("vetoed", e.vetoed());
        if (e.vetoed()) {
            number(g, "totalBeforeVeto", e.totalBeforeVeto());
        }
        if (e.rank() != null) {
            g.writeNumberField("rank", e.rank());
        }
        g.writeArrayFieldStart("categories");
        for (CategoryScore c : e.categories()) {
            g.writeStartObject();
            g.writeStringField("id", c.id());
            g.writeStringField("name", c.name());
            number(g, "score", c.score());
            number(g, "max", c.max());
            number(g, "min", c.min());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("items");
        for (ScoreItem i : e.items()) {
            item(g, i);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void item(JsonGenerator g, ScoreItem i) throws IOException {
        g.writeStartObject();
        nullableString(g, "rule", i.rule());
        nullableString(g, "ruleName", i.ruleName());
        nullableString(g, "category", i.category());
        g.writeStringField("kind", i.kind().name());
        number(g, "points", i.points());
        g.writeStringField("reason", i.reason());
        if (i.grade() != null) {
            g.writeStringField("grade", i.grade());
        }
        if (i.effect() != null) {
            g.writeStringField("effect", i.effect().toString());
        }
        g.writeArrayFieldStart("evidence");
        for (Evidence ev : i.evidence()) {
            g.writeStartObject();
            g.writeStringField("type", ev.type());
            if (ev.id() != null) {
                g.writeStringField("id", ev.id());
            } else {
                g.writeObjectFieldStart("properties");
                for (Map.Entry<String, Object> p : ev.properties().entrySet()) {
                    g.writeFieldName(p.getKey());
                    value(g, p.getValue());
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        nullableString(g, "source", i.source());
        g.writeEndObject();
    }

    private static void value(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof BigDecimal d) {
            g.writeNumber(Numbers.plain(d));
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte || v instanceof BigInteger) {
            g.writeNumber(v.toString());
        } else if (v instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isFinite(d)) {
                g.writeNumber(Numbers.plain(new BigDecimal(n.toString())));
            } else {
                g.writeString(n.toString());
            }
        } else if (v instanceof Enum<?> en) {
            g.writeString(en.name());
        } else if (v instanceof TemporalAccessor || v instanceof CharSequence) {
            g.writeString(v.toString());
        } else if (v instanceof Collection<?> c) {
            g.writeStartArray();
            for (Object o : c) {
                value(g, o);
            }
            g.writeEndArray();
        } else {
            g.writeString(v.toString());
        }
    }

    private static void number(JsonGenerator g, String field, BigDecimal n) throws IOException {
        g.writeFieldName(field);
        g.writeNumber(Numbers.plain(n));
    }

    private static void nullableString(JsonGenerator g, String field, String value) throws IOException {
        g.writeFieldName(field);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeString(value);
        }
    }
}
