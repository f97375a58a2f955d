package dev.rubric.model;

/** The level of the body that commended the department (表彰级别), highest first. */
public enum CommendationLevel {
    /** 国家级. */
    NATIONAL("国家级"),
    /** 省级. */
    PROVINCIAL("省级"),
    /** 市级. */
    CITY("市级"),
    /** 县级. */
    COUNTY("县级");

    private final String label;

    CommendationLevel(String label) {
        this.label = label;
    }

    /** The Chinese term. */
    public String label() {
        return label;
    }

    /**
     * Whether this level is higher than another.
     *
     * @param other the level to compare with; never null
     */
    public boolean isHigherThan(CommendationLevel other) {
        return compareTo(other) < 0;
    }
}
