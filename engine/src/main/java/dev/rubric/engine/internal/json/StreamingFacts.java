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
            if (p.currentToken() == JsonToken.VALUE_STRING && p.getTextLength() == 10) {
                char[] c = p.getTextCharacters();
                int o = p.getTextOffset();
                if (c[o + 4] == '-' && c[o + 7] == '-') {
                    int year = digits(c, o, 4);
                    int month = digits(c, o + 5, 2);
                    int day = digits(c, o + 8, 2);
                    if (year >= 0 && month >= 0 && day >= 0) {
                        return LocalDate.of(year, month, day);
                    }
                }
            }
            return LocalDateDeserializer.INSTANCE.deserialize(p, ctxt);
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

    /** One fact, at its start: its properties into a buffer, then made by its type. */
    private Object fact(JsonParser p) throws IOException, GiveUp {
        TokenBuffer properties = new TokenBuffer(p, null);
        properties.forceUseOfBigDecimal(true);
        properties.writeStartObject();
        String type = null;
        List<String> names = new ArrayList<>(16);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.equals("type")) {
                if (value != JsonToken.VALUE_STRING) {
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
            case VALUE_NUMBER_FLOAT -> {
                BigDecimal n = p.getDecimalValue(); // 9E+1 is short for few digits, 1E+999999999 for too many: the scale tells
                if (n.precision() - n.scale() > FactReader.MAX_DIGITS || n.scale() > FactReader.MAX_DIGITS) {
                    throw GIVE_UP;
                }
                out.writeNumber(n.signum() == 0 ? BigDecimal.ZERO : n.stripTrailingZeros());
            }
            default -> out.copyCurrentEvent(p);
        }
    }
}
