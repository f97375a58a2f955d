package dev.rubric.engine.internal.scoring;

import dev.rubric.api.Evidence;
import dev.rubric.api.ItemKind;
import dev.rubric.api.RubricRule;
import dev.rubric.api.VetoEffect;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a rule wrote on the score sheet, before the arithmetic of contract §4 turns it into items.
 *
 * @param rule     the rule that made it; never null
 * @param kind     DEDUCTION, ADDITION, VETO or GRADE_LIMIT
 * @param points   signed points as asked (negative for a deduction), zero for vetoes and limits
 * @param reason   the rule's reason
 * @param evidence the cited facts
 * @param grade    the limiting grade of a GRADE_LIMIT, otherwise null
 * @param effect   the effect of a VETO (the rule's, or the manifest's default), otherwise null
 */
public record RawItem(RubricRule rule, ItemKind kind, BigDecimal points, String reason, List<Evidence> evidence,
                      String grade, VetoEffect effect) {
}
