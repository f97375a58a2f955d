package dev.rubric.engine.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A few edits to a valid file, as careless hands and broken exports make them: tokens deleted, duplicated,
 * swapped or replaced by a token of another type, the file cut short, a byte that is not UTF-8.
 *
 * <p>Edits are made on tokens (words, numbers, quoted strings, single punctuation marks), so most mutants are
 * near misses of a valid file rather than noise, and reach past the parser into validation, compilation and
 * evaluation. An edit holds plain numbers, taken modulo the file's size when applied, so jqwik shrinks a failing
 * mutant towards fewer and earlier edits, and the failure report shows the mutant's text.
 */
record Mutation(List<Edit> edits, boolean valuesOnly) {

    enum Kind { DELETE, DUPLICATE, SWAP, RETYPE, CUT, NOT_UTF8 }

    /** One edit: what it does, at which token (or character), with which other token or replacement. */
    record Edit(Kind kind, int at, int other, int replacement) {
    }

    /** Tokens a value may be replaced with: other types, edge numbers, empty containers, nothing. */
    private static final List<String> REPLACEMENTS = List.of("-1", "0", "1", "2.5", "-0.0", "1e999999999", "1e-999999999",
            "99999999999999999999", "NaN", "\"\"", "\"x\"", "true", "false", "null", "[]", "{}", "[", "]", "{", "}", ":", ",",
            ";", "\"2026-02-30\"", "end", "then", "when", "rule", "score", "Task", "String", "@id(\"X\")", "-", "#", "'", "\\u0000");

    /** JSON values a value may be replaced with: every type, edge numbers, dates real and not, the cohort's own words. */
    private static final List<String> VALUES = List.of("-1", "0", "1", "2.5", "-2.5", "0.1", "1e3", "-0.0", "1e999999999", "1e-999999999",
            "99999999999999999999", "\"\"", "\"x\"", "true", "false", "null", "[]", "{}", "[1]", "{\"type\": \"Award\"}",
            "\"2026-06-30\"", "\"2026-02-30\"", "\"Finding\"", "\"Award\"", "\"Incident\"", "\"hygiene\"", "\"structure\"", "\"K1\"");

    private static final Pattern TOKEN = Pattern.compile("\\s+|\"(?:[^\"\\\\\\n]|\\\\.)*\"|[\\p{L}_$][\\p{L}\\p{N}_$]*|\\d+(?:\\.\\d+)?|.",
            Pattern.DOTALL);

    /** One to four edits. */
    static Arbitrary<Mutation> mutations() {
        Arbitrary<Edit> edit = Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 1 << 20),
                Arbitraries.integers().between(0, 1 << 20), Arbitraries.integers().between(0, REPLACEMENTS.size() - 1)).as(Edit::new);
        // no edge cases: they would put most edits on the first token, and a few hundred tries should spread over the file
        return edit.list().ofMinSize(1).ofMaxSize(4).map(edits -> new Mutation(edits, false)).withoutEdgeCases();
    }

    /** One to four JSON values replaced by values of other types: the file stays JSON, its content does not stay valid. */
    static Arbitrary<Mutation> valueChanges() {
        Arbitrary<Edit> edit = Combinators.combine(Arbitraries.integers().between(0, 1 << 20), Arbitraries.integers().between(0, VALUES.size() - 1))
                .as((at, value) -> new Edit(Kind.RETYPE, at, 0, value));
        return edit.list().ofMinSize(1).ofMaxSize(4).map(edits -> new Mutation(edits, true)).withoutEdgeCases();
    }

    /** The mutant of a file's text. */
    byte[] apply(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        for (Edit e : edits) {
            List<Integer> solid = valuesOnly ? values(tokens) : solid(tokens);
            if (solid.isEmpty()) {
                break;
            }
            int i = solid.get(e.at() % solid.size());
            int j = solid.get(e.other() % solid.size());
            switch (e.kind()) {
                case DELETE -> tokens.remove(i);
                case DUPLICATE -> tokens.add(i, tokens.get(i));
                case SWAP -> {
                    String t = tokens.get(i);
                    tokens.set(i, tokens.get(j));
                    tokens.set(j, t);
                }
                case RETYPE -> tokens.set(i, valuesOnly ? VALUES.get(e.replacement() % VALUES.size()) : REPLACEMENTS.get(e.replacement()));
                case CUT -> {
                    String joined = String.join("", tokens);
                    int cut = e.at() % Math.max(1, joined.length());
                    tokens = new ArrayList<>(List.of(joined.substring(0, cut)));
                }
                case NOT_UTF8 -> tokens.set(i, tokens.get(i) + "\u0000NOT_UTF8\u0000");
            }
        }
        String result = String.join("", tokens);
        if (!result.contains("\u0000NOT_UTF8\u0000")) {
            return result.getBytes(StandardCharsets.UTF_8);
        }
        // a Latin-1 é (0xE9) or a lone continuation byte (0x80) where the edit was made
        byte[] bytes = result.replace("\u0000NOT_UTF8\u0000", "\u0001").getBytes(StandardCharsets.UTF_8);
        for (int k = 0; k < bytes.length; k++) {
            if (bytes[k] == 1) {
                bytes[k] = (byte) (k % 2 == 0 ? 0xE9 : 0x80);
            }
        }
        return bytes;
    }

    /** The positions of JSON values: a string, number or literal right after a colon. */
    private static List<Integer> values(List<String> tokens) {
        List<Integer> positions = new ArrayList<>();
        String previous = "";
        for (int k = 0; k < tokens.size(); k++) {
            String t = tokens.get(k);
            if (t.isBlank()) {
                continue;
            }
            if (previous.equals(":") && (t.startsWith("\"") || Character.isDigit(t.charAt(0)) || t.equals("-") || t.equals("true")
                    || t.equals("false") || t.equals("null"))) {
                positions.add(k);
            }
            previous = t;
        }
        return positions;
    }

    /** The positions of tokens that are not whitespace. */
    private static List<Integer> solid(List<String> tokens) {
        List<Integer> positions = new ArrayList<>();
        for (int k = 0; k < tokens.size(); k++) {
            if (!tokens.get(k).isBlank()) {
                positions.add(k);
            }
        }
        return positions;
    }

    /** The mutant as text for a failure report (bytes that are not UTF-8 shown as the replacement character). */
    String describe(String text) {
        return edits + "\n----\n" + new String(apply(text), StandardCharsets.UTF_8) + "\n----";
    }
}
