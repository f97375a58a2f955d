package dev.rubric.testkit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fact's properties as facts JSON would give them (dates as ISO text, enums by constant name), so that a
 * changed copy of the fact can be made with {@link dev.rubric.api.Rubric#newFact}.
 */
final class FactProperties {

    private FactProperties() {
    }

    /** The properties of a record (its components) or a bean (its getters), in declaration order. */
    static Map<String, Object> of(Object fact) {
        Map<String, Object> properties = new LinkedHashMap<>();
        Class<?> c = fact.getClass();
        try {
            if (c.isRecord()) {
                for (RecordComponent rc : c.getRecordComponents()) {
                    properties.put(rc.getName(), json(rc.getAccessor().invoke(fact)));
                }
                return properties;
            }
            for (Method m : c.getMethods()) {
                String n = m.getName();
                if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() == Object.class) {
                    continue;
                }
                String p = n.startsWith("get") && n.length() > 3 ? n.substring(3)
                        : n.startsWith("is") && n.length() > 2 && m.getReturnType() == boolean.class ? n.substring(2) : null;
                if (p != null) {
                    properties.put(Character.toLowerCase(p.charAt(0)) + p.substring(1), json(m.invoke(fact)));
                }
            }
            return properties;
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read the properties of fact [" + fact + "]: " + e.getMessage(), e);
        }
    }

    /** The fact's {@code id} property as text, or null when it has none. */
    static String id(Object fact) {
        Object id = of(fact).get("id");
        return id == null ? null : id.toString();
    }

    private static Object json(Object v) {
        return v instanceof TemporalAccessor || v instanceof Enum<?> ? v.toString() : v;
    }
}
