package dev.rubric.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.rubric.api.InvalidFactsException;
import dev.rubric.api.Problem;
import dev.rubric.api.Rubric;
import dev.rubric.api.Facts;
import dev.rubric.api.Period;
import dev.rubric.api.Subject;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads scenario files. Facts go through the rubric's own facts reader, so a scenario's facts are checked
 * exactly as a facts file is (contract §5); a bad scenario is reported with its file and place.
 */
final class ScenarioReader {

    private static final ObjectMapper YAML = YAMLMapper.builder().build();
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Set<String> KEYS = Set.of("name", "description", "background", "facts", "period", "expect");
    private static final Set<String> EXPECT_KEYS = Set.of("total", "grade", "vetoed", "rank", "items", "absent");

    private ScenarioReader() {
    }

    /** The scenario's name, or its file's base name when it gives none or cannot be read (reading reports that). */
    static String nameOf(String file, byte[] bytes) {
        try {
            JsonNode root = bytes == null ? null : YAML.readTree(bytes);
            if (root != null && root.hasNonNull("name") && !root.get("name").asText().isBlank()) {
                return root.get("name").asText();
            }
        } catch (IOException e) {
            // the run reports the problem with its place
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
        JsonNode root;
        try {
            root = YAML.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw invalid(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), "not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw invalid(file, 0, "cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw invalid(file, 0, "a scenario is a mapping with facts and expect");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw invalid(file, 0, "unknown key [" + key + "]; a scenario has name, description, background, facts, period and expect");
            }
        }
        String name = root.hasNonNull("name") ? root.get("name").asText() : baseName(file);
        JsonNode facts = root.get("facts");
        List<Subject> subjects;
        Period period = null;
        if (root.hasNonNull("period")) {
            try {
                period = Period.parse(root.get("period").asText());
            } catch (IllegalArgumentException e) {
                throw invalid(file, 0, e.getMessage());
            }
        }
        Facts given;
        if (facts == null) {
            throw invalid(file, 0, "the scenario has no facts");
        } else if (facts.isTextual()) {
            String ref = resolve(file, facts.asText());
            byte[] content = read.apply(ref);
            if (content == null) {
                throw invalid(file, 0, "facts file [" + ref + "] does not exist");
            }
            given = rubric.readFacts(new ByteArrayInputStream(content), ref);
        } else {
            try {
                given = rubric.readFacts(new ByteArrayInputStream(JSON.writeValueAsBytes(facts)), file + " facts");
            } catch (JsonProcessingException e) {
                throw invalid(file, 0, "facts cannot be read: " + e.getOriginalMessage());
            }
        }
        subjects = given.subjects();
        if (period != null && given.period() != null && !period.equals(given.period())) {
            throw invalid(file, 0, "period [" + period.id() + "] and the period [" + given.period().id() + "] of its facts differ; give one of them");
        }
        if (period == null) {
            period = given.period();
        }
        JsonNode background = root.get("background");
        if (background != null) {
            subjects = withBackground(rubric, file, background, subjects, read);
        }
        JsonNode expect = root.get("expect");
        Map<String, Scenario.Expectation> expected = new LinkedHashMap<>();
        if (expect == null || !expect.isObject()) {
            throw invalid(file, 0, "the scenario has no expect mapping; say what the rubric should give (total, grade, items, absent)");
        }
        if (subjects.size() == 1 && !expect.has(subjects.get(0).id())) {
            expected.put(subjects.get(0).id(), expectation(file, expect));
        } else {
            for (Subject s : subjects) {
                if (expect.has(s.id())) {
                    expected.put(s.id(), expectation(file, expect.get(s.id())));
                }
            }
            for (Iterator<String> it = expect.fieldNames(); it.hasNext(); ) {
                String id = it.next();
                if (subjects.stream().noneMatch(s -> s.id().equals(id))) {
                    throw invalid(file, 0, "expect names subject [" + id + "], which the facts do not have");
                }
            }
        }
        return new Scenario(file, name, subjects, expected, period);
    }

    /**
     * Each subject with the background's facts before its own. The background is a facts file beside the
     * scenario holding one subject, whose id and name are ignored: only its facts are shared.
     */
    private static List<Subject> withBackground(Rubric rubric, String file, JsonNode background, List<Subject> subjects,
                                                Function<String, byte[]> read) {
        if (!background.isTextual()) {
            throw invalid(file, 0, "background must name a facts file beside the scenario, such as background: well-run.json");
        }
        String ref = resolve(file, background.asText());
        byte[] content = read.apply(ref);
        if (content == null) {
            throw invalid(file, 0, "background file [" + ref + "] does not exist");
        }
        List<Subject> shared = rubric.readFacts(new ByteArrayInputStream(content), ref).subjects();
        if (shared.size() != 1) {
            throw invalid(file, 0, "background file [" + ref + "] must hold one subject, whose facts every subject of the scenario starts from; it holds "
                    + shared.size());
        }
        List<Object> common = shared.get(0).facts();
        return subjects.stream().map(s -> {
            List<Object> facts = new ArrayList<>(common);
            facts.addAll(s.facts());
            return new Subject(s.id(), s.name(), facts);
        }).toList();
    }

    private static Scenario.Expectation expectation(String file, JsonNode e) {
        for (Iterator<String> it = e.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!EXPECT_KEYS.contains(key)) {
                throw invalid(file, 0, "unknown key [" + key + "] under expect; expectations are total, grade, vetoed, rank, items and absent");
            }
        }
        BigDecimal total = e.has("total") ? decimal(file, "total", e.get("total")) : null;
        boolean gradeGiven = e.has("grade");
        String grade = gradeGiven && !e.get("grade").isNull() ? e.get("grade").asText() : null;
        Boolean vetoed = e.has("vetoed") ? e.get("vetoed").asBoolean() : null;
        Integer rank = e.has("rank") ? e.get("rank").asInt() : null;
        Map<String, BigDecimal> items = new LinkedHashMap<>();
        JsonNode itemsNode = e.get("items");
        if (itemsNode != null) {
            if (!itemsNode.isObject()) {
                throw invalid(file, 0, "expect.items must map rule ids to points (or any), such as { A2: -1, A3: any }");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = itemsNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> item = it.next();
                JsonNode v = item.getValue();
                items.put(item.getKey(), v.isNull() || "any".equals(v.asText()) ? null : decimal(file, "items." + item.getKey(), v));
            }
        }
        Set<String> absent = new LinkedHashSet<>();
        JsonNode absentNode = e.get("absent");
        if (absentNode != null) {
            if (!absentNode.isArray()) {
                throw invalid(file, 0, "expect.absent must be a list of rule ids, such as [V1, V2]");
            }
            absentNode.forEach(n -> absent.add(n.asText()));
        }
        return new Scenario.Expectation(total, grade, gradeGiven, vetoed, rank, items, absent);
    }

    private static BigDecimal decimal(String file, String key, JsonNode n) {
        try {
            return new BigDecimal(n.asText());
        } catch (NumberFormatException ex) {
            throw invalid(file, 0, "expect." + key + " must be a number, found [" + n.asText() + "]");
        }
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
