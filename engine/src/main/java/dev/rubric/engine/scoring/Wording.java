package dev.rubric.engine.scoring;

import dev.rubric.engine.json.ResultJson;
import dev.rubric.api.Manifest;

import java.math.BigDecimal;

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

    String quotaDrop(String grade, BigDecimal quota, int allowed, String next);

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

    static String plain(BigDecimal n) {
        return ResultJson.plain(n); // one way to write a number: contract §6
    }

    /** 中文措辞. */
    final class Chinese implements Wording {
        @Override
        public String ruleCap(String rule, BigDecimal max, BigDecimal cut, boolean deduction) {
            return "「" + rule + "」本项最多" + (deduction ? "扣" : "加") + plain(max) + "分，超出的" + plain(cut) + "分不计";
        }

        @Override
        public String clamp(String category, BigDecimal bound, BigDecimal cut, boolean floor) {
            return floor
                    ? "「" + category + "」扣完为止（最低" + plain(bound) + "分），超出的" + plain(cut) + "分不计"
                    : "「" + category + "」最高" + plain(bound) + "分（封顶），超出的" + plain(cut) + "分不计";
        }

        @Override
        public String vetoZero(BigDecimal before) {
            return "一票否决：总分计为0分（否决前" + plain(before) + "分）";
        }

        @Override
        public String quotaDrop(String grade, BigDecimal quota, int allowed, String next) {
            return "「" + grade + "」等次比例不超过" + plain(quota.movePointRight(2)) + "%（本次" + allowed + "个名额），按排名顺延为「" + next + "」";
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
            return "rule [" + rule + "] may " + (deduction ? "deduct" : "add") + " at most " + plain(max) + " points; the other "
                    + plain(cut) + " do not count";
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
        public String quotaDrop(String grade, BigDecimal quota, int allowed, String next) {
            return "at most " + plain(quota.movePointRight(2)) + "% of the cohort may be graded [" + grade + "] (" + allowed
                    + " places); moved to [" + next + "] by rank";
        }

        @Override
        public String withNote(String reason, String note) {
            return reason + " (" + note + ")";
        }
    }
}
