package dev.rubric.engine.internal.table;

import dev.rubric.api.Manifest;
import dev.rubric.api.Problem;
import dev.rubric.api.RubricRule;
import dev.rubric.engine.internal.compile.RubricFiles;
import dev.rubric.engine.internal.compile.RuleIndexer;
import dev.rubric.engine.internal.text.Utf8;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rule tables (.xlsx and .csv files in a rubric folder) translated to DRL, which then goes through the same
 * checks, restricted-mode verification and compilation as any rule file.
 *
 * <p>Two layouts are read. A file with a {@code RuleTable} cell is a Drools decision table, compiled by
 * Drools' own {@link SpreadsheetCompiler}; its rubric metadata comes from {@code METADATA} columns whose code
 * is {@code id($param)}, {@code category($param)}, {@code max($param)} or {@code effect($param)}. Any other
 * file is read as 评分细则 tables, one row per item ({@link ItemTable}).
 *
 * <p>Design note: a rule from a table is known by its cell ({@code targets.xlsx!评分细则!C7}, or
 * {@code targets.csv!C7}) instead of a file and line. The generated DRL remembers the cell of each of its
 * lines, so problems the checks and the compiler find in it, and the rule index built from it, are moved
 * back to cells ({@link Translation#relocate}); a cell is written in the file part of a {@link Problem} or
 * {@link RubricRule}, with line 0.
 */
public final class RuleTables {

    private static final Pattern DECLARE = Pattern.compile("(?m)^\\s*declare\\s+(?:trait\\s+)?([\\w$]+)");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)");
    private static final Pattern RULE_VALUES = Pattern.compile("^\\s*//\\s*rule values at ([A-Z]+\\d+), header at ([A-Z]+\\d+)");
    private static final Pattern DROOLS_CELL = Pattern.compile("\\b(?:cell|cells)\\s+\\[?([A-Z]{1,3}\\d+)");
    private static final String DEFAULT_PACKAGE = "rubric.tables";

    private RuleTables() {
    }

    /**
     * The tables of a rubric translated to DRL.
     *
     * @param drl      each table's generated DRL, under the table's path with {@code .drl} appended, to be indexed and
     *                 compiled with the rule files
     * @param problems every problem of the tables themselves, each at its cell
     * @param cells    for each generated DRL, the cell of each of its lines
     * @param places   for each generated DRL, its table's path, for lines of no cell
     */
    public record Translation(Map<String, String> drl, List<Problem> problems, Map<String, NavigableMap<Integer, String>> cells,
                              Map<String, String> places) {

        /** A problem found in generated DRL, moved to the cell its line came from; other problems as they are. */
        public Problem relocate(Problem p) {
            NavigableMap<Integer, String> lines = p.file() == null ? null : cells.get(p.file());
            if (lines == null) {
                return p;
            }
            String cell = lines.get(p.line());
            return new Problem(cell != null ? cell : places.get(p.file()), 0, 0, p.pointer(), p.message());
        }

        /** Every problem relocated. */
        public List<Problem> relocate(List<Problem> problems) {
            return problems.stream().map(this::relocate).toList();
        }

        /** A rule from generated DRL, known by its cell; other rules as they are. */
        public RubricRule relocate(RubricRule r) {
            NavigableMap<Integer, String> lines = cells.get(r.file());
            if (lines == null) {
                return r;
            }
            String cell = lines.get(r.line());
            return new RubricRule(r.id(), r.name(), r.category(), r.max(), r.effect(), r.grading(), cell != null ? cell : places.get(r.file()), 0,
                    r.idWritten(), r.clause());
        }

        /** The rule index with rules and problems of tables relocated to their cells. */
        public RuleIndexer.Index relocate(RuleIndexer.Index index) {
            if (cells.isEmpty()) {
                return index;
            }
            Map<RubricRule, RubricRule> moved = new HashMap<>();
            index.rules().forEach(r -> moved.put(r, relocate(r)));
            Map<String, RubricRule> byName = new HashMap<>();
            index.byQualifiedName().forEach((k, v) -> byName.put(k, moved.getOrDefault(v, relocate(v))));
            return new RuleIndexer.Index(index.rules().stream().map(moved::get).toList(), Map.copyOf(byName), relocate(index.problems()),
                    index.gradeGivers());
        }
    }

    /**
     * Translates a rubric's tables.
     *
     * @param tables   each table's path to its bytes, in load order
     * @param ruleFiles the rubric's DRL files (path to text): the types they declare and their package are used
     * @param manifest the manifest, or null when it has problems (checks against it are then skipped)
     * @param loader   the class loader the rubric is compiled with
     */
    public static Translation translate(Map<String, byte[]> tables, Map<String, String> ruleFiles, Manifest manifest, ClassLoader loader) {
        Map<String, String> drl = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, NavigableMap<Integer, String>> cells = new LinkedHashMap<>();
        Map<String, String> places = new LinkedHashMap<>();
        Set<String> declared = new LinkedHashSet<>();
        String pkg = null;
        for (String text : ruleFiles.values()) {
            Matcher d = DECLARE.matcher(text);
            while (d.find()) {
                declared.add(d.group(1));
            }
            Matcher p = PACKAGE.matcher(text);
            if (pkg == null && p.find()) {
                pkg = p.group(1);
            }
        }
        for (Map.Entry<String, byte[]> t : tables.entrySet()) {
            String path = t.getKey();
            boolean csv = path.toLowerCase(Locale.ROOT).endsWith(".csv");
            if (csv) {
                Utf8.Malformed malformed = Utf8.malformed(t.getValue());
                if (malformed != null) {
                    problems.add(Problem.at(path, malformed.line(), malformed.column(), malformed.message()
                            + "; save the table as CSV UTF-8"));
                    continue;
                }
            }
            List<Grid> grids;
            try {
                grids = Grid.read(path, t.getValue());
            } catch (IOException | RuntimeException e) {
                problems.add(Problem.at(path, 0, 0, "[" + path + "] cannot be read as a " + (csv ? "CSV file" : "workbook")
                        + " (" + e.getMessage() + "); save it again as " + (csv ? "CSV UTF-8" : ".xlsx (Excel 2007 or later)")));
                continue;
            }
            places.put(generated(path), path);
            List<String[]> ruleTables = new ArrayList<>();
            for (Grid g : grids) {
                for (int r = 0; r < g.rows().size(); r++) {
                    List<String> row = g.rows().get(r);
                    for (int c = 0; c < row.size(); c++) {
                        if (row.get(c).toLowerCase(Locale.ROOT).startsWith("ruletable")) {
                            ruleTables.add(new String[]{g.place(), Grid.columnName(c) + (r + 1)});
                        }
                    }
                }
            }
            if (!ruleTables.isEmpty()) {
                decisionTable(path, t.getValue(), csv, ruleTables, drl, cells, problems);
                continue;
            }
            GeneratedDrl out = new GeneratedDrl();
            out.line(null, "package " + (pkg == null ? DEFAULT_PACKAGE : pkg) + ";");
            out.line(null, "import dev.rubric.model.*;");
            out.line(null, "import dev.rubric.api.CategoryScore;");
            out.line(null, "import dev.rubric.api.TotalScore;");
            out.line(null, "import dev.rubric.api.Period;");
            out.line(null, "import java.time.LocalDate;");
            out.line(null, "global dev.rubric.api.ScoreSheet score;");
            out.line(null, "");
            boolean any = false;
            for (Grid g : grids) {
                int heading = ItemTable.headingRow(g);
                if (heading >= 0) {
                    any = true;
                    ItemTable.translate(g, heading, manifest, declared, loader, out, problems);
                }
            }
            if (!any) {
                problems.add(Problem.at(path, 0, 0, "[" + path + "] has no rule table: neither a Drools decision table (a RuleTable cell) nor a 评分细则 table "
                        + "(a heading row with 编号 and 评分项目); see docs/authoring.md, Tables"));
                continue;
            }
            drl.put(generated(path), out.text());
            cells.put(generated(path), out.cellOfLine());
        }
        return new Translation(Map.copyOf(drl), List.copyOf(problems), cells, places);
    }

    private static void decisionTable(String path, byte[] content, boolean csv, List<String[]> ruleTables, Map<String, String> drl,
                                      Map<String, NavigableMap<Integer, String>> cells, List<Problem> problems) {
        String text;
        try {
            text = new SpreadsheetCompiler().compile(new ByteArrayInputStream(content), csv ? InputType.CSV : InputType.XLS);
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            Matcher m = DROOLS_CELL.matcher(message);
            String place = ruleTables.get(0)[0];
            problems.add(Problem.at(m.find() ? place + "!" + m.group(1) : place, 0, 0,
                    "the decision table cannot be read: " + message + " (the layout: RuleSet, Import, Variables, then RuleTable with rows of "
                            + "CONDITION/ACTION/METADATA, object types, code, labels and one rule per row)"));
            return;
        }
        NavigableMap<Integer, String> lines = new TreeMap<>();
        String cell = null;
        int table = 0;
        String[] lineTexts = text.split("\n", -1);
        for (int i = 0; i < lineTexts.length; i++) {
            Matcher m = RULE_VALUES.matcher(lineTexts[i]);
            if (m.find()) {
                // several RuleTables may share a header cell on different sheets: they come in sheet order
                while (table < ruleTables.size() - 1 && !ruleTables.get(table)[1].equals(m.group(2))) {
                    table++;
                }
                cell = ruleTables.get(table)[0] + "!" + m.group(1);
            }
            if (cell != null) {
                lines.put(i + 1, cell);
            }
            if (lineTexts[i].strip().equals("end")) {
                cell = null;
            }
        }
        drl.put(generated(path), text);
        cells.put(generated(path), lines);
    }

    /**
     * The name the DRL of a table is compiled under: the compiler takes a file's kind from its extension, and
     * would read a {@code .csv} or {@code .xlsx} name as a decision table again.
     */
    private static String generated(String path) {
        return path + ".drl";
    }

    /**
     * The cells of the row a rule's cell is in, by heading (评分细则 tables) or column letter, so a change of a
     * table row can be shown as such; null when {@code cell} is not a table cell or the table cannot be read.
     *
     * @param files the rubric's files
     * @param cell  a rule's source, such as {@code targets.xlsx!评分细则!C7}
     */
    public static Map<String, String> row(RubricFiles files, String cell) {
        String[] parts = cell.split("!");
        if (parts.length < 2 || !RubricFiles.isTable(parts[0])) {
            return null;
        }
        Matcher ref = Pattern.compile("([A-Z]+)(\\d+)").matcher(parts[parts.length - 1]);
        if (!ref.matches()) {
            return null;
        }
        byte[] content = files.read(parts[0]);
        if (content == null) {
            return null;
        }
        try {
            for (Grid g : Grid.read(parts[0], content)) {
                if (parts.length == 3 && !parts[1].equals(g.sheet())) {
                    continue;
                }
                int row = Integer.parseInt(ref.group(2)) - 1;
                int heading = ItemTable.headingRow(g);
                Map<String, String> values = new LinkedHashMap<>();
                int width = Math.max(row < g.rows().size() ? g.rows().get(row).size() : 0, heading >= 0 ? g.rows().get(heading).size() : 0);
                for (int c = 0; c < width; c++) {
                    String name = heading >= 0 && !g.at(heading, c).isEmpty() ? g.at(heading, c) : Grid.columnName(c);
                    values.put(name, g.at(row, c));
                }
                return values;
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read the table [" + parts[0] + "]: " + e.getMessage(), e);
        }
        return null;
    }
}
