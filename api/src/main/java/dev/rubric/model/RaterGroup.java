package dev.rubric.model;

/** Who rated the department in a survey (测评主体). */
public enum RaterGroup {
    /** 领导测评. */
    LEADERS("领导测评"),
    /** 群众测评（含社会评议）. */
    PUBLIC("群众测评"),
    /** 干部职工测评. */
    STAFF("干部职工测评"),
    /** 上级评价. */
    SUPERIOR("上级评价"),
    /** 同级评价. */
    PEER("同级评价"),
    /** 下级评价. */
    SUBORDINATE("下级评价");

    private final String label;

    RaterGroup(String label) {
        this.label = label;
    }

    /** The Chinese term. */
    public String label() {
        return label;
    }
}
