package dev.rubric.model;

import java.time.LocalDate;

/** Dates as Chinese official documents write them: 2026年6月30日. */
public final class ChineseDate {

    private ChineseDate() {
    }

    /**
     * The day written as 2026年6月30日.
     *
     * @param day the day; never null
     */
    public static String of(LocalDate day) {
        return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }

    /**
     * The quarter written as 第二季度.
     *
     * @param quarter 1 to 4
     */
    public static String quarter(int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter [" + quarter + "]: give 1 to 4");
        }
        return "第" + "一二三四".charAt(quarter - 1) + "季度";
    }
}
