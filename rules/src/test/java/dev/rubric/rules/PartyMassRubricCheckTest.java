package dev.rubric.rules;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.rubric.api.ScoreSheet;
import org.junit.jupiter.api.Test;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Throwaway check, until the engine lands: compiles the bundled rubric's DRL with plain Drools and
 * runs the sample cohort through it with a crude score sheet (per-rule @max, category clamps,
 * limits, vetoes; no quotas), printing each department's total.
 *
 * <p>Run with {@code mvn -B -f rules/pom.xml test}. Replace with tests on {@code dev.rubric.engine}.
 */
class PartyMassRubricCheckTest {

    private static final Path RUBRIC = Path.of("src/main/resources/rubrics/party-mass-efficiency");
    private static final Map<String, BigDecimal> CATEGORY_MAX = new LinkedHashMap<>();
    static {
        CATEGORY_MAX.put("targets", new BigDecimal("30"));
        CATEGORY_MAX.put("systems", new BigDecimal("15"));
        CATEGORY_MAX.put("service", new BigDecimal("15"));
        CATEGORY_MAX.put("conduct", new BigDecimal("15"));
        CATEGORY_MAX.put("records", new BigDecimal("10"));
        CATEGORY_MAX.put("satisfaction", new BigDecimal("15"));
    }

    @Test
    void drlCompilesAndTheSampleCohortScores() throws Exception {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        try (Stream<Path> files = Files.list(RUBRIC)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".drl")).sorted().toList()) {
                kfs.write("src/main/resources/rubrics/partymass/" + p.getFileName(), Files.readString(p));
            }
        }
        KieBuilder kb = ks.newKieBuilder(kfs).buildAll();
        List<Message> messages = kb.getResults().getMessages();
        messages.forEach(m -> System.out.println("DRL " + m.getLevel() + " " + m.getPath() + ":" + m.getLine() + " " + m.getText()));
        assertThat(kb.getResults().hasMessages(Message.Level.ERROR)).as("DRL errors").isFalse();
        KieContainer kc = ks.newKieContainer(kb.getKieModule().getReleaseId());

        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);
        JsonNode cohort;
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/samples/party-mass-2026.json"))) {
            cohort = json.readTree(in);
        }
        StringBuilder table = new StringBuilder();
        for (JsonNode subject : cohort) {
            List<Object> facts = new ArrayList<>();
            for (JsonNode f : subject.get("facts")) {
                ObjectNode copy = ((ObjectNode) f).deepCopy();
                String type = copy.remove("type").asText();
                facts.add(json.treeToValue(copy, Class.forName("dev.rubric.model." + type)));
            }
            Sheet sheet = new Sheet();
            KieSession session = kc.newKieSession();
            try {
                session.setGlobal("score", sheet);
                session.addEventListener(new DefaultAgendaEventListener() {
                    @Override public void beforeMatchFired(BeforeMatchFiredEvent event) {
                        sheet.current = event.getMatch().getRule();
                    }
                });
                facts.forEach(session::insert);
                session.fireAllRules();
            } finally {
                session.dispose();
            }
            table.append(String.format("%-4s %-8s %s%n", subject.get("id").asText(), subject.get("name").asText(), sheet.summary()));
            sheet.lines.forEach(l -> table.append("       ").append(l).append('\n'));
        }
        System.out.println(table);
    }

    /** Records points per rule, then applies @max, category clamps, limits and vetoes crudely. */
    static final class Sheet implements ScoreSheet {
        Rule current;
        final Map<String, BigDecimal> perRule = new LinkedHashMap<>();
        final Map<String, String> ruleCategory = new LinkedHashMap<>();
        final Map<String, BigDecimal> ruleMax = new LinkedHashMap<>();
        final List<String> lines = new ArrayList<>();
        final List<String> limits = new ArrayList<>();
        final List<String> vetoes = new ArrayList<>();

        private void record(BigDecimal signed, String reason) {
            String id = (String) current.getMetaData().get("id");
            ruleCategory.put(id, (String) current.getMetaData().get("category"));
            Object max = current.getMetaData().get("max");
            if (max != null) {
                ruleMax.put(id, new BigDecimal(max.toString()));
            }
            perRule.merge(id, signed, BigDecimal::add);
            lines.add(id + " " + signed.toPlainString() + " " + reason);
        }

        @Override public void deduct(Number points, String reason, Object... evidence) {
            record(new BigDecimal(points.toString()).negate(), reason);
        }

        @Override public void add(Number points, String reason, Object... evidence) {
            record(new BigDecimal(points.toString()), reason);
        }

        @Override public void veto(String reason, Object... evidence) {
            vetoes.add(reason);
            lines.add(current.getMetaData().get("id") + " VETO " + reason);
        }

        @Override public void limitGrade(String grade, String reason, Object... evidence) {
            limits.add(grade);
            lines.add(current.getMetaData().get("id") + " LIMIT " + grade + " " + reason);
        }

        String summary() {
            Map<String, BigDecimal> category = new LinkedHashMap<>(CATEGORY_MAX);
            category.put("bonus", BigDecimal.ZERO);
            perRule.forEach((id, pts) -> {
                BigDecimal max = ruleMax.get(id);
                if (max != null && pts.abs().compareTo(max) > 0) {
                    pts = max.multiply(BigDecimal.valueOf(pts.signum()));
                }
                category.merge(ruleCategory.get(id), pts, BigDecimal::add);
            });
            category.replaceAll((c, s) -> c.equals("bonus") ? s.min(new BigDecimal("5")) : s.max(BigDecimal.ZERO));
            BigDecimal total = category.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            String grade = total.compareTo(new BigDecimal("90")) >= 0 ? "优秀"
                    : total.compareTo(new BigDecimal("80")) >= 0 ? "良好"
                    : total.compareTo(new BigDecimal("60")) >= 0 ? "合格" : "不合格";
            if (grade.equals("优秀") && limits.contains("良好")) {
                grade = "良好*";
            }
            if (!vetoes.isEmpty()) {
                grade = "不合格(否决)";
            }
            StringBuilder b = new StringBuilder();
            category.forEach((c, s) -> b.append(c).append('=').append(s.stripTrailingZeros().toPlainString()).append(' '));
            return String.format("total=%-7s %-8s %s", total.stripTrailingZeros().toPlainString(), grade, b);
        }
    }
}
