package dev.rubric.model;

/** What a commendation recognises (表彰类别). */
public enum CommendationKind {
    /** 获得表彰. */
    HONOUR("表彰"),
    /** 创新做法被上级采纳推广. */
    INNOVATION_ADOPTED("创新做法被采纳推广"),
    /** 效能考评表彰: a commendation for the result of an efficiency assessment itself, which the next one must not count again. */
    EFFICIENCY_AWARD("效能考评表彰");

    private final String label;

    CommendationKind(String label) {
        this.label = label;
    }

    /** The Chinese term. */
    public String label() {
        return label;
    }
}
