package dev.rubric.model;

/** The state of a target task (目标任务状态). */
public enum TaskStatus {
    /** 推进中: not finished yet. */
    IN_PROGRESS("推进中"),
    /** 已完成. */
    COMPLETED("已完成"),
    /** 经批准调整: changed or withdrawn with approval, so it is not scored. */
    ADJUSTED("经批准调整");

    private final String label;

    TaskStatus(String label) {
        this.label = label;
    }

    /** The Chinese term. */
    public String label() {
        return label;
    }
}
