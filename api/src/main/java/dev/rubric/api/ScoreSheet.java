package dev.rubric.api;

/**
 * The score sheet a rule file writes its items on: the global named {@code score} in every rubric.
 *
 * <p>Each call is attributed to the rule whose consequence makes it (its {@code @id}, name,
 * category and {@code file:line}); a rule passes only points, a reason and its evidence.
 * Evidence objects are recorded as references (type and, where the fact has one, its id).
 */
public interface ScoreSheet {

    /**
     * Lowers the calling rule's category by {@code points}.
     *
     * @param points   how many points to take away, a positive number; never null
     * @param reason   the sentence an auditor reads, in the rubric's language; never null
     * @param evidence the facts that prove the item; may be empty, elements never null
     */
    void deduct(Number points, String reason, Object... evidence);

    /**
     * Raises the calling rule's category by {@code points}.
     *
     * @param points   how many points to give, a positive number; never null
     * @param reason   the sentence an auditor reads; never null
     * @param evidence the facts that prove the item; may be empty
     */
    void add(Number points, String reason, Object... evidence);

    /**
     * Records a veto item (一票否决) with the rule's {@code @effect}, or the manifest's
     * {@code veto.effect} when the rule has none.
     *
     * @param reason   why the subject is vetoed; never null
     * @param evidence the facts that prove it; may be empty
     */
    void veto(String reason, Object... evidence);

    /**
     * Declares that the subject's grade can be no better than {@code grade}.
     *
     * @param grade    the id of one of the manifest's grades; never null
     * @param reason   why the grade is limited; never null
     * @param evidence the facts that prove it; may be empty
     */
    void limitGrade(String grade, String reason, Object... evidence);
}
