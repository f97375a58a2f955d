package dev.rubric.engine.internal.report;

import dev.rubric.api.Evidence;
import dev.rubric.api.Numbers;

import java.math.BigDecimal;
import java.util.Map;
import java.util.StringJoiner;

/** Formatting shared by the reports: numbers and evidence. */
final class Display {

    private static final int MAX_EVIDENCE = 160;

    private Display() {
    }

    static String number(BigDecimal n) {
        return Numbers.plain(n);
    }

    static String signed(BigDecimal n) {
        String p = number(n);
        return n.signum() > 0 ? "+" + p : p;
    }

    /** The Chinese names of the department fact model's types, for reports of Chinese rubrics. */
    private static final Map<String, String> CHINESE_TYPES = Map.ofEntries(
            Map.entry("Department", "单位"), Map.entry("AssessmentPeriod", "考核周期"), Map.entry("TargetTask", "目标任务"),
            Map.entry("Kpi", "指标"), Map.entry("CoreSystem", "核心制度"), Map.entry("ServiceCase", "办件"),
            Map.entry("Disclosure", "办事公开"), Map.entry("Survey", "测评"), Map.entry("InspectionFinding", "督查发现"),
            Map.entry("EvidenceRecord", "工作痕迹"), Map.entry("StaffAssessment", "个人绩效考核"), Map.entry("StudySession", "集中学习"),
            Map.entry("Violation", "违规违纪"), Map.entry("Commendation", "表彰"));

    /**
     * The Chinese names of the department fact model's properties. A property without one keeps its own name; a
     * property that only orders or explains another ({@code higherIsBetter}) is left out.
     */
    private static final Map<String, String> CHINESE_PROPERTIES = Map.ofEntries(
            Map.entry("title", "名称"), Map.entry("responsible", "责任人"), Map.entry("deadline", "截止日期"),
            Map.entry("completedOn", "完成日期"), Map.entry("status", "状态"), Map.entry("name", "名称"),
            Map.entry("target", "目标值"), Map.entry("actual", "实际值"), Map.entry("unit", "单位"), Map.entry("kind", "类别"),
            Map.entry("inPlace", "已建立并执行"), Map.entry("since", "建立日期"), Map.entry("posted", "已公开"),
            Map.entry("matter", "事项"), Map.entry("received", "受理日期"), Map.entry("promisedDays", "承诺工作日"),
            Map.entry("finished", "办结日期"), Map.entry("passedOn", "首问推诿"), Map.entry("complaintVerified", "投诉查实"),
            Map.entry("date", "日期"), Map.entry("severity", "性质"), Map.entry("description", "情况"),
            Map.entry("rectificationDeadline", "整改期限"), Map.entry("rectifiedOn", "整改到位日期"), Map.entry("concerns", "同一问题"),
            Map.entry("activity", "记录活动"), Map.entry("coversDate", "活动日期"), Map.entry("madeOn", "制作日期"),
            Map.entry("period", "考核轮次"), Map.entry("dueDate", "应开展日期"), Map.entry("doneOn", "开展日期"),
            Map.entry("rewardsApplied", "与奖惩挂钩"), Map.entry("quarter", "季度"), Map.entry("heldOn", "学习日期"),
            Map.entry("topic", "学习内容"), Map.entry("group", "测评主体"), Map.entry("respondents", "测评人数"),
            Map.entry("satisfied", "满意"), Map.entry("basicallySatisfied", "基本满意"), Map.entry("person", "当事人"),
            Map.entry("unitResponsible", "单位负有责任"), Map.entry("achievement", "成果"), Map.entry("level", "级别"),
            Map.entry("year", "年度"), Map.entry("start", "起始日期"), Map.entry("end", "结束日期"), Map.entry("assessedOn", "考评日期"));

    /**
     * A fact reference as a person reads it. In a Chinese report the fact model's types and properties carry their
     * Chinese names, enum values their labels ({@code 已完成}, not {@code COMPLETED}), dates read 2026年6月30日 and yes/no
     * 是/否: {@code 目标任务 T-1：名称「机要保密检查」，截止日期2026年9月30日}. A problem key cited so that one problem is
     * deducted once reads {@code 同一问题：B4}.
     */
    static String evidence(Evidence e, boolean chinese) {
        if (!chinese) {
            return english(e);
        }
        if (e.type().equals(dev.rubric.api.SameProblem.class.getSimpleName())) {
            return "同一问题：" + e.id();
        }
        StringBuilder b = new StringBuilder(CHINESE_TYPES.getOrDefault(e.type(), e.type()));
        if (e.id() != null) {
            b.append(' ').append(e.id());
        }
        StringJoiner values = new StringJoiner("，", "：", "").setEmptyValue("");
        for (Map.Entry<String, Object> p : e.properties().entrySet()) {
            Object v = p.getValue();
            if (v == null || p.getKey().equals("id") || p.getKey().equals("higherIsBetter")) {
                continue;
            }
            String text = v instanceof BigDecimal d ? number(d)
                    : v instanceof Enum<?> en ? label(en)
                    : v instanceof java.time.LocalDate day ? dev.rubric.model.ChineseDate.of(day)
                    : v instanceof Boolean yes ? (yes ? "是" : "否")
                    : v instanceof String str ? "「" + str + "」"
                    : String.valueOf(v);
            values.add(CHINESE_PROPERTIES.getOrDefault(p.getKey(), p.getKey()) + text);
        }
        b.append(values);
        return b.length() > MAX_EVIDENCE ? b.substring(0, MAX_EVIDENCE - 1) + "…" : b.toString();
    }

    private static String english(Evidence e) {
        StringBuilder b = new StringBuilder(e.type());
        if (e.id() != null) {
            b.append(' ').append(e.id());
        }
        StringJoiner values = new StringJoiner(", ", " (", ")").setEmptyValue("");
        for (Map.Entry<String, Object> p : e.properties().entrySet()) {
            if (p.getValue() != null && !p.getKey().equals("id")) {
                Object v = p.getValue();
                values.add(p.getKey() + "=" + (v instanceof BigDecimal d ? number(d) : v));
            }
        }
        b.append(values);
        return b.length() > MAX_EVIDENCE ? b.substring(0, MAX_EVIDENCE - 1) + "…" : b.toString();
    }

    /** An enum constant's {@code label()} where its type has one, otherwise its name. */
    private static String label(Enum<?> value) {
        try {
            java.lang.reflect.Method m = value.getDeclaringClass().getMethod("label");
            Object label = m.invoke(value);
            return label == null ? value.name() : label.toString();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return value.name();
        }
    }
}
