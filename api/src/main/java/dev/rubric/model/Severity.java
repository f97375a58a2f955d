package dev.rubric.model;

/** How grave an inspection finding is (问题性质). */
public enum Severity {
    /** 轻微问题. */
    MINOR("轻微"),
    /** 一般问题. */
    GENERAL("一般"),
    /** 严重问题. */
    SERIOUS("严重");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /** The Chinese term. */
    public String label() {
        return label;
    }
}
