package dev.rubric.engine.internal.report;

import dev.rubric.api.ItemKind;

/** The words of a report, in the rubric's language. */
record Labels(String rank, String subject, String total, String grade, String vetoed, String noGrade, String base,
              String categories, String evidence, String source, String cohortOf, String points, String reason, String item,
              String kindWord, String yes, String beforeVeto, String noItems, String[] kinds, String notice, String byGrade,
              String commendation, String ranking, String pointsUnit, String clampItem, String chartTitle, String maxWord,
              String sources, String sourcesNote, String ruleFile) {

    static final Labels CHINESE = new Labels("排名", "单位", "总分", "等次", "否决", "不评定等级", "基础分", "类别得分", "佐证", "依据",
            "参评单位", "分值", "理由", "项目", "类型", "是", "否决前", "无扣分、加分事项",
            new String[] {"扣分", "加分", "封顶", "一票否决", "等次限制", "名额限制"}, "结果通报", "考评等次",
            "评为{grade}的单位予以通报表扬。", "排名", "分", "类别扣完为止或封顶", "各单位总分（按等次着色）", "满分",
            "附：评分条款出处", "（供评分细则维护人员核对）", "规则文件");

    static final Labels ENGLISH = new Labels("Rank", "Subject", "Total", "Grade", "Vetoed", "no grade", "Base", "Categories",
            "Evidence", "Source", "Subjects", "Points", "Reason", "Item", "Kind", "yes", "before veto", "no items",
            new String[] {"deduction", "addition", "cap", "veto", "grade limit", "quota"}, " results", "Grades",
            "Subjects graded {grade} are commended.", "Ranking", "", "category bound", "Totals by grade", "max",
            "Appendix: where each item is written", "(for the rubric's authors)", "Rule file");

    static Labels of(boolean chinese) {
        return chinese ? CHINESE : ENGLISH;
    }

    /** The line naming the period results were scored for, or empty when none was named (contract §8). */
    String period(dev.rubric.api.Period period) {
        if (period == null) {
            return "";
        }
        return this == CHINESE ? "考核周期：" + period.id() + "（" + dev.rubric.model.ChineseDate.of(period.start()) + "至"
                + dev.rubric.model.ChineseDate.of(period.end()) + "）"
                : "Period: " + period.id() + " (" + period.start() + " to " + period.end() + ")";
    }

    String kind(ItemKind kind) {
        return kinds[kind.ordinal()];
    }
}
