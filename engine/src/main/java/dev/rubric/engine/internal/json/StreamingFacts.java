package dev.rubric.engine.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.rubric.api.Facts;
import dev.rubric.api.Period;
import dev.rubric.api.Problem;
import dev.rubric.api.Subject;
import org.kie.api.definition.type.FactField;
import org.kie.api.definition.type.FactType;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Facts JSON read in one pass of Jackson's streaming parser straight into facts, with no tree: each fact's properties
 * go into a token buffer as they are parsed (checking names and numbers on the way) and its class's reader makes the
 * fact from that buffer.
 *
 * <p>Design notes. This is the fast path of {@link FactReader}, for facts that are right. It gives up
 * ({@link #read} returns null) at the first thing that is not, and {@link FactReader} then reads the same bytes
 * through a tree to word every problem of the file with its JSON pointer or line, as it always has. So a valid file
 * costs one streaming pass, and the messages for an invalid one stay those of the one careful reader; the fast path
 * only has to accept nothing the careful one refuses and to make the same facts from what it accepts (tested by
 * {@code StreamingFactsTest}). Numbers are made as the tree makes them: decimals exact, without trailing zeros.
 */
final class StreamingFacts {

    /** Why the fast path gave up; never seen outside this class. */
    private static final class GiveUp extends Exception {
        GiveUp() {
            super(null, null, false, false);
        }
    }

    private static final GiveUp GIVE_UP = new GiveUp();

    /** The facts reader's mapper with a quicker reader of ISO dates. */
    private static final ObjectMapper MAPPER = FactReader.MAPPER.copy()
            .registerModule(new SimpleModule("iso-dates").addDeserializer(LocalDate.class, new IsoDate()));

    /** A reader per class that reads one value from a parser in the middle of a stream (no check for what follows). */
    private static final ClassValue<ObjectReader> VALUE_READERS = new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> type) {
            return MAPPER.readerFor(type).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        }
    };

    /**
     * A date written {@code yyyy-MM-dd} made without a formatter (which took a fifth of reading a department's facts);
     * anything else as Jackson's own reader of dates makes it. A day that does not exist fails either way.
     */
    private static final class IsoDate extends StdScalarDeserializer<LocalDate> {
        IsoDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            LocalDate date = p.currentToken() == JsonToken.VALUE_STRING ? iso(p) : null;
            return date != null ? date : LocalDateDeserializer.INSTANCE.deserialize(p, ctxt);
        }

        /** The date a string {@code yyyy-MM-dd} at the parser writes, or null for any other string. */
        static LocalDate iso(JsonParser p) throws IOException {
            if (p.getTextLength() == 10) {
                char[] c = p.getTextCharacters();
                int o = p.getTextOffset();
                if (c[o + 4] == '-' && c[o + 7] == '-') {
                    int year = digits(c, o, 4);
                    int month = digits(c, o + 5, 2);
                    int day = digits(c, o + 8, 2);
                    if (year >= 0 && month >= 0 && day >= 0) {
                        return LocalDate.of(year, month, day); // a day that does not exist throws, as Jackson's reader does
                    }
                }
            }
            return null;
        }

        /** The number the ASCII digits at {@code c[from..from+n)} write, or -1 when one is not a digit. */
        private static int digits(char[] c, int from, int n) {
            int value = 0;
            for (int i = from; i < from + n; i++) {
                if (c[i] < '0' || c[i] > '9') {
                    return -1;
                }
                value = value * 10 + (c[i] - '0');
            }
            return value;
        }
    }

    /** The names of a record's components: a record's facts may have no other properties. */
    private static final ClassValue<Set<String>> RECORD_PROPERTIES = new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> type) {
            Set<String> names = new HashSet<>();
            for (java.lang.reflect.RecordComponent c : type.getRecordComponents()) {
                names.add(c.getName());
            }
            return names;
        }
    };

    private final Map<String, FactType> declaredTypes;
    private final Function<String, Class<?>> classFor;
    private final Map<FactType, Map<String, FactField>> declaredFields = new HashMap<>();

    StreamingFacts(Map<String, FactType> declaredTypes, Function<String, Class<?>> classFor) {
        this.declaredTypes = declaredTypes;
        this.classFor = classFor;
    }

    /** The facts of a valid file, or null when the file has anything the careful reader would refuse or word. */
    Facts read(byte[] json, int offset, int length) {
        try (JsonParser p = MAPPER.createParser(json, offset, length)) {
            JsonToken first = p.nextToken();
            Facts facts;
            if (first == JsonToken.START_ARRAY) {
                facts = new Facts(cohort(p), true, null);
            } else if (first == JsonToken.START_OBJECT) {
                facts = object(p);
            } else {
                return null;
            }
            return p.nextToken() == null ? facts : null; // anything after the value: the careful reader names it
        } catch (GiveUp | IOException | RuntimeException e) {
            return null; // the careful reader reads the same bytes again and words the problem
        }
    }

    /** The top-level object: one subject, or a period around the subjects (contract §8). */
    private Facts object(JsonParser p) throws IOException, GiveUp {
        String id = null;
        String name = null;
        boolean named = false;
        List<Object> facts = null;
        List<Subject> subjects = null;
        JsonNode period = null;
        boolean subjectKeys = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            switch (key) {
                case "id" -> {
                    id = text(p);
                    subjectKeys = true;
                }
                case "name" -> {
                    name = nullableText(p);
                    named = true;
                }
                case "facts" -> {
                    facts = facts(p);
                    subjectKeys = true;
                }
                case "subjects" -> {
                    if (p.currentToken() != JsonToken.START_ARRAY) {
                        throw GIVE_UP;
                    }
                    subjects = cohort(p);
                }
                case "period" -> period = VALUE_READERS.get(JsonNode.class).readTree(p); // three small values
                default -> throw GIVE_UP;
            }
        }
        if (subjects != null || period != null) {
            if (subjectKeys || named || subjects == null) {
                throw GIVE_UP;
            }
            List<Problem> problems = new ArrayList<>();
            Period read = FactReader.period(period, "", problems);
            if (!problems.isEmpty()) {
                throw GIVE_UP;
            }
            return new Facts(subjects, true, read);
        }
        if (id == null || facts == null) {
            throw GIVE_UP;
        }
        return new Facts(List.of(new Subject(id, name, facts)), false, null);
    }

    /** An array of subjects, at its start; unique ids, at least one. */
    private List<Subject> cohort(JsonParser p) throws IOException, GiveUp {
        List<Subject> subjects = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            Subject s = subject(p);
            if (!ids.add(s.id())) {
                throw GIVE_UP;
            }
            subjects.add(s);
        }
        if (p.currentToken() != JsonToken.END_ARRAY || subjects.isEmpty()) {
            throw GIVE_UP;
        }
        return subjects;
    }

    /** One subject, at its start. */
    private Subject subject(JsonParser p) throws IOException, GiveUp {
        String id = null;
        String name = null;
        List<Object> facts = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            switch (key) {
                case "id" -> id = text(p);
                case "name" -> name = nullableText(p);
                case "facts" -> facts = facts(p);
                default -> throw GIVE_UP;
            }
        }
        if (id == null || facts == null) {
            throw GIVE_UP;
        }
        return new Subject(id, name, facts);
    }

    private static String text(JsonParser p) throws IOException, GiveUp {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw GIVE_UP;
        }
        String text = p.getText();
        if (text.isBlank()) {
            throw GIVE_UP;
        }
        return text;
    }

    private static String nullableText(JsonParser p) throws IOException, GiveUp {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw GIVE_UP;
        }
        return p.getText();
    }

    /** A subject's facts, at the array's start. */
    private List<Object> facts(JsonParser p) throws IOException, GiveUp {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw GIVE_UP;
        }
        List<Object> facts = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            facts.add(fact(p));
        }
        if (p.currentToken() != JsonToken.END_ARRAY) {
            throw GIVE_UP;
        }
        return facts;
    }

    /**
     * One fact, at its start. A fact of the fact model whose {@code type} comes first is made straight from the parser
     * ({@link ModelRecord}); any other, its properties into a buffer, then made by its type.
     */
    private Object fact(JsonParser p) throws IOException, GiveUp {
        JsonToken first = p.nextToken();
        if (first == JsonToken.FIELD_NAME && p.currentName().equals("type")) {
            if (p.nextToken() != JsonToken.VALUE_STRING) {
                throw GIVE_UP;
            }
            String type = p.getText();
            if (!declaredTypes.containsKey(type)) {
                Class<?> cls = classFor.apply(type);
                if (cls == null) {
                    throw GIVE_UP;
                }
                ModelRecord direct = MODEL_RECORDS.get(cls);
                if (direct != null) {
                    return direct.read(p);
                }
            }
            return buffered(p, p.nextToken(), type);
        }
        return buffered(p, first, null);
    }

    /** The rest of a fact, at {@code token}: its properties into a buffer, then made by its type. */
    private Object buffered(JsonParser p, JsonToken token, String typeRead) throws IOException, GiveUp {
        TokenBuffer properties = new TokenBuffer(p, null);
        properties.forceUseOfBigDecimal(true);
        properties.writeStartObject();
        String type = typeRead;
        List<String> names = new ArrayList<>(16);
        for (; token == JsonToken.FIELD_NAME; token = p.nextToken()) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.equals("type")) {
                if (value != JsonToken.VALUE_STRING || type != null) {
                    throw GIVE_UP;
                }
                type = p.getText();
                continue;
            }
            names.add(name);
            properties.writeFieldName(name);
            copy(p, properties);
        }
        properties.writeEndObject();
        if (type == null) {
            throw GIVE_UP;
        }
        FactType declared = declaredTypes.get(type);
        if (declared != null) {
            return declared(declared, properties);
        }
        Class<?> cls = classFor.apply(type);
        if (cls == null) {
            throw GIVE_UP;
        }
        if (cls.isRecord() && !RECORD_PROPERTIES.get(cls).containsAll(names)) {
            throw GIVE_UP;
        }
        try (JsonParser buffered = properties.asParser(p.getCodec())) {
            buffered.nextToken();
            return VALUE_READERS.get(cls).readValue(buffered);
        }
    }

    /** A fact of a type the rubric declares, property by property. */
    private Object declared(FactType type, TokenBuffer properties) throws IOException, GiveUp {
        Object fact;
        try {
            fact = type.newInstance();
        } catch (InstantiationException | IllegalAccessException e) {
            throw GIVE_UP;
        }
        Map<String, FactField> fields = declaredFields.computeIfAbsent(type, t -> {
            Map<String, FactField> byName = new HashMap<>();
            for (FactField f : t.getFields()) {
                byName.put(f.getName(), f);
            }
            return byName;
        });
        try (JsonParser p = properties.asParser(MAPPER)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                FactField field = fields.get(p.currentName());
                if (field == null) {
                    throw GIVE_UP;
                }
                if (p.nextToken() == JsonToken.VALUE_NULL) {
                    if (field.getType().isPrimitive()) {
                        throw GIVE_UP;
                    }
                    continue;
                }
                type.set(fact, field.getName(), VALUE_READERS.get(field.getType()).readValue(p));
            }
        }
        return fact;
    }

    /** How each record of the fact model is made straight from the parser, or null for one that cannot be. */
    private static final ClassValue<ModelRecord> MODEL_RECORDS = new ClassValue<>() {
        @Override
        protected ModelRecord computeValue(Class<?> type) {
            return ModelRecord.of(type);
        }
    };

    /**
     * A record of the fact model made straight from the parser: each property read as the mapper would read it for its
     * component's type (text, a whole number, true or false, a date, an exact decimal, an enum constant by name),
     * then the record's constructor called once. Anything else (another shape of value, a property twice or unknown, a
     * whole number missing, a constructor that refuses) gives up, and the careful reader words it.
     */
    private static final class ModelRecord {
        private enum Kind { TEXT, INT, BOXED_INT, BOOLEAN, BOXED_BOOLEAN, DATE, DECIMAL, ENUM }

        private final Map<String, Integer> index;
        private final Kind[] kinds;
        private final Class<?>[] types;
        private final java.lang.invoke.MethodHandle constructor;

        private ModelRecord(Map<String, Integer> index, Kind[] kinds, Class<?>[] types, java.lang.invoke.MethodHandle constructor) {
            this.index = index;
            this.kinds = kinds;
            this.types = types;
            this.constructor = constructor;
        }

        static ModelRecord of(Class<?> type) {
            if (!type.isRecord() || !type.getName().startsWith(FactReader.MODEL_PACKAGE)) {
                return null;
            }
            java.lang.reflect.RecordComponent[] components = type.getRecordComponents();
            Map<String, Integer> index = new HashMap<>();
            Kind[] kinds = new Kind[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                Class<?> t = components[i].getType();
                Kind kind = t == String.class ? Kind.TEXT : t == int.class ? Kind.INT : t == Integer.class ? Kind.BOXED_INT
                        : t == boolean.class ? Kind.BOOLEAN : t == Boolean.class ? Kind.BOXED_BOOLEAN : t == LocalDate.class ? Kind.DATE
                        : t == BigDecimal.class ? Kind.DECIMAL : t.isEnum() ? Kind.ENUM : null;
                if (kind == null) {
                    return null; // a list or another record: the buffered way
                }
                index.put(components[i].getName(), i);
                kinds[i] = kind;
                types[i] = t;
            }
            try {
                java.lang.invoke.MethodHandle constructor = java.lang.invoke.MethodHandles.publicLookup()
                        .findConstructor(type, java.lang.invoke.MethodType.methodType(void.class, types))
                        .asSpreader(Object[].class, components.length)
                        .asType(java.lang.invoke.MethodType.methodType(Object.class, Object[].class));
                return new ModelRecord(Map.copyOf(index), kinds, types, constructor);
            } catch (ReflectiveOperationException e) {
                return null;
            }
        }

        /** The fact, from the parser at its {@code type} value to its end. */
        Object read(JsonParser p) throws IOException, GiveUp {
            Object[] values = new Object[kinds.length];
            boolean[] seen = new boolean[kinds.length];
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                Integer at = index.get(p.currentName());
                if (at == null || seen[at]) {
                    throw GIVE_UP;
                }
                seen[at] = true;
                values[at] = value(p, p.nextToken(), kinds[at], types[at]);
            }
            for (int i = 0; i < kinds.length; i++) {
                if (!seen[i] && (kinds[i] == Kind.INT || kinds[i] == Kind.BOOLEAN)) {
                    throw GIVE_UP;
                }
            }
            try {
                return constructor.invokeExact(values);
            } catch (RuntimeException e) {
                throw GIVE_UP;
            } catch (Error e) {
                throw e;
            } catch (Throwable e) {
                throw GIVE_UP;
            }
        }

        private static Object value(JsonParser p, JsonToken token, Kind kind, Class<?> type) throws IOException, GiveUp {
            if (token == JsonToken.VALUE_NULL) {
                if (kind == Kind.INT || kind == Kind.BOOLEAN) {
                    throw GIVE_UP;
                }
                return null;
            }
            switch (kind) {
                case TEXT -> {
                    if (token == JsonToken.VALUE_STRING) {
                        return p.getText();
                    }
                }
                case INT, BOXED_INT -> {
                    if (token == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
                        return p.getIntValue();
                    }
                }
                case BOOLEAN, BOXED_BOOLEAN -> {
                    if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
                        return token == JsonToken.VALUE_TRUE;
                    }
                }
                case DATE -> {
                    LocalDate date = token == JsonToken.VALUE_STRING ? IsoDate.iso(p) : null;
                    return date != null ? date : VALUE_READERS.get(LocalDate.class).readValue(p); // as the mapper reads any other
                }
                case DECIMAL -> {
                    if (token == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                        return BigDecimal.valueOf(p.getLongValue());
                    }
                    if (token == JsonToken.VALUE_NUMBER_FLOAT) {
                        return exact(p);
                    }
                }
                case ENUM -> {
                    if (token == JsonToken.VALUE_STRING) {
                        for (Object constant : type.getEnumConstants()) {
                            if (((Enum<?>) constant).name().equals(p.getText())) {
                                return constant;
                            }
                        }
                    }
                }
            }
            throw GIVE_UP;
        }
    }

    /** A decimal as the tree holds it (exact, trailing zeros stripped); one with more digits than a fact may have gives up. */
    private static BigDecimal exact(JsonParser p) throws IOException, GiveUp {
        BigDecimal n = p.getDecimalValue(); // 9E+1 is short for few digits, 1E+999999999 for too many: the scale tells
        if (n.precision() - n.scale() > FactReader.MAX_DIGITS || n.scale() > FactReader.MAX_DIGITS) {
            throw GIVE_UP;
        }
        return n.signum() == 0 ? BigDecimal.ZERO : n.stripTrailingZeros();
    }

    /**
     * Copies the value at the parser's current token into the buffer. A decimal is written as the tree holds it (exact,
     * trailing zeros stripped); one with more digits than a fact may have is left to the careful reader to name.
     */
    private static void copy(JsonParser p, TokenBuffer out) throws IOException, GiveUp {
        switch (p.currentToken()) {
            case START_OBJECT -> {
                out.writeStartObject();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    out.writeFieldName(p.currentName());
                    p.nextToken();
                    copy(p, out);
                }
                out.writeEndObject();
            }
            case START_ARRAY -> {
                out.writeStartArray();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    copy(p, out);
                }
                out.writeEndArray();
            }
            case VALUE_NUMBER_FLOAT -> out.writeNumber(exact(p));
            default -> out.copyCurrentEvent(p);
        }
    }
}
