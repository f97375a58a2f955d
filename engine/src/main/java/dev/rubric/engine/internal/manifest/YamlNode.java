package dev.rubric.engine.internal.manifest;

import dev.rubric.api.Numbers;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree whose every node knows its line and column.
 *
 * <p>Jackson's own tree forgets where a value came from; a manifest's problems must be reported at
 * their place, so the reader builds this small tree from the token stream instead. Numbers keep the
 * exact text they were written with ({@code 0.1} is the decimal 0.1, never a binary double).
 */
public sealed interface YamlNode {

    int line();

    int column();

    /** A human word for the node's kind, for "expected a number, found a list" messages. */
    String kind();

    record Scalar(Object value, int line, int column) implements YamlNode {
        @Override
        public String kind() {
            if (value == null) {
                return "nothing (null)";
            }
            if (value instanceof BigDecimal) {
                return "the number " + Numbers.plain((BigDecimal) value);
            }
            if (value instanceof Boolean) {
                return "the boolean " + value;
            }
            return "the text \"" + value + "\"";
        }
    }

    record Sequence(List<YamlNode> items, int line, int column) implements YamlNode {
        @Override
        public String kind() {
            return "a list";
        }
    }

    /** A mapping; keys keep their own places so an unknown key is reported where it is written. */
    record Mapping(Map<String, Entry> entries, int line, int column) implements YamlNode {
        @Override
        public String kind() {
            return "a mapping";
        }
    }

    record Entry(String key, int line, int column, YamlNode value) {
    }

    /**
     * The most digits a number may have before, and after, the decimal point. {@code 1e999999999} is short to
     * write, but written out, or added to another score, it is a billion digits.
     */
    int MAX_DIGITS = 1000;

    /** Whether a number has at most {@link #MAX_DIGITS} digits before and after its point. */
    static boolean inRange(BigDecimal n) {
        return n.precision() - n.scale() <= MAX_DIGITS && n.scale() <= MAX_DIGITS;
    }

    /** A syntax error of the document, with its place. */
    final class SyntaxError extends Exception {
        final int line;
        final int column;
        private final String reason;

        /** @param reason what is wrong, said of the document: {@code is not valid YAML: …} or {@code cannot be read: …} */
        SyntaxError(String reason, int line, int column) {
            super("the manifest " + reason);
            this.reason = reason;
            this.line = line;
            this.column = column;
        }

        /** What is wrong, to follow the document's name: {@code is not valid YAML: …} or {@code cannot be read: …}. */
        public String reason() {
            return reason;
        }

        /** The line of the error, from 1; 0 where unknown. */
        public int line() {
            return line;
        }

        /** The column of the error, from 1; 0 where unknown. */
        public int column() {
            return column;
        }
    }

    /** A key that appears twice in one mapping. */
    record Duplicate(String key, int line, int column, int firstLine) {
    }

    /** Reads a whole document; duplicate keys are collected rather than silently overwritten. */
    static YamlNode read(InputStream in, List<Duplicate> duplicates) throws SyntaxError {
        try (JsonParser p = new YAMLFactory().createParser(in)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return new Mapping(new LinkedHashMap<>(), 1, 1);
            }
            return readValue(p, duplicates);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String msg = e.getOriginalMessage();
            int cut = msg.indexOf("\n at [");
            throw new SyntaxError("is not valid YAML: " + oneLine(cut > 0 ? msg.substring(0, cut) : msg),
                    loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr());
        } catch (IOException e) {
            throw new SyntaxError("cannot be read: " + e.getMessage(), 0, 0);
        }
    }

    /**
     * The parser's message on one line: SnakeYAML adds indented lines quoting the document with a caret
     * ({@code in 'reader', line 3, column 3:}); the problem carries the place already, and is read as one line.
     */
    private static String oneLine(String message) {
        return message.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                .map(String::trim).reduce((a, b) -> a + "; " + b).orElse(message.trim());
    }

    private static YamlNode readValue(JsonParser p, List<Duplicate> duplicates) throws IOException {
        JsonLocation loc = p.currentTokenLocation();
        int line = loc.getLineNr();
        int col = loc.getColumnNr();
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, Entry> entries = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonLocation kl = p.currentTokenLocation();
                    p.nextToken();
                    YamlNode value = readValue(p, duplicates);
                    Entry previous = entries.get(key);
                    if (previous != null) {
                        duplicates.add(new Duplicate(key, kl.getLineNr(), kl.getColumnNr(), previous.line()));
                    } else {
                        entries.put(key, new Entry(key, kl.getLineNr(), kl.getColumnNr(), value));
                    }
                }
                return new Mapping(entries, line, col);
            }
            case START_ARRAY: {
                List<YamlNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(p, duplicates));
                }
                return new Sequence(items, line, col);
            }
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT: {
                String text = p.getText().replace("_", "");
                try {
                    return new Scalar(new BigDecimal(text), line, col);
                } catch (NumberFormatException e) {
                    return new Scalar(p.getDecimalValue(), line, col);
                }
            }
            case VALUE_TRUE:
                return new Scalar(Boolean.TRUE, line, col);
            case VALUE_FALSE:
                return new Scalar(Boolean.FALSE, line, col);
            case VALUE_NULL:
                return new Scalar(null, line, col);
            default:
                return new Scalar(p.getText(), line, col);
        }
    }
}
