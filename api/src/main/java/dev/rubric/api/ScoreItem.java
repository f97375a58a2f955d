package dev.rubric.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One line of an explanation: a deduction, addition, cap, veto, grade limit or quota drop.
 *
 * @param rule     the id of the rule that made the item, or null for an item the arithmetic made (a category clamp, a quota drop)
 * @param ruleName the rule's name, or null with {@code rule}
 * @param category the category the item moves, or null for items that belong to none (vetoes, grade limits, quota drops)
 * @param kind     what the item is; never null
 * @param points   the signed points applied to the total, zero for items that move none; never null
 * @param reason   the sentence an auditor reads; never null
 * @param evidence the facts that prove the item; never null, unmodifiable
 * @param source   the rule's place as {@code file:line}, or null for items the arithmetic made
 * @param grade    the grade an item of kind GRADE_LIMIT or QUOTA or a grade-setting VETO leads to, otherwise null
 * @param effect   the effect of a VETO, otherwise null; written in JSON as {@code fail}, {@code zero}, {@code none} or
 *                 {@code cap:<grade>} (its {@code toString()})
 */
public record ScoreItem(String rule, String ruleName, String category, ItemKind kind, BigDecimal points,
                        String reason, List<Evidence> evidence, String source, String grade, VetoEffect effect) {

    public ScoreItem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(reason, "reason");
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
