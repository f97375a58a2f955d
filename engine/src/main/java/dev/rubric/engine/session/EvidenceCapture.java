package dev.rubric.engine.session;

import dev.rubric.api.Evidence;

import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a fact cited as evidence into a reference: its type, its id where it has one, and a snapshot
 * of its properties taken when it was cited (declared facts are mutable; the explanation must show
 * what matched, not what the fact became later).
 */
final class EvidenceCapture {

    private static final ClassValue<List<Method>> ACCESSORS = new ClassValue<>() {
        @Override
        protected List<Method> computeValue(Class<?> type) {
            return accessors(type);
        }
    };

    private EvidenceCapture() {
    }

    static Evidence of(Object fact) {
        Map<String, Object> properties = new LinkedHashMap<>();
        String id = null;
        for (Method m : ACCESSORS.get(fact.getClass())) {
            Object value;
            try {
                value = m.invoke(fact);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue; // a property that cannot be read is left out of the snapshot
            }
            String name = propertyName(m);
            properties.put(name, value);
            if (name.equals("id") && value != null) {
                id = value.toString();
            }
        }
        return new Evidence(fact.getClass().getSimpleName(), id, properties);
    }

    private static String propertyName(Method m) {
        String n = m.getName();
        if (m.getDeclaringClass().isRecord()) {
            return n;
        }
        if (n.startsWith("get") && n.length() > 3) {
            return Introspector.decapitalize(n.substring(3));
        }
        if (n.startsWith("is") && n.length() > 2) {
            return Introspector.decapitalize(n.substring(2));
        }
        return n;
    }

    private static List<Method> accessors(Class<?> type) {
        List<Method> result = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                Method m = c.getAccessor();
                m.trySetAccessible();
                result.add(m);
            }
            return result;
        }
        if (type.isPrimitive() || type.getName().startsWith("java.")) {
            return result;
        }
        try {
            for (PropertyDescriptor p : Introspector.getBeanInfo(type, Object.class).getPropertyDescriptors()) {
                Method m = p.getReadMethod();
                if (m != null && m.getParameterCount() == 0) {
                    m.trySetAccessible();
                    result.add(m);
                }
            }
        } catch (IntrospectionException e) {
            return result;
        }
        return result;
    }
}
