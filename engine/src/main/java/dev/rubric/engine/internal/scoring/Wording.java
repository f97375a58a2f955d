package dev.rubric.engine.internal.scoring;

import dev.rubric.api.Manifest;

import java.math.BigDecimal;

import static dev.rubric.api.Numbers.plain;

/**
 * The sentences the arithmetic writes into explanations, in the rubric's own language.
 *
 * <p>The manifest's {@code language} chooses; where it gives none, a rubric whose name or categories are written
 * in Chinese gets Chinese explanations, any other gets English ({@link Manifest.Language#of}).
 */
public interface Wording {

    String ruleCap(String rule, BigDecimal max, BigDecimal cut, boolean deduction);

    String clamp(String category, BigDecimal bound, BigDecimal cut, boolean floor);

    String vetoZero(BigDecimal before);

    /**
     * The note on a deduction not made because another item deducts for the same problem (同一问题不重复扣分).
     *
     * @param points  the points the item would have deducted, positive
     * @param counted the name of the item that deducts for the problem
     */
    String sameProblem(BigDecimal points, String counted);

    /**
     * A quota drop told with the cohort's names: who shared the subject's rank, or its rank beyond the places.
     *
     * @param rank     the subject's competition rank
     * @param tiedWith the names of the other subjects that share its rank and drop with it; empty when none
     * @param allowed  how many places the grade has
     */
    String quotaDrop(String grade, BigDecimal quota, int allowed, String next, int rank, java.util.List<String> tiedWith);

    /** A quota drop before its subject's rank and ties are known (a cut's own item; each subject's drop is named later). */
    default String quotaDrop(String grade, BigDecimal quota, int allowed, String next) {
        return quotaDrop(grade, quota, allowed, next, 0, java.util.List.of());
    }

    /** A reason with a note added in brackets. */
    String withNote(String reason, String note);

    /** Chinese or English wording for a manifest. */
    static Wording of(Manifest manifest) {
        return isChinese(manifest) ? new Chinese() : new English();
    }

    /** Whether the rubric's explanations are written in Chinese: its {@code language}, or its name and categories. */
    static boolean isChinese(Manifest manifest) {
        return manifest.language() == Manifest.Language.ZH;
    }


    /** 中文措辞. */
    final class Chinese implements Wording {
        @Override
        public String ruleCap(String rule, BigDecimal max, BigDecimal cut, boolean deduction) {
            String verb = deduction ? "扣" : "加";
            return "应" + verb + plain(max.add(cut)) + "分，本项最多" + verb + plain(max) + "分，按" + plain(max) + "分计";
        }

        @Override
        public String clamp(String category, BigDecimal bound, BigDecimal cut, boolean floor) {
            return floor
                    ? "「" + category + "」各项扣分合计超过本类分值，扣完为止（最低" + plain(bound) + "分），超出的" + plain(cut) + "分不计"
                    : "「" + category + "」最高" + plain(bound) + "分，各项合计超出" + plain(cut) + "分，按" + plain(bound) + "分计";
        }

        @Override
        public String sameProblem(BigDecimal points, String counted) {
            return "与「" + counted + "」属同一问题，已在该项扣分，本项不重复扣分（应扣" + plain(points) + "分）";
        }

        @Override
        public String quotaDrop(String grade, BigDecimal quota, int allowed, String next, int rank, java.util.List<String> tiedWith) {
            String share = "（参评单位的" + plain(quota.movePointRight(2)) + "%）";
            if (tiedWith.isEmpty()) {
                return "排名第" + rank + "名，" + grade + "名额为" + allowed + "个" + share + "，超出名额，评为" + next;
            }
            return "与" + String.join("、", tiedWith) + "并列第" + rank + "名，同评" + grade + "将超出" + allowed + "个名额" + share
                    + "，均评为" + next;
        }

        @Override
        public String vetoZero(BigDecimal before) {
            return "一票否决：总分计为0分（否决前" + plain(before) + "分）";
        }

        @Override
        public String withNote(String reason, String note) {
            return reason + "（" + note + "）";
        }
    }

    /** English wording. */
    final class English implements Wording {
        @Override
        public String ruleCap(String rule, BigDecimal max, BigDecimal cut, boolean deduction) {
            return (deduction ? "deducts " : "adds ") + plain(max.add(cut)) + " points; this item " + (deduction ? "deducts" : "adds")
                    + " at most " + plain(max) + ", so " + plain(max) + " count";
        }

        @Override
        public String sameProblem(BigDecimal points, String counted) {
            return "the same problem as [" + counted + "], deducted there; not deducted again (" + plain(points) + " points)";
        }

        @Override
        public String quotaDrop(String grade, BigDecimal quota, int allowed, String next, int rank, java.util.List<String> tiedWith) {
            String places = allowed + " places (" + plain(quota.movePointRight(2)) + "% of the cohort)";
            if (tiedWith.isEmpty()) {
                return "ranked " + rank + ", beyond the " + places + " of [" + grade + "]; graded [" + next + "]";
            }
            return "tied at rank " + rank + " with " + String.join(", ", tiedWith) + "; grading them all [" + grade + "] would exceed its "
                    + places + ", so all are graded [" + next + "]";
        }

        @Override
        public String clamp(String category, BigDecimal bound, BigDecimal cut, boolean floor) {
            return "category [" + category + "] " + (floor ? "cannot go below " : "cannot go above ") + plain(bound)
                    + "; the other " + plain(cut) + " points do not count";
        }

        @Override
        public String vetoZero(BigDecimal before) {
            return "veto: the total becomes 0 (it was " + plain(before) + ")";
        }

        @Override
        public String withNote(String reason, String note) {
            return reason + " (" + note + ")";
        }
    }
}
