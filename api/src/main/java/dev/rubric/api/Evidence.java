package dev.rubric.api;

import java.util.Map;
import java.util.Objects;

/**
 * A reference to a fact that proves an item: its type, its id where it has one, and a snapshot
 * of its properties so an explanation can show what matched.
 *
 * @param type       the fact's simple type name; never null
 * @param id         the fact's id, or null when the fact has none
 * @param properties the fact's properties at the time it was cited, in declaration order; never null, unmodifiable
 */
public record Evidence(String type, String id, Map<String, Object> properties) {

    public Evidence {
        Objects.requireNonNull(type, "type");
        properties = properties == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
    }
}
