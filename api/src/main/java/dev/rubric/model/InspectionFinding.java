package dev.rubric.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A problem an inspection found (督查发现问题), with its rectification (整改) deadline and date.
 *
 * @param id                    the finding's id; never null
 * @param date                  the day of the inspection; never null
 * @param kind                  专项督查, 半年督查 or 明察暗访; never null
 * @param severity              how grave the problem is; never null
 * @param description           what was found; never null
 * @param rectificationDeadline the day it had to be rectified by, or null when no rectification was ordered
 * @param rectifiedOn           the day it was rectified, or null while it is not
 * @param concerns              the key of the problem when another item already scores it (同一问题): the id of the fact
 *                              that describes it (a missed study session, a violation) or of the item that scores it
 *                              when no fact does (such as {@code B4}); null for a problem of its own
 */
public record InspectionFinding(String id, LocalDate date, InspectionKind kind, Severity severity, String description,
                                LocalDate rectificationDeadline, LocalDate rectifiedOn, String concerns) {

    public InspectionFinding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(description, "description");
        concerns = concerns == null || concerns.isBlank() ? null : concerns.strip();
    }

    /** A finding about a problem of its own, which no other item scores. */
    public InspectionFinding(String id, LocalDate date, InspectionKind kind, Severity severity, String description,
                             LocalDate rectificationDeadline, LocalDate rectifiedOn) {
        this(id, date, kind, severity, description, rectificationDeadline, rectifiedOn, null);
    }

    /** Whether it was rectified (整改到位) by its deadline, or by the assessment where no deadline was set. */
    public boolean rectifiedInTime() {
        return rectifiedOn != null && (rectificationDeadline == null || !rectifiedOn.isAfter(rectificationDeadline));
    }
}
