package dev.rubric.testkit;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * Writes small .xlsx rule tables for tests, so a test can state a table row by row instead of keeping a
 * binary file beside it:
 *
 * <pre>{@code
 * byte[] xlsx = Workbooks.xlsx(Workbooks.sheet("评分细则",
 *         List.of("编号", "类别", "评分项目", "每次扣分", "条件"),
 *         List.of("A2", "目标任务", "目标任务逾期完成", 1, "TargetTask(completedOn > deadline)")));
 * }</pre>
 *
 * A {@link Number} becomes a number cell, anything else a text cell, null a blank cell.
 */
public final class Workbooks {

    private Workbooks() {
    }

    /**
     * One sheet of a workbook.
     *
     * @param name the sheet's name; never null
     * @param rows the rows from the first, each its cells from column A
     */
    public record SheetRows(String name, List<List<?>> rows) {
        public SheetRows {
            rows = List.copyOf(rows);
        }
    }

    /** A sheet with the given rows. */
    @SafeVarargs
    public static SheetRows sheet(String name, List<?>... rows) {
        return new SheetRows(name, List.of(rows));
    }

    /** The bytes of an .xlsx workbook holding the sheets in order. */
    public static byte[] xlsx(SheetRows... sheets) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (SheetRows s : sheets) {
                Sheet sheet = book.createSheet(s.name());
                for (int r = 0; r < s.rows().size(); r++) {
                    Row row = sheet.createRow(r);
                    List<?> cells = s.rows().get(r);
                    for (int c = 0; c < cells.size(); c++) {
                        Object v = cells.get(c);
                        if (v == null) {
                            continue;
                        }
                        Cell cell = row.createCell(c);
                        if (v instanceof Number n) {
                            cell.setCellValue(new BigDecimal(n.toString()).doubleValue());
                        } else {
                            cell.setCellValue(v.toString());
                        }
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a workbook in memory: " + e.getMessage(), e);
        }
    }
}
