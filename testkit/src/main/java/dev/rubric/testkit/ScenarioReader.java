package dev.rubric.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.rubric.api.Facts;
import dev.rubric.api.InvalidFactsException;
import dev.rubric.api.Period;
import dev.rubric.api.Problem;
import dev.rubric.api.Rubric;
import dev.rubric.api.Subject;
import dev.rubric.engine.internal.manifest.YamlNode;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads scenario files with the engine's YAML reader, so every problem names its line. Facts go through the
 * rubric's own facts reader, so a scenario's facts are checked exactly as a facts file is (contract §5).
 */
final class ScenarioReader {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Set<String> KEYS = Set.of("name", "description", "background", "facts", "period", "expect");
    private static final Set<String> EXPECT_KEYS = Set.of("total", "grade", "vetoed", "rank", "items", "absent");

    private ScenarioReader() {
    }

    /** The scenario's name, or its file's base name when it gives none or cannot be read (reading reports that). */
    static String nameOf(String file, byte[] bytes) {
        if (bytes != null) {
            try {
                if (YamlNode.read(new ByteArrayInputStream(bytes), new ArrayList<>()) instanceof YamlNode.Mapping root
                        && root.entries().get("name") != null && root.entries().get("name").value() instanceof YamlNode.Scalar name
                        && name.value() != null && !name.value().toString().isBlank()) {
                    return text(name);
                }
            } catch (YamlNode.SyntaxError e) {
                // the run reports the problem with its place
            }
        }
        return baseName(file);
    }

    /**
     * Reads one scenario.
     *
     * @param file  the scenario's path in the rubric folder, such as {@code scenarios/late-task.yaml}
     * @param bytes its content
     * @param read  reads another file of the rubric folder by path (for {@code facts: cohort.json}); null when absent
     */
    static Scenario read(Rubric rubric, String file, byte[] bytes, Function<String, byte[]> read) {
        List<YamlNode.Duplicate> duplicates = new ArrayList<>();
        YamlNode document;
        try {
            document = YamlNode.read(new ByteArrayInputStream(bytes), duplicates);
        } catch (YamlNode.SyntaxError e) {
            throw invalid(file, e.line(), e.reason());
        }
        for (YamlNode.Duplicate d : duplicates) {
            throw invalid(file, d.line(), "key [" + d.key() + "] is given twice (first on line " + d.firstLine() + "); keep one");
        }
        if (!(document instanceof YamlNode.Mapping root)) {
            throw invalid(file, document.line(), "a scenario is a mapping with facts and expect, found " + document.kind());
        }
        for (YamlNode.Entry e : root.entries().values()) {
            if (!KEYS.contains(e.key())) {
                throw invalid(file, e.line(), "unknown key [" + e.key() + "]; a scenario has name, description, background, facts, period and expect");
            }
        }
        YamlNode nameNode = value(root, "name");
        String name = isNull(nameNode) ? baseName(file) : text(nameNode);
        Period period = null;
        YamlNode periodNode = value(root, "period");
        if (!isNull(periodNode)) {
            try {
                period = Period.parse(text(periodNode));
            } catch (IllegalArgumentException e) {
                throw invalid(file, periodNode.line(), e.getMessage());
            }
        }
        YamlNode facts = value(root, "facts");
        Facts given;
        if (facts == null) {
            throw invalid(file, root.line(), "the scenario has no facts");
        } else if (facts instanceof YamlNode.Scalar ref && ref.value() instanceof String) {
            String path = resolve(file, text(ref));
            byte[] content = read.apply(path);
            if (content == null) {
                throw invalid(file, ref.line(), "facts file [" + path + "] does not exist");
            }
            given = rubric.readFacts(new ByteArrayInputStream(content), path);
        } else {
            try {
                given = rubric.readFacts(new ByteArrayInputStream(JSON.writeValueAsBytes(plain(facts))), file + " facts");
            } catch (JsonProcessingException e) {
                throw invalid(file, facts.line(), "facts cannot be read: " + e.getOriginalMessage());
            }
        }
        List<Subject> subjects = given.subjects();
        if (period != null && given.period() != null && !period.equals(given.period())) {
            throw invalid(file, periodNode.line(), "period [" + period.id() + "] and the period [" + given.period().id()
                    + "] of its facts differ; give one of them");
        }
        if (period == null) {
            period = given.period();
        }
        YamlNode background = value(root, "background");
        if (background != null) {
            subjects = withBackground(rubric, file, background, subjects, read);
        }
        YamlNode expectNode = value(root, "expect");
        if (!(expectNode instanceof YamlNode.Mapping expect)) {
            throw invalid(file, expectNode == null ? root.line() : expectNode.line(),
                    "the scenario has no expect mapping; say what the rubric should give (total, grade, items, absent)");
        }
        Map<String, Scenario.Expectation> expected = new LinkedHashMap<>();
        if (subjects.size() == 1 && !expect.entries().containsKey(subjects.get(0).id())) {
            expected.put(subjects.get(0).id(), expectation(file, expect));
        } else {
            for (YamlNode.Entry e : expect.entries().values()) {
                if (subjects.stream().noneMatch(s -> s.id().equals(e.key()))) {
                    throw invalid(file, e.line(), "expect names subject [" + e.key() + "], which the facts do not have");
                }
            }
            for (Subject s : subjects) {
                YamlNode.Entry e = expect.entries().get(s.id());
                if (e != null) {
                    if (!(e.value() instanceof YamlNode.Mapping one)) {
                        throw invalid(file, e.value().line(), "expect." + s.id() + " must be a mapping of expectations (total, grade, items, absent), found "
                                + e.value().kind());
                    }
                    expected.put(s.id(), expectation(file, one));
                }
            }
        }
        return new Scenario(file, name, subjects, expected, period);
    }

    /**
     * Each subject with the background's facts before its own. The background is a facts file beside the
     * scenario holding one subject, whose id and name are ignored: only its facts are shared.
     */
    private static List<Subject> withBackground(Rubric rubric, String file, YamlNode background, List<Subject> subjects,
                                                Function<String, byte[]> read) {
        if (!(background instanceof YamlNode.Scalar ref) || !(ref.value() instanceof String)) {
            throw invalid(file, background.line(), "background must name a facts file beside the scenario, such as background: well-run.json");
        }
        String path = resolve(file, text(ref));
        byte[] content = read.apply(path);
        if (content == null) {
            throw invalid(file, ref.line(), "background file [" + path + "] does not exist");
        }
        List<Subject> shared = rubric.readFacts(new ByteArrayInputStream(content), path).subjects();
        if (shared.size() != 1) {
            throw invalid(file, ref.line(), "background file [" + path + "] must hold one subject, whose facts every subject of the scenario starts from; it holds "
                    + shared.size());
        }
        List<Object> common = shared.get(0).facts();
        return subjects.stream().map(s -> {
            List<Object> facts = new ArrayList<>(common);
            facts.addAll(s.facts());
            return new Subject(s.id(), s.name(), facts);
        }).toList();
    }

    private static Scenario.Expectation expectation(String file, YamlNode.Mapping e) {
        for (YamlNode.Entry entry : e.entries().values()) {
            if (!EXPECT_KEYS.contains(entry.key())) {
                throw invalid(file, entry.line(), "unknown key [" + entry.key() + "] under expect; expectations are total, grade, vetoed, rank, items and absent");
            }
        }
        YamlNode totalNode = value(e, "total");
        BigDecimal total = totalNode == null ? null : decimal(file, "total", totalNode);
        boolean gradeGiven = e.entries().containsKey("grade");
        String grade = gradeGiven && !isNull(value(e, "grade")) ? text(value(e, "grade")) : null;
        YamlNode vetoedNode = value(e, "vetoed");
        Boolean vetoed = null;
        if (vetoedNode != null) {
            if (!(vetoedNode instanceof YamlNode.Scalar v) || !(v.value() instanceof Boolean b)) {
                throw invalid(file, vetoedNode.line(), "expect.vetoed must be true or false, found " + vetoedNode.kind());
            }
            vetoed = b;
        }
        YamlNode rankNode = value(e, "rank");
        Integer rank = null;
        if (rankNode != null) {
            BigDecimal r = decimal(file, "rank", rankNode);
            if (r.signum() <= 0 || r.stripTrailingZeros().scale() > 0) {
                throw invalid(file, rankNode.line(), "expect.rank must be a whole number from 1, found [" + dev.rubric.api.Numbers.plain(r) + "]");
            }
            rank = r.intValueExact();
        }
        Map<String, BigDecimal> items = new LinkedHashMap<>();
        YamlNode itemsNode = value(e, "items");
        if (itemsNode != null) {
            if (!(itemsNode instanceof YamlNode.Mapping m)) {
                throw invalid(file, itemsNode.line(), "expect.items must map rule ids to points (or any), such as { A2: -1, A3: any }");
            }
            for (YamlNode.Entry item : m.entries().values()) {
                YamlNode v = item.value();
                items.put(item.key(), isNull(v) || "any".equals(scalarText(v)) ? null : decimal(file, "items." + item.key(), v));
            }
        }
        Set<String> absent = new LinkedHashSet<>();
        YamlNode absentNode = value(e, "absent");
        if (absentNode != null) {
            if (!(absentNode instanceof YamlNode.Sequence list)) {
                throw invalid(file, absentNode.line(), "expect.absent must be a list of rule ids, such as [V1, V2]");
            }
            list.items().forEach(n -> absent.add(scalarText(n)));
        }
        return new Scenario.Expectation(total, grade, gradeGiven, vetoed, rank, items, absent);
    }

    private static BigDecimal decimal(String file, String key, YamlNode n) {
        if (n instanceof YamlNode.Scalar s && s.value() instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof YamlNode.Scalar s && s.value() instanceof String text) {
            try {
                return new BigDecimal(text.strip());
            } catch (NumberFormatException ex) {
                throw invalid(file, n.line(), "expect." + key + " must be a number, found [" + text + "]");
            }
        }
        throw invalid(file, n.line(), "expect." + key + " must be a number, found " + n.kind());
    }

    /** The value under a key of a mapping, or null where the key is absent. */
    private static YamlNode value(YamlNode.Mapping m, String key) {
        YamlNode.Entry e = m.entries().get(key);
        return e == null ? null : e.value();
    }

    private static boolean isNull(YamlNode n) {
        return n == null || n instanceof YamlNode.Scalar s && s.value() == null;
    }

    /** A scalar as text (a number as written); a list or mapping as its kind. */
    private static String text(YamlNode n) {
        String t = scalarText(n);
        return t == null ? n.kind() : t;
    }

    private static String scalarText(YamlNode n) {
        if (n instanceof YamlNode.Scalar s) {
            return s.value() == null ? null : s.value() instanceof BigDecimal d ? d.toPlainString() : s.value().toString();
        }
        return null;
    }

    /** The node as plain values (maps, lists, text, exact numbers, booleans), for the facts reader's JSON. */
    private static Object plain(YamlNode n) {
        if (n instanceof YamlNode.Mapping m) {
            Map<String, Object> map = new LinkedHashMap<>();
            m.entries().values().forEach(e -> map.put(e.key(), plain(e.value())));
            return map;
        }
        if (n instanceof YamlNode.Sequence s) {
            return s.items().stream().map(ScenarioReader::plain).toList();
        }
        return ((YamlNode.Scalar) n).value();
    }

    private static String resolve(String file, String ref) {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? ref : file.substring(0, slash + 1) + ref;
    }

    private static String baseName(String file) {
        String n = file.substring(file.lastIndexOf('/') + 1);
        return n.replaceFirst("\\.ya?ml$", "");
    }

    private static InvalidFactsException invalid(String file, int line, String message) {
        return new InvalidFactsException(file, List.of(Problem.at(file, line, 0, "scenario " + message)));
    }
}
