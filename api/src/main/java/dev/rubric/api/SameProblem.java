package dev.rubric.api;

import java.util.Objects;

/**
 * A key naming one problem, cited as evidence by every item that deducts for it, so that the problem is deducted once
 * (同一问题不重复扣分).
 *
 * <p>A rule passes it among its evidence: {@code score.deduct(2, reason, $finding, SameProblem.of($finding.concerns()))}.
 * Of the deductions of one subject that cite the same key, whatever their rules and categories, only the largest
 * counts (the first in rule-file order when they are equal); each other stays in the explanation with 0 points and a
 * note naming the item that counts. Additions are never merged. The key is the rubric's to choose; the bundled rubric
 * uses the id of the fact that describes the problem (a missed study session, a violation) or the id of the item
 * for a problem no fact describes (B4).
 *
 * @param id the problem's key; never null or blank
 */
public record SameProblem(String id) {

    public SameProblem {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a problem's key is blank: give the id of the fact or item that names the problem");
        }
    }

    /**
     * The key of one problem.
     *
     * @param id the key; never null or blank
     */
    public static SameProblem of(String id) {
        return new SameProblem(id);
    }
}
