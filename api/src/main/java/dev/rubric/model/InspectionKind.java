package dev.rubric.model;

/** Which inspection found a problem (督查类别). */
public enum InspectionKind {
    /** 县委督查室专项督查. */
    SPECIAL("专项督查"),
    /** 效能办半年督查. */
    HALF_YEAR("半年督查"),
    /** 纪委明察暗访. */
    COVERT_VISIT("明察暗访");

    private final String label;

    InspectionKind(String label) {
        this.label = label;
    }

    /** The Chinese term. */
    public String label() {
        return label;
    }
}
