package dev.rubric.api;

import java.math.BigDecimal;

/**
 * One rule of a loaded rubric, as the rubric's index knows it.
 *
 * @param id       the rule's {@code @id}, or its name when it has none; unique in the rubric; never null
 * @param name     the rule's name; never null
 * @param category the rule's {@code @category}, or null
 * @param max      the rule's {@code @max}, or null when uncapped
 * @param effect   the rule's {@code @effect}, or null when it uses the manifest's default
 * @param grading  whether the rule belongs to the {@code "grading"} agenda group
 * @param file     the rule file, relative to the rubric folder, or for a rule from a rule table its cell
 *                 ({@code targets.xlsx!评分细则!C7}); never null
 * @param line     the line of the rule's {@code rule} keyword, or 0 for a rule from a rule table
 * @param idWritten whether the rule file gives an {@code @id} (which may equal the name), rather than the name standing in
 * @param clause   the rubric's wording of the item (评分条款): the first paragraph of the comment directly above the rule,
 *                 without the rule's id; or null when the rule has none. Reports show it beside the item
 */
public record RubricRule(String id, String name, String category, BigDecimal max, VetoEffect effect,
                         boolean grading, String file, int line, boolean idWritten, String clause) {

    /** A rule without a clause. */
    public RubricRule(String id, String name, String category, BigDecimal max, VetoEffect effect,
                      boolean grading, String file, int line, boolean idWritten) {
        this(id, name, category, max, effect, grading, file, line, idWritten, null);
    }

    /** A rule whose {@code @id} counts as written when it differs from the name. */
    public RubricRule(String id, String name, String category, BigDecimal max, VetoEffect effect,
                      boolean grading, String file, int line) {
        this(id, name, category, max, effect, grading, file, line, id != null && !id.equals(name), null);
    }

    /** The rule's place as {@code file:line}, or its cell for a rule from a rule table. */
    public String source() {
        return line > 0 ? file + ":" + line : file;
    }
}
