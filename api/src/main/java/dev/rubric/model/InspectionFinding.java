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
 */
public record InspectionFinding(String id, LocalDate date, InspectionKind kind, Severity severity, String description,
                                LocalDate rectificationDeadline, LocalDate rectifiedOn) {

    public InspectionFinding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(description, "description");
    }
}
