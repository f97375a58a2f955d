package dev.rubric.testkit;

import dev.rubric.api.RubricRule;
import dev.rubric.engine.internal.compile.RubricFiles;
import dev.rubric.engine.internal.table.RuleTables;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads one rule's text, or its rule-table row, from each version's files to tell whether it changed. */
final class RuleFileScan {

    private RuleFileScan() {
    }

    /**
     * What changed in the rule's own text between the versions: the differing cells of its table row, or
     * {@code conditions or points changed} when its DRL body differs; empty when neither differs or a file is gone.
     */
    static List<String> changes(RubricFiles beforeFiles, RubricRule before, RubricFiles afterFiles, RubricRule after) {
        Map<String, String> oldRow = RuleTables.row(beforeFiles, before.file());
        Map<String, String> newRow = RuleTables.row(afterFiles, after.file());
        if (oldRow != null && newRow != null) {
            return rowChanges(oldRow, newRow);
        }
        String ob = body(beforeFiles, before);
        String nb = body(afterFiles, after);
        return ob != null && nb != null && !ob.equals(nb) ? List.of("conditions or points changed") : List.of();
    }

    /** The cells of a table row that differ, such as {@code row changed: 每次扣分 1 -> 2}. */
    private static List<String> rowChanges(Map<String, String> before, Map<String, String> after) {
        List<String> changed = new ArrayList<>();
        for (String c : new LinkedHashSet<>(Stream.concat(after.keySet().stream(), before.keySet().stream()).toList())) {
            String x = before.getOrDefault(c, "");
            String y = after.getOrDefault(c, "");
            if (!x.equals(y)) {
                changed.add(c + " " + (x.isEmpty() ? "(empty)" : x) + " -> " + (y.isEmpty() ? "(empty)" : y));
            }
        }
        return changed.isEmpty() ? List.of() : List.of("row changed: " + String.join(", ", changed));
    }

    /**
     * The rule's text after its {@code rule} line up to its {@code end}, whitespace normalized, without comments
     * and metadata: its name and {@code @max}, {@code @effect}… are compared on their own, so that a changed
     * cap is not also reported as changed conditions.
     */
    private static String body(RubricFiles files, RubricRule r) {
        byte[] bytes = files.read(r.file());
        if (bytes == null) {
            return null;
        }
        List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
        StringBuilder b = new StringBuilder();
        for (int i = Math.max(0, r.line()); i < lines.size(); i++) {
            String l = lines.get(i).replaceAll("@\\w+\\s*\\([^)]*\\)", "").strip();
            if (!l.isEmpty() && !l.startsWith("//")) {
                b.append(l.replaceAll("\\s+", " ")).append('\n');
            }
            if (l.equals("end")) {
                break;
            }
        }
        return b.toString();
    }
}
