package dev.rubric.engine.internal.combine;

import dev.rubric.api.Rubric;
import org.kie.api.definition.type.FactType;

import java.util.Map;
import java.util.Objects;

/**
 * A part's rubric as the loader made it, with what a combined rubric needs to read facts for it.
 *
 * @param rubric        the part's loaded rubric; never null
 * @param declaredTypes the types its rule files declare, by simple name; never null
 * @param classLoader   where its fact classes named by fully qualified name are found; never null
 */
public record LoadedPart(Rubric rubric, Map<String, FactType> declaredTypes, ClassLoader classLoader) {
    public LoadedPart {
        Objects.requireNonNull(rubric, "rubric");
        declaredTypes = Map.copyOf(declaredTypes);
        Objects.requireNonNull(classLoader, "classLoader");
    }
}
