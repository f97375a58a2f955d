package dev.rubric.model;

/** The kind of an assessment period (考核周期). */
public enum PeriodKind {
    /** 平时考核. */
    DAILY("平时"),
    /** 季度考核. */
    QUARTERLY("季度"),
    /** 半年考核. */
    HALF_YEAR("半年"),
    /** 年度（年终）考核. */
    ANNUAL("年度");

    private final String label;

    PeriodKind(String label) {
        this.label = label;
    }

    /** The Chinese term. */
    public String label() {
        return label;
    }
}
