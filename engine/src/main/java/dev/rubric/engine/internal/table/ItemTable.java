package dev.rubric.engine.internal.table;

import dev.rubric.api.Manifest;
import dev.rubric.api.Numbers;
import dev.rubric.api.Problem;
import dev.rubric.api.VetoEffect;
import dev.rubric.engine.internal.text.Spelling;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A 评分细则 table as an assessment office keeps it, one row per item, translated to DRL: each row becomes
 * one rule whose source is the row's 评分项目 cell.
 *
 * <p>A sheet is such a table when a row holds the headings 编号 and 评分项目; that row is the heading row
 * and the columns are found by their headings, in any order. Rows below it are items; a row with nothing in
 * the scoring columns (条件, points, 一票否决, 限定等次) is a section title or a remark and is skipped. The
 * columns (Chinese heading, or the English one in brackets):
 * <ul>
 *   <li>编号 (id) — the item's id, {@code @id}; required</li>
 *   <li>类别 (category) — a manifest category, by id or by name; required when the row moves points</li>
 *   <li>评分项目 (item) — the item's title; the rule is named {@code 编号 评分项目}; required</li>
 *   <li>评分标准 (standard) — the rubric's own wording, the reason when there is no 扣分说明</li>
 *   <li>每次扣分 (deduct) / 每次加分 (add) — points per occurrence: per match of the condition</li>
 *   <li>最多扣分 or 最多加分 (max) — the most points of the item, {@code @max}</li>
 *   <li>一票否决 (veto) — 是 for a veto with the manifest's effect, or an effect: fail, zero, none, cap:等次</li>
 *   <li>限定等次 (limit) — the best grade a subject with the item can have</li>
 *   <li>条件 (condition) — when the item applies, in the simple form of {@link Condition}; required</li>
 *   <li>扣分说明 (reason) — the reason written on each item; {@code {property}} is replaced by that property
 *       of the item's fact, {@code {$name}} by a named value</li>
 * </ul>
 */
final class ItemTable {

    enum Column {
        ID("编号", "id"), CATEGORY("类别", "category"), ITEM("评分项目", "item"), STANDARD("评分标准", "standard"),
        DEDUCT("每次扣分", "deduct"), ADD("每次加分", "add"), MAX("最多扣分", "max"), VETO("一票否决", "veto"),
        LIMIT("限定等次", "limit"), CONDITION("条件", "condition"), REASON("扣分说明", "reason");

        final String chinese;
        final String english;

        Column(String chinese, String english) {
            this.chinese = chinese;
            this.english = english;
        }

        static Column of(String heading) {
            String h = heading.replaceAll("\\s+", "");
            if (h.equals("最多加分")) {
                return MAX;
            }
            if (h.equals("加分说明")) {
                return REASON;
            }
            for (Column c : values()) {
                if (c.chinese.equals(h) || c.english.equalsIgnoreCase(h)) {
                    return c;
                }
            }
            return null;
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\$?[\\p{L}_][\\p{L}\\p{N}_]*)}");
    static final String ITEM_VAR = "$item";

    private ItemTable() {
    }

    /** The heading row of a sheet, or -1 when the sheet is not a 评分细则 table. */
    static int headingRow(Grid grid) {
        for (int r = 0; r < grid.rows().size(); r++) {
            Set<Column> found = columns(grid, r).keySet();
            if (found.contains(Column.ID) && found.contains(Column.ITEM)) {
                return r;
            }
        }
        return -1;
    }

    private static Map<Column, Integer> columns(Grid grid, int row) {
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        List<String> cells = grid.rows().get(row);
        for (int c = 0; c < cells.size(); c++) {
            Column col = Column.of(cells.get(c));
            if (col != null) {
                columns.putIfAbsent(col, c);
            }
        }
        return columns;
    }

    /** Writes the rules of the table's rows into {@code drl}, reporting each bad cell to {@code problems}. */
    static void translate(Grid grid, int headingRow, Manifest manifest, Set<String> declared, ClassLoader loader,
                          GeneratedDrl drl, List<Problem> problems) {
        Map<Column, Integer> columns = columns(grid, headingRow);
        for (Column required : List.of(Column.CONDITION)) {
            if (!columns.containsKey(required)) {
                problems.add(at(grid.cell(headingRow, 0), "the table has no column [" + required.chinese + "]; add it to the heading row (the columns are "
                        + List.of(Column.values()).stream().map(c -> c.chinese).toList() + ")"));
                return;
            }
        }
        for (int r = headingRow + 1; r < grid.rows().size(); r++) {
            Row row = new Row(grid, r, columns);
            boolean scoring = !row.text(Column.CONDITION).isEmpty() || !row.text(Column.DEDUCT).isEmpty() || !row.text(Column.ADD).isEmpty()
                    || !row.text(Column.VETO).isEmpty() || !row.text(Column.LIMIT).isEmpty();
            if (!scoring) {
                continue; // a title (一、目标任务), a remark or an empty row
            }
            if (row.text(Column.ID).isEmpty()) {
                problems.add(at(row.cell(Column.ID), "the row has a condition or points but no 编号; give the item its number, such as A1"));
                continue;
            }
            translateRow(row, manifest, declared, loader, drl, problems);
        }
    }

    private static void translateRow(Row row, Manifest manifest, Set<String> declared, ClassLoader loader, GeneratedDrl drl,
                                     List<Problem> problems) {
        int before = problems.size();
        String id = row.text(Column.ID);
        String title = row.text(Column.ITEM);
        String label = "item [" + id + "]";
        if (title.isEmpty()) {
            problems.add(at(row.cell(Column.ITEM), label + " has no 评分项目; write what the item is, such as 目标任务逾期完成"));
        }
        BigDecimal deduct = row.number(Column.DEDUCT, label, "the points deducted per occurrence, such as 1 or 0.5", problems);
        BigDecimal add = row.number(Column.ADD, label, "the points added per occurrence, such as 1 or 0.5", problems);
        BigDecimal max = row.number(Column.MAX, label, "the most points of the item, such as 5", problems);
        if (deduct != null && add != null) {
            problems.add(at(row.cell(Column.ADD), label + " has both 每次扣分 and 每次加分; an item either deducts or adds: write two rows"));
        }
        String vetoText = row.text(Column.VETO);
        VetoEffect effect = null;
        boolean veto = false;
        if (!vetoText.isEmpty() && !vetoText.equals("否")) {
            veto = true;
            if (!vetoText.equals("是")) {
                try {
                    effect = VetoEffect.parse(vetoText);
                } catch (IllegalArgumentException e) {
                    problems.add(at(row.cell(Column.VETO), label + " has 一票否决 [" + vetoText + "]; write 是 (the manifest's veto effect), or fail, zero, none or cap:等次"));
                }
            }
        }
        String limit = row.text(Column.LIMIT);
        String categoryText = row.text(Column.CATEGORY);
        String category = null;
        if (manifest != null) {
            List<String> ids = manifest.categories().stream().map(Manifest.Category::id).toList();
            List<String> gradeIds = manifest.grades().stream().map(Manifest.GradeBand::id).toList();
            if (!categoryText.isEmpty()) {
                category = manifest.categories().stream().filter(c -> c.id().equals(categoryText) || categoryText.equals(c.name()))
                        .map(Manifest.Category::id).findFirst().orElse(null);
                if (category == null) {
                    List<String> names = new ArrayList<>(ids);
                    manifest.categories().forEach(c -> names.add(c.name()));
                    problems.add(at(row.cell(Column.CATEGORY), label + " has 类别 [" + categoryText + "], which the manifest does not have; its categories are "
                            + manifest.categories().stream().map(c -> c.id() + " (" + c.name() + ")").toList() + Spelling.didYouMean(categoryText, names)));
                }
            }
            if (effect instanceof VetoEffect.Cap cap && !gradeIds.contains(cap.grade())) {
                problems.add(at(row.cell(Column.VETO), label + " has 一票否决 [" + vetoText + "] naming grade [" + cap.grade()
                        + "], which the manifest does not have; its grades are " + gradeIds + Spelling.didYouMean(cap.grade(), gradeIds)));
            }
            if (!limit.isEmpty() && !gradeIds.contains(limit)) {
                problems.add(at(row.cell(Column.LIMIT), label + " has 限定等次 [" + limit + "], which the manifest does not have; its grades are "
                        + gradeIds + Spelling.didYouMean(limit, gradeIds)));
            }
        }
        if ((deduct != null || add != null) && categoryText.isEmpty()) {
            problems.add(at(row.cell(Column.CATEGORY), label + " moves points but has no 类别; name one of the manifest's categories"));
        }
        if (deduct == null && add == null && !veto && limit.isEmpty() && problems.size() == before) {
            problems.add(at(row.cell(Column.DEDUCT), label + " does nothing: give it 每次扣分, 每次加分, 一票否决 or 限定等次"));
        }
        Condition.Drl when = null;
        try {
            when = Condition.translate(row.text(Column.CONDITION), declared, ITEM_VAR, loader);
        } catch (Condition.Unreadable e) {
            problems.add(at(row.cell(Column.CONDITION), label + ": the condition [" + row.text(Column.CONDITION) + "] cannot be read: " + e.getMessage()));
        }
        if (when != null && when.grading() && (deduct != null || add != null)) {
            problems.add(at(row.cell(Column.CONDITION), label + " looks at CategoryScore or TotalScore, so it belongs to grading, where items may only veto or limit the grade; "
                    + "remove 每次扣分 / 每次加分 or the score from the condition"));
        }
        String reason = null;
        if (when != null) {
            try {
                reason = reason(row, title, when);
            } catch (Condition.Unreadable e) {
                problems.add(at(row.cell(Column.REASON), label + ": " + e.getMessage()));
            }
        }
        if (problems.size() > before) {
            return; // the row is reported; the rest of the table is still translated
        }
        String source = row.cell(Column.ITEM);
        String evidence = when.item() == null ? "" : ", " + ITEM_VAR;
        drl.line(source, "rule " + GeneratedDrl.quote(id + " " + title));
        drl.line(source, "    @id(" + GeneratedDrl.quote(id) + ")" + (category == null ? "" : " @category(" + GeneratedDrl.quote(category) + ")")
                + (max == null ? "" : " @max(" + Numbers.plain(max) + ")") + (effect == null ? "" : " @effect(" + GeneratedDrl.quote(vetoText) + ")"));
        if (when.grading()) {
            drl.line(source, "    agenda-group \"grading\"");
        }
        drl.line(source, "when");
        for (String p : when.patterns()) {
            drl.line(row.cell(Column.CONDITION), "    " + p);
        }
        drl.line(source, "then");
        if (deduct != null) {
            drl.line(row.cell(Column.DEDUCT), "    score.deduct(" + Numbers.plain(deduct) + ", " + reason + evidence + ");");
        }
        if (add != null) {
            drl.line(row.cell(Column.ADD), "    score.add(" + Numbers.plain(add) + ", " + reason + evidence + ");");
        }
        if (veto) {
            drl.line(row.cell(Column.VETO), "    score.veto(" + reason + evidence + ");");
        }
        if (!limit.isEmpty()) {
            drl.line(row.cell(Column.LIMIT), "    score.limitGrade(" + GeneratedDrl.quote(limit) + ", " + reason + evidence + ");");
        }
        drl.line(source, "end");
        drl.line(null, "");
    }

    /** The reason as a Java expression: the 扣分说明 with its placeholders, else the 评分标准, else the 评分项目. */
    private static String reason(Row row, String title, Condition.Drl when) throws Condition.Unreadable {
        String template = row.text(Column.REASON);
        if (template.isEmpty()) {
            String standard = row.text(Column.STANDARD);
            return GeneratedDrl.quote(standard.isEmpty() ? title : standard);
        }
        StringBuilder expr = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(template);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) {
                expr.append(expr.length() == 0 ? "" : " + ").append(GeneratedDrl.quote(template.substring(last, m.start())));
            }
            String name = m.group(1);
            String value;
            if (name.startsWith("$")) {
                if (!when.patterns().stream().anyMatch(p -> p.contains(name + " :"))) {
                    throw new Condition.Unreadable("扣分说明 uses {" + name + "}, which the condition does not name; name it there, such as " + name + " : assessedOn");
                }
                value = name;
            } else {
                if (when.item() == null) {
                    throw new Condition.Unreadable("扣分说明 uses {" + name + "}, but the condition has no fact it could be a property of");
                }
                if (when.itemClass() != null && !Condition.properties(when.itemClass()).containsKey(name)) {
                    Set<String> props = Condition.properties(when.itemClass()).keySet();
                    throw new Condition.Unreadable("扣分说明 uses {" + name + "}, but " + when.item() + " has no such property; its properties are "
                            + new java.util.TreeSet<>(props) + Spelling.didYouMean(name, props));
                }
                value = ITEM_VAR + "." + Condition.accessor(when.itemClass(), name);
            }
            expr.append(expr.length() == 0 ? "\"\" + " : " + ").append(value);
            last = m.end();
        }
        if (last < template.length()) {
            expr.append(expr.length() == 0 ? "" : " + ").append(GeneratedDrl.quote(template.substring(last)));
        }
        return expr.toString();
    }

    private static Problem at(String cell, String message) {
        return Problem.at(cell, 0, 0, message);
    }

    /** One row of the table. */
    private record Row(Grid grid, int row, Map<Column, Integer> columns) {

        String text(Column c) {
            Integer col = columns.get(c);
            return col == null ? "" : grid.at(row, col);
        }

        /** The cell of a column in this row; a column the table lacks is named by the row's first cell. */
        String cell(Column c) {
            Integer col = columns.get(c);
            return grid.cell(row, col == null ? 0 : col);
        }

        BigDecimal number(Column c, String label, String what, List<Problem> problems) {
            String t = text(c);
            if (t.isEmpty()) {
                return null;
            }
            String n = t.endsWith("分") ? t.substring(0, t.length() - 1).strip() : t;
            try {
                BigDecimal v = new BigDecimal(n);
                if (v.signum() <= 0) {
                    problems.add(at(cell(c), label + " has " + c.chinese + " [" + t + "]; write " + what + ", a positive number"));
                    return null;
                }
                return v;
            } catch (NumberFormatException e) {
                problems.add(at(cell(c), label + " has " + c.chinese + " [" + t + "], which is not a number; write " + what));
                return null;
            }
        }
    }
}
