package dev.rubric.rules;

import com.fasterxml.jackson.databind.*;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.rubric.api.*;
import org.junit.jupiter.api.Test;
import java.io.InputStream;
import java.util.*;

class EngineProbeTest {
    @Test
    void probe() throws Exception {
        Rubric rubric = Rubrics.load("classpath:rubrics/party-mass-efficiency");
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        List<Subject> cohort = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/samples/party-mass-2026.json")) {
            for (JsonNode s : json.readTree(in)) {
                List<Object> facts = new ArrayList<>();
                for (JsonNode f : s.get("facts")) {
                    ObjectNode c = ((ObjectNode) f).deepCopy();
                    String type = c.remove("type").asText();
                    facts.add(json.treeToValue(c, Class.forName("dev.rubric.model." + type)));
                }
                cohort.add(new Subject(s.get("id").asText(), s.get("name").asText(), facts));
            }
        }
        CohortResult result = rubric.evaluateCohort(cohort);
        for (Evaluation e : result.results()) {
            System.out.println("RES " + e.rank() + " " + e.subject().id() + " " + e.subject().name() + " " + e.total().toPlainString() + " " + e.grade() + " vetoed=" + e.vetoed());
            for (ScoreItem i : e.items()) {
                if (i.kind() != ItemKind.DEDUCTION && i.kind() != ItemKind.ADDITION)
                    System.out.println("     " + i);
            }
        }
        result.of("D16").get().items().stream().limit(3).forEach(i -> System.out.println("EV " + i));
    }
}
