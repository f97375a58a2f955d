package dev.rubric.engine.internal.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.rubric.api.Facts;
import dev.rubric.api.InvalidFactsException;
import dev.rubric.api.Period;
import dev.rubric.api.Problem;
import dev.rubric.api.Subject;
import dev.rubric.engine.internal.text.Spelling;
import org.kie.api.definition.type.FactField;
import org.kie.api.definition.type.FactType;

import java.io.IOException;
import java.io.InputStream;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads facts JSON (contract §5) into subjects, strictly: an unknown type, an unknown property or an
 * ill-typed value is a problem named by its JSON pointer, every problem of the file is reported, and
 * nothing is returned from a file that has one.
 *
 * <p>A fact's {@code type} is looked up as a type declared in the rubric's DRL, then as a class of the
 * department fact model ({@code dev.rubric.model}), then as a fully qualified class name.
 */
public final class FactReader {

    /** Where the department fact model's classes live. */
    public static final String MODEL_PACKAGE = "dev.rubric.model.";

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            // a number or boolean where text belongs is ill-typed, as text where a number belongs is
            .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    /**
     * The most digits a fact's number may have before, and after, the decimal point. A short literal such as
     * {@code 1e999999999} stands for a billion digits; one sum with it would take the evaluation's memory and time.
     */
    static final int MAX_DIGITS = 1000;

    private static final Set<String> SUBJECT_KEYS = Set.of("id", "name", "facts");
    private static final Set<String> PERIOD_FILE_KEYS = Set.of("period", "subjects");
    private static final Set<String> PERIOD_KEYS = Set.of("id", "start", "end");

    private final Map<String, FactType> declaredTypes;
    private final ClassLoader classLoader;
    private final boolean anyClass;
    /** Which fully qualified classes a restricted rubric's facts may name besides the fact model: the application's own the load options allow. */
    private final java.util.function.Predicate<String> allowedClass;
    private final Map<String, Class<?>> classes = new HashMap<>();
    /** The one-pass reader of facts that are right; this class words the problems of the rest. */
    private final StreamingFacts streaming;
    /** A reader per fact class, made once: resolving a class's deserializer per fact costs more than reading it. */
    private static final ClassValue<com.fasterxml.jackson.databind.ObjectReader> READERS = new ClassValue<>() {
        @Override
        protected com.fasterxml.jackson.databind.ObjectReader computeValue(Class<?> type) {
            return MAPPER.readerFor(type);
        }
    };

    /**
     * @param declaredTypes the rubric's declared types by simple name; never null
     * @param classLoader   where model and fully qualified classes are found; never null
     * @param anyClass      whether a fact may name any class by its fully qualified name; when false (restricted
     *                      rubrics) only the department fact model and the rubric's declared types are accepted,
     *                      so a facts file cannot make the reader build objects of arbitrary classes
     */
    public FactReader(Map<String, FactType> declaredTypes, ClassLoader classLoader, boolean anyClass) {
        this(declaredTypes, classLoader, anyClass, name -> false);
    }

    /**
     * A reader for a rubric loaded with the given options: any class when trusted, else the fact model, the declared
     * types and the application's classes the options allow ({@link dev.rubric.api.LoadOptions#allows}).
     *
     * @param declaredTypes the rubric's declared types by simple name; never null
     * @param classLoader   where model and fully qualified classes are found; never null
     * @param options       the rubric's load options; never null
     */
    public FactReader(Map<String, FactType> declaredTypes, ClassLoader classLoader, dev.rubric.api.LoadOptions options) {
        this(declaredTypes, classLoader, options.trusted(), options::allows);
    }

    private FactReader(Map<String, FactType> declaredTypes, ClassLoader classLoader, boolean anyClass,
                       java.util.function.Predicate<String> allowedClass) {
        this.declaredTypes = declaredTypes;
        this.classLoader = classLoader;
        this.anyClass = anyClass;
        this.allowedClass = allowedClass;
        this.streaming = new StreamingFacts(declaredTypes, this::classFor);
    }

    /**
     * Reads one subject, an array of subjects, or {@code {"period": …, "subjects": […]}} (contract §5 and §8); the
     * result says which ({@link Facts#cohort()}).
     */
    public Facts read(InputStream json, String source) {
        byte[] bytes;
        try {
            bytes = json.readAllBytes();
        } catch (IOException e) {
            throw new InvalidFactsException(source, List.of(new Problem(source, 0, 0, null, "the facts cannot be read: " + e.getMessage())));
        }
        return read(bytes, 0, bytes.length, source);
    }

    /**
     * Reads facts JSON from part of an array, as {@link #read(InputStream, String)} does: in one streaming pass when the
     * facts are right, and through a tree that words every problem when they are not.
     */
    public Facts read(byte[] json, int offset, int length, String source) {
        Facts facts = streaming.read(json, offset, length);
        return facts != null ? facts : readCarefully(json, offset, length, source);
    }

    /** The streaming fast path, for its tests. */
    StreamingFacts streaming() {
        return streaming;
    }

    /** Reads facts through a tree, naming every problem of the file; what {@link #read} falls back on. */
    Facts readCarefully(byte[] json, int offset, int length, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json, offset, length);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String message = e.getOriginalMessage().replaceAll("\\s*\\n.*", "").replaceAll(",? from `StreamReadConstraints[^`]*`", "")
                    .replaceAll("\\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]", "line $1, column $2");
            throw new InvalidFactsException(source, List.of(Problem.at(source, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    message.startsWith("Invalid UTF-8") ? "the facts are not UTF-8 text (" + message + "); save the file as UTF-8"
                            : "the facts are not valid JSON: " + message)));
        } catch (IOException e) {
            throw new InvalidFactsException(source, List.of(new Problem(source, 0, 0, null, "the facts cannot be read: " + e.getMessage())));
        }
        List<Problem> problems = new ArrayList<>();
        List<Subject> subjects = new ArrayList<>();
        Period period = null;
        String base = "";
        boolean cohort = root != null && root.isArray();
        if (root != null && root.isObject() && (root.has("subjects") || root.has("period"))) {
            // contract §8: a period around the subjects
            for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!PERIOD_FILE_KEYS.contains(key)) {
                    problems.add(Problem.atPointer(source, "/" + escape(key), "unknown key [" + key + "] of a facts file with a period"
                            + Spelling.didYouMean(key, PERIOD_FILE_KEYS) + "; it has period and subjects"));
                }
            }
            period = period(root.get("period"), source, problems);
            root = root.get("subjects");
            base = "/subjects";
            cohort = true;
            if (root == null || !root.isArray()) {
                problems.add(Problem.atPointer(source, base, "subjects must be an array of subjects [{\"id\": …, \"facts\": […]}], found " + kind(root)));
                throw new InvalidFactsException(source, problems);
            }
        }
        if (root == null || root.isMissingNode()) {
            problems.add(Problem.atPointer(source, "", "the file is empty; give one subject {\"id\": …, \"facts\": […]} or an array of them"));
        } else if (root.isArray()) {
            if (root.isEmpty()) {
                problems.add(Problem.atPointer(source, base, "the cohort is empty; give at least one subject"));
            }
            Map<String, String> ids = new HashMap<>();
            for (int i = 0; i < root.size(); i++) {
                Subject s = subject(root.get(i), base + "/" + i, source, problems);
                if (s != null) {
                    String first = ids.putIfAbsent(s.id(), base + "/" + i);
                    if (first != null) {
                        problems.add(Problem.atPointer(source, base + "/" + i + "/id", "subject id [" + s.id() + "] is used twice (first at " + first
                                + "); subject ids must be unique in a cohort"));
                    }
                    subjects.add(s);
                }
            }
        } else {
            Subject s = subject(root, "", source, problems);
            if (s != null) {
                subjects.add(s);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFactsException(source, problems);
        }
        return new Facts(subjects, cohort, period);
    }

    /** The period of a facts file: {@code {"id", "start", "end"}}, or text as {@code --period} takes it. */
    static Period period(JsonNode node, String source, List<Problem> problems) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            try {
                return Period.parse(node.asText());
            } catch (IllegalArgumentException e) {
                problems.add(Problem.atPointer(source, "/period", e.getMessage()));
                return null;
            }
        }
        if (!node.isObject()) {
            problems.add(Problem.atPointer(source, "/period", "a period is {\"id\": \"2026\", \"start\": \"2026-01-01\", \"end\": \"2026-12-31\"} or text such as \"2026-Q3\"; found "
                    + kind(node)));
            return null;
        }
        int before = problems.size();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!PERIOD_KEYS.contains(key)) {
                problems.add(Problem.atPointer(source, "/period/" + escape(key), "unknown key [" + key + "] of a period"
                        + Spelling.didYouMean(key, PERIOD_KEYS) + "; a period has id, start and end"));
            }
        }
        JsonNode id = node.get("id");
        if (id != null && !id.isNull() && (!id.isTextual() || id.asText().isBlank())) {
            problems.add(Problem.atPointer(source, "/period/id", "a period's id is text, such as \"2026\" or \"2026-Q3\"; found " + kind(id)));
        }
        java.time.LocalDate start = day(node.get("start"), "/period/start", source, problems);
        java.time.LocalDate end = day(node.get("end"), "/period/end", source, problems);
        if (problems.size() > before) {
            return null;
        }
        if (end.isBefore(start)) {
            problems.add(Problem.atPointer(source, "/period/end", "the period ends [" + end + "] before it starts [" + start + "]"));
            return null;
        }
        return new Period(id == null || id.isNull() ? start + ".." + end : id.asText(), start, end);
    }

    private static java.time.LocalDate day(JsonNode node, String at, String source, List<Problem> problems) {
        if (node == null || !node.isTextual()) {
            problems.add(Problem.atPointer(source, at, "a period needs its first and last day (start, end) as ISO dates such as \"2026-01-01\"; found "
                    + kind(node)));
            return null;
        }
        try {
            return java.time.LocalDate.parse(node.asText());
        } catch (java.time.format.DateTimeParseException e) {
            problems.add(Problem.atPointer(source, at, "[" + node.asText() + "] is not a day written as an ISO date such as \"2026-01-01\""));
            return null;
        }
    }

    /**
     * Makes one fact from a type name and property values given in Java. Unlike a facts file, where text in place
     * of a number is ill-typed, a numeric property may be given as a {@code BigDecimal}, any other number or a
     * numeric string ({@code "5.01"}) alike: one way to write a number in Java code.
     */
    public Object fact(String type, Map<String, ?> properties, String source) {
        List<Problem> problems = new ArrayList<>();
        ObjectNode node = MAPPER.valueToTree(properties);
        numbersFromText(type, node);
        Object fact = fact(type, node, "", source, problems);
        if (!problems.isEmpty()) {
            throw new InvalidFactsException(source, problems);
        }
        return fact;
    }

    /** Turns numeric strings into numbers where the property is a number; any other text is left for the usual checks. */
    private void numbersFromText(String type, ObjectNode node) {
        FactType declared = declaredTypes.get(type);
        Class<?> cls = declared == null ? classFor(type) : null;
        Map<String, Class<?>> types = new HashMap<>();
        if (declared != null) {
            declared.getFields().forEach(f -> types.put(f.getName(), f.getType()));
        } else if (cls != null) {
            MAPPER.getDeserializationConfig().introspect(MAPPER.constructType(cls)).findProperties()
                    .forEach(p -> types.put(p.getName(), p.getRawPrimaryType()));
        }
        for (Map.Entry<String, Class<?>> e : types.entrySet()) {
            JsonNode value = node.get(e.getKey());
            Class<?> t = e.getValue();
            boolean numeric = t != null && (Number.class.isAssignableFrom(t) || t.isPrimitive() && t != boolean.class && t != char.class);
            if (numeric && value != null && value.isTextual()) {
                try {
                    node.put(e.getKey(), new java.math.BigDecimal(value.asText().trim()));
                } catch (NumberFormatException notANumber) {
                    // not a number after all: the reader reports it as the ill-typed value it is
                }
            }
        }
    }

    private Subject subject(JsonNode node, String at, String source, List<Problem> problems) {
        if (!node.isObject()) {
            problems.add(Problem.atPointer(source, at, "a subject must be an object {\"id\": …, \"name\": …, \"facts\": […]}, found " + kind(node)));
            return null;
        }
        int before = problems.size();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!SUBJECT_KEYS.contains(key)) {
                problems.add(Problem.atPointer(source, at + "/" + escape(key), "unknown key [" + key + "] of a subject"
                        + Spelling.didYouMean(key, SUBJECT_KEYS) + "; a subject has id, name and facts"));
            }
        }
        JsonNode id = node.get("id");
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            problems.add(Problem.atPointer(source, at + "/id", "a subject needs an id as text, such as \"D01\"; found " + kind(id)));
        }
        JsonNode name = node.get("name");
        if (name != null && !name.isNull() && !name.isTextual()) {
            problems.add(Problem.atPointer(source, at + "/name", "a subject's name must be text, found " + kind(name)));
        }
        JsonNode facts = node.get("facts");
        List<Object> objects = new ArrayList<>();
        if (facts == null || !facts.isArray()) {
            problems.add(Problem.atPointer(source, at + "/facts", "a subject needs facts as an array, found " + kind(facts)));
        } else {
            for (int i = 0; i < facts.size(); i++) {
                JsonNode f = facts.get(i);
                String fat = at + "/facts/" + i;
                if (!f.isObject()) {
                    problems.add(Problem.atPointer(source, fat, "a fact must be an object with a \"type\", found " + kind(f)));
                    continue;
                }
                JsonNode type = f.get("type");
                if (type == null || !type.isTextual()) {
                    problems.add(Problem.atPointer(source, fat + "/type", "a fact needs a \"type\" naming its type, such as \"TargetTask\"; found " + kind(type)));
                    continue;
                }
                ObjectNode properties = (ObjectNode) f; // the tree is this reader's own: take the type out in place, no copy
                properties.remove("type");
                Object fact = fact(type.asText(), properties, fat, source, problems);
                if (fact != null) {
                    objects.add(fact);
                }
            }
        }
        if (problems.size() > before) {
            if (id != null && id.isTextual() && !id.asText().isBlank()) {
                // contract §5: an error names the subject as well as the fact's position and property
                for (int i = before; i < problems.size(); i++) {
                    Problem p = problems.get(i);
                    problems.set(i, new Problem(p.file(), p.line(), p.column(), p.pointer(), "subject [" + id.asText() + "]: " + p.message()));
                }
            }
            return null;
        }
        return new Subject(id.asText(), name == null || name.isNull() ? null : name.asText(), objects);
    }

    private Object fact(String type, ObjectNode properties, String at, String source, List<Problem> problems) {
        if (!numbersInRange(properties, at, source, problems)) {
            return null;
        }
        FactType declared = declaredTypes.get(type);
        if (declared != null) {
            return declared(declared, properties, at, source, problems);
        }
        Class<?> cls = classFor(type);
        if (cls == null) {
            problems.add(Problem.atPointer(source, at + "/type", "unknown fact type [" + type + "]"
                    + Spelling.didYouMean(type, declaredTypes.keySet())
                    + ": it is not declared in the rubric" + (declaredTypes.isEmpty() ? "" : " (which declares " + new TreeSet<>(declaredTypes.keySet()) + ")")
                    + ", not a class of the department fact model (dev.rubric.model), and "
                    + (anyClass ? "not a fully qualified class name" : type.contains(".") && allowedClass.test(type) ? "not a class on the classpath"
                    : "a restricted rubric's facts may not name other classes" + allowAdvice(type))));
            return null;
        }
        if (cls.isRecord()) {
            // Jackson builds a record before it notices unknown properties; name them first, all of them
            List<String> known = new ArrayList<>();
            for (java.lang.reflect.RecordComponent c : cls.getRecordComponents()) {
                known.add(c.getName());
            }
            boolean unknown = false;
            for (Iterator<String> it = properties.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!known.contains(name)) {
                    unknown = true;
                    problems.add(Problem.atPointer(source, at + "/" + escape(name), "unknown property [" + name + "] of [" + cls.getSimpleName()
                            + "]" + Spelling.didYouMean(name, known) + "; its properties are " + known));
                }
            }
            if (unknown) {
                return null;
            }
        }
        try {
            return READERS.get(cls).readValue(properties);
        } catch (com.fasterxml.jackson.databind.exc.ValueInstantiationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            boolean missing = cause instanceof NullPointerException && cause.getMessage() != null
                    && cause.getMessage().matches("\\w+") && !properties.hasNonNull(cause.getMessage());
            String message = missing
                    ? "property [" + cause.getMessage() + "] of [" + cls.getSimpleName() + "] is required; give it a value"
                    : "[" + cls.getSimpleName() + "] cannot be made from these values: " + firstLine(cause.getMessage());
            problems.add(Problem.atPointer(source, missing ? at + "/" + escape(cause.getMessage()) : at, message));
        } catch (UnrecognizedPropertyException e) {
            List<String> known = e.getKnownPropertyIds() == null ? List.of() : e.getKnownPropertyIds().stream().map(Object::toString).sorted().toList();
            problems.add(Problem.atPointer(source, at + pointer(e), "unknown property [" + e.getPropertyName() + "] of [" + cls.getSimpleName() + "]"
                    + Spelling.didYouMean(e.getPropertyName(), known) + "; its properties are " + known));
        } catch (InvalidFormatException e) {
            problems.add(Problem.atPointer(source, at + pointer(e), "value " + e.getValue() + " is not " + typeWord(e.getTargetType())));
        } catch (MismatchedInputException e) {
            String inside = pointer(e);
            JsonNode found = inside.isEmpty() ? null : properties.at(inside);
            String property = e.getPath().isEmpty() ? null : e.getPath().get(e.getPath().size() - 1).getFieldName();
            problems.add(Problem.atPointer(source, at + inside, property != null && found != null && !found.isMissingNode()
                    ? "property [" + property + "] needs " + typeWord(e.getTargetType()) + ", found " + kind(found)
                    : "expected " + typeWord(e.getTargetType()) + " here, found " + (found == null ? "another kind of value" : kind(found))));
        } catch (JsonMappingException e) {
            problems.add(Problem.atPointer(source, at + pointer(e), "the value cannot be read as " + cls.getSimpleName() + ": "
                    + firstLine(rootMessage(e))));
        } catch (JsonProcessingException e) {
            problems.add(Problem.atPointer(source, at, "the value cannot be read as " + cls.getSimpleName() + ": " + firstLine(e.getOriginalMessage())));
        } catch (IllegalArgumentException e) {
            problems.add(Problem.atPointer(source, at, "the value cannot be read as " + cls.getSimpleName() + ": " + firstLine(e.getMessage())));
        } catch (IOException e) { // a tree in memory has no I/O to fail; kept for the signature
            problems.add(Problem.atPointer(source, at, "the value cannot be read as " + cls.getSimpleName() + ": " + firstLine(e.getMessage())));
        }
        return null;
    }

    private Object declared(FactType type, ObjectNode properties, String at, String source, List<Problem> problems) {
        Object fact;
        try {
            fact = type.newInstance();
        } catch (InstantiationException | IllegalAccessException e) {
            problems.add(Problem.atPointer(source, at + "/type", "declared type [" + type.getSimpleName() + "] cannot be made: " + e.getMessage()));
            return null;
        }
        Map<String, FactField> fields = new HashMap<>();
        for (FactField f : type.getFields()) {
            fields.put(f.getName(), f);
        }
        int before = problems.size();
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = at + "/" + escape(e.getKey());
            FactField field = fields.get(e.getKey());
            if (field == null) {
                List<String> known = fields.keySet().stream().sorted().toList();
                problems.add(Problem.atPointer(source, p, "unknown property [" + e.getKey() + "] of [" + type.getSimpleName() + "]"
                        + Spelling.didYouMean(e.getKey(), known) + "; its properties are " + known));
                continue;
            }
            try {
                if (e.getValue().isNull()) {
                    if (field.getType().isPrimitive()) {
                        problems.add(Problem.atPointer(source, p, "property [" + e.getKey() + "] needs " + typeWord(field.getType()) + ", found nothing (null)"));
                    }
                    continue;
                }
                type.set(fact, e.getKey(), MAPPER.treeToValue(e.getValue(), field.getType()));
            } catch (InvalidFormatException ex) {
                problems.add(Problem.atPointer(source, p, "value " + ex.getValue() + " is not " + typeWord(field.getType())));
            } catch (JsonProcessingException | IllegalArgumentException ex) {
                problems.add(Problem.atPointer(source, p, "property [" + e.getKey() + "] needs " + typeWord(field.getType()) + ", found " + kind(e.getValue())));
            }
        }
        return problems.size() > before ? null : fact;
    }

    /** Whether every number in the node has at most {@link #MAX_DIGITS} digits before and after its point; names each that has more. */
    private static boolean numbersInRange(JsonNode node, String at, String source, List<Problem> problems) {
        boolean ok = true;
        if (node.isBigDecimal() || node.isBigInteger()) {
            java.math.BigDecimal n = node.decimalValue();
            if (n.precision() - n.scale() > MAX_DIGITS || n.scale() > MAX_DIGITS) {
                problems.add(Problem.atPointer(source, at, "the number " + n + " is out of range: a fact's number may have at most "
                        + MAX_DIGITS + " digits before and " + MAX_DIGITS + " after the decimal point"));
                ok = false;
            }
        } else if (node.isContainerNode()) {
            if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (mayHoldBigNumber(e.getValue())) { // a pointer is made only where there is something to check
                        ok &= numbersInRange(e.getValue(), at + "/" + escape(e.getKey()), source, problems);
                    }
                }
            } else {
                for (int i = 0; i < node.size(); i++) {
                    if (mayHoldBigNumber(node.get(i))) {
                        ok &= numbersInRange(node.get(i), at + "/" + i, source, problems);
                    }
                }
            }
        }
        return ok;
    }

    private static boolean mayHoldBigNumber(JsonNode node) {
        return node.isBigDecimal() || node.isBigInteger() || node.isContainerNode();
    }

    private Class<?> classFor(String type) {
        return classes.computeIfAbsent(type, t -> {
            Class<?> c = t.contains(".") ? null : load(MODEL_PACKAGE + t);
            if (c == null && t.startsWith(MODEL_PACKAGE)) {
                c = load(t);
            } else if (c == null && t.contains(".") && (anyClass || allowedClass.test(t))) {
                c = load(t);
            }
            return c;
        });
    }

    /** How to allow the package of a qualified class name of an application's own; nothing for a simple name or the platform's classes. */
    private static String allowAdvice(String type) {
        int dot = type.lastIndexOf('.');
        if (dot < 0) {
            return "";
        }
        String pkg = type.substring(0, dot);
        try {
            dev.rubric.api.LoadOptions.restricted().allowing(pkg);
        } catch (IllegalArgumentException platformOrNoName) {
            return ""; // java.io and the like cannot be allowed: advising it would mislead
        }
        return " unless the load options allow them (LoadOptions.allowing(\"" + pkg + "\"), or --allow " + pkg + " on the command line)";
    }

    private Class<?> load(String name) {
        try {
            return Class.forName(name, false, classLoader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private static String pointer(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                b.append('/').append(escape(r.getFieldName()));
            } else if (r.getIndex() >= 0) {
                b.append('/').append(r.getIndex());
            }
        }
        return b.toString();
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static String typeWord(Class<?> t) {
        if (t == null) {
            return "a value";
        }
        if (t == int.class || t == Integer.class || t == long.class || t == Long.class || t == short.class) {
            return "a whole number";
        }
        if (t == double.class || t == Double.class || t == float.class || t == java.math.BigDecimal.class) {
            return "a number";
        }
        if (t == boolean.class || t == Boolean.class) {
            return "true or false";
        }
        if (t == String.class) {
            return "text";
        }
        if (t == java.time.LocalDate.class) {
            return "a date (ISO-8601, such as 2026-06-30)";
        }
        if (Temporal.class.isAssignableFrom(t)) {
            return "a " + t.getSimpleName() + " (ISO-8601)";
        }
        if (t.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object c : t.getEnumConstants()) {
                names.add(((Enum<?>) c).name());
            }
            return "one of " + names;
        }
        return t.getSimpleName();
    }

    static String kind(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        if (n.isNull()) {
            return "null";
        }
        if (n.isTextual()) {
            return "the text \"" + n.asText() + "\"";
        }
        if (n.isNumber()) {
            return "the number " + n.asText();
        }
        if (n.isBoolean()) {
            return "the boolean " + n.asText();
        }
        if (n.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
