package dev.rubric.engine.internal.session;

import dev.rubric.api.Evidence;
import dev.rubric.engine.internal.compile.FactModel;

import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a fact cited as evidence into a reference: its type, its id where it has one, and a snapshot
 * of its properties taken when it was cited (declared facts are mutable; the explanation must show
 * what matched, not what the fact became later).
 *
 * <p>Every item of every evaluation cites facts, so the per-class work (finding the accessors, naming the
 * properties, making method handles) is done once per class and kept; a capture is then one handle call
 * per property.
 */
final class EvidenceCapture {

    private static final ClassValue<Property[]> PROPERTIES = new ClassValue<>() {
        @Override
        protected Property[] computeValue(Class<?> type) {
            return properties(type);
        }
    };

    private static final ClassValue<Boolean> MODEL_RECORD = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return FactModel.ownRecord(type);
        }
    };

    /** One readable property of a class: its name and a getter handle typed {@code (Object)Object}. */
    private record Property(String name, MethodHandle getter, boolean isId) {
    }

    private EvidenceCapture() {
    }

    static Evidence of(Object fact) {
        if (fact instanceof Record r && MODEL_RECORD.get(fact.getClass())) {
            return Evidence.ofModelFact(r); // final components, read when the explanation is read
        }
        Property[] properties = PROPERTIES.get(fact.getClass());
        String[] names = new String[properties.length];
        Object[] values = new Object[properties.length];
        int read = 0;
        String id = null;
        for (Property p : properties) {
            Object value;
            try {
                value = p.getter.invokeExact(fact);
            } catch (Throwable e) {
                continue; // a property that cannot be read is left out of the snapshot
            }
            names[read] = p.name;
            values[read++] = value;
            if (p.isId && value != null) {
                id = value.toString();
            }
        }
        // two array copies, no map of entries
        return Evidence.of(fact.getClass().getSimpleName(), id, names, values, read);
    }

    private static Property[] properties(Class<?> type) {
        List<Property> result = new ArrayList<>();
        for (Method m : accessors(type)) {
            MethodHandle getter;
            try {
                getter = MethodHandles.lookup().unreflect(m).asType(MethodType.methodType(Object.class, Object.class));
            } catch (IllegalAccessException | RuntimeException e) {
                continue; // not readable from here: left out of every snapshot
            }
            String name = propertyName(m);
            result.add(new Property(name, getter, name.equals("id")));
        }
        return result.toArray(new Property[0]);
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
