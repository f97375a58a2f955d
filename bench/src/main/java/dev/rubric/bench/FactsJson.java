package dev.rubric.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.rubric.api.Subject;

import java.io.UncheckedIOException;

/** A subject written back as the facts JSON of contract §5, one compact line, for benchmarks that read facts. */
public final class FactsJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private FactsJson() {
    }

    /** The subject as {@code {"id": …, "name": …, "facts": [{"type": …, …}]}} without a line end. */
    public static String line(Subject subject) {
        ObjectNode unit = MAPPER.createObjectNode();
        unit.put("id", subject.id());
        if (subject.name() != null) {
            unit.put("name", subject.name());
        }
        ArrayNode facts = unit.putArray("facts");
        for (Object fact : subject.facts()) {
            ObjectNode f = facts.addObject();
            f.put("type", fact.getClass().getSimpleName());
            f.setAll((ObjectNode) MAPPER.valueToTree(fact));
        }
        try {
            return MAPPER.writeValueAsString(unit);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
