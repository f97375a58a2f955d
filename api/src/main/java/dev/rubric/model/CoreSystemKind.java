package dev.rubric.model;

/** One of the three core systems of efficiency work (效能建设核心制度). */
public enum CoreSystemKind {
    /** 首问负责制: the first person asked sees the matter through. */
    FIRST_INQUIRY("首问负责制"),
    /** 限时办结制: matters are finished within a promised time. */
    TIME_LIMITED("限时办结制"),
    /** 责任追究制: failures are followed by accountability. */
    ACCOUNTABILITY("责任追究制");

    private final String label;

    CoreSystemKind(String label) {
        this.label = label;
    }

    /** The Chinese term. */
    public String label() {
        return label;
    }
}
