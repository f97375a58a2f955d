package dev.rubric.api;

/** What kind of line of an explanation an item is. */
public enum ItemKind {
    /** Points a rule took away (扣分). */
    DEDUCTION,
    /** Points a rule gave (加分). */
    ADDITION,
    /** Points given back because a rule's {@code @max} or a category's bounds were reached (封顶, 扣完为止). */
    CAP,
    /** A veto (一票否决); carries points only when its effect zeroes the total. */
    VETO,
    /** A limit on the best grade the subject can have. */
    GRADE_LIMIT,
    /** A drop to the next grade because the cohort's quota for a grade was full. */
    QUOTA
}
