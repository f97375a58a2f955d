package dev.rubric.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A commendation (表彰) of the department, or an innovation of it adopted by a higher body (创新被采纳).
 *
 * <p>One achievement may be recognised at several levels; {@code achievement} names it so a
 * rubric can count it once, at its highest level.
 *
 * @param id          the fact's id; never null
 * @param achievement a key naming the achievement recognised, shared by every commendation of it; never null
 * @param title       the honour or the adopted practice, such as 全省“美德在农家”创建工作先进集体; never null
 * @param kind        an honour or an adopted innovation; never null
 * @param level       the level of the body that gave it; never null
 * @param date        the day it was given; never null
 */
public record Commendation(String id, String achievement, String title, CommendationKind kind,
                           CommendationLevel level, LocalDate date) {

    public Commendation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(achievement, "achievement");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(date, "date");
    }
}
