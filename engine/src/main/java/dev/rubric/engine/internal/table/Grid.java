package dev.rubric.engine.internal.table;

import dev.rubric.api.Numbers;
import dev.rubric.engine.internal.text.Utf8;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.drools.decisiontable.parser.csv.CsvLineParser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The cells of one sheet of a rule table as text, by row and column (both 0-based), with the name a person
 * uses for a cell: {@code targets.xlsx!评分细则!C7} for a workbook, {@code targets.csv!C7} for a CSV file.
 *
 * @param file  the table's path in the rubric folder
 * @param sheet the sheet's name, or null for a CSV file
 * @param rows  each row's cells as trimmed text, empty where a cell is blank
 */
record Grid(String file, String sheet, List<List<String>> rows) {

    /** The sheets of a table file: every sheet of a workbook, the one sheet of a CSV file. */
    static List<Grid> read(String file, byte[] content) throws IOException {
        if (file.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            List<List<String>> rows = new ArrayList<>();
            CsvLineParser parser = new CsvLineParser();
            String text = Utf8.decode(content);
            if (text.startsWith("\uFEFF")) { // Excel writes a byte order mark before UTF-8 CSV
                text = text.substring(1);
            }
            for (String line : text.split("\r?\n", -1)) {
                rows.add(parser.parse(line).stream().map(String::strip).toList());
            }
            return List.of(new Grid(file, null, rows));
        }
        List<Grid> grids = new ArrayList<>();
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            for (Sheet sheet : book) {
                List<List<String>> rows = new ArrayList<>();
                for (Row row : sheet) {
                    while (rows.size() < row.getRowNum()) {
                        rows.add(List.of());
                    }
                    List<String> cells = new ArrayList<>();
                    for (Cell cell : row) {
                        while (cells.size() < cell.getColumnIndex()) {
                            cells.add("");
                        }
                        cells.add(text(cell, formatter));
                    }
                    rows.add(cells);
                }
                grids.add(new Grid(file, sheet.getSheetName(), rows));
            }
        }
        return grids;
    }

    private static String text(Cell cell, DataFormatter formatter) {
        // a formula counts by the value the spreadsheet program last computed for it
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC && !org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(cell)) {
            // the number as stored, not as displayed: a cell formatted to show 0.5 as "1" still scores 0.5
            return Numbers.plain(new java.math.BigDecimal(Double.toString(cell.getNumericCellValue())));
        }
        if (type == CellType.STRING) {
            return cell.getStringCellValue().strip();
        }
        if (type == CellType.BOOLEAN) {
            return String.valueOf(cell.getBooleanCellValue());
        }
        return cell.getCellType() == CellType.FORMULA ? "" : formatter.formatCellValue(cell).strip();
    }

    /** The text of a cell, empty when blank or outside the sheet. */
    String at(int row, int column) {
        if (row < 0 || row >= rows.size() || column < 0) {
            return "";
        }
        List<String> r = rows.get(row);
        return column < r.size() ? r.get(column) : "";
    }

    /** The name of a cell as a person finds it: {@code targets.xlsx!评分细则!C7}. */
    String cell(int row, int column) {
        return place() + "!" + columnName(column) + (row + 1);
    }

    /** The file and sheet: {@code targets.xlsx!评分细则}, or the file alone for CSV. */
    String place() {
        return sheet == null ? file : file + "!" + sheet;
    }

    /** The spreadsheet name of a 0-based column: A, B, …, Z, AA, … */
    static String columnName(int column) {
        StringBuilder b = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            b.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return b.toString();
    }
}
