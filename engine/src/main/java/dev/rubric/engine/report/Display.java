package dev.rubric.engine.report;

import dev.rubric.api.Evidence;
import dev.rubric.engine.json.ResultJson;

import java.math.BigDecimal;
import java.util.Map;
import java.util.StringJoiner;

/** Formatting shared by the text and Markdown reports: numbers, evidence, and column widths of CJK text. */
final class Display {

    private static final int MAX_EVIDENCE = 160;

    private Display() {
    }

    static String number(BigDecimal n) {
        return ResultJson.plain(n);
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

    /** A fact reference as a person reads it: type, id, and the values that were set. */
    static String evidence(Evidence e) {
        return evidence(e, false);
    }

    /**
     * A fact reference as a person reads it. In a Chinese report the fact model's types carry their Chinese
     * names and enum values their labels ({@code 已完成}, not {@code COMPLETED}).
     */
    static String evidence(Evidence e, boolean chinese) {
        StringBuilder b = new StringBuilder(chinese ? CHINESE_TYPES.getOrDefault(e.type(), e.type()) : e.type());
        if (e.id() != null) {
            b.append(' ').append(e.id());
        }
        StringJoiner values = new StringJoiner(", ", " (", ")").setEmptyValue("");
        for (Map.Entry<String, Object> p : e.properties().entrySet()) {
            if (p.getValue() != null && !p.getKey().equals("id")) {
                Object v = p.getValue();
                values.add(p.getKey() + "=" + (v instanceof BigDecimal d ? number(d) : chinese && v instanceof Enum<?> en ? label(en) : v));
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

    /** The width of text in a terminal: CJK and full-width characters take two columns. */
    static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += wide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return w;
    }

    static String padRight(String s, int width) {
        return s + " ".repeat(Math.max(0, width - width(s)));
    }

    static String padLeft(String s, int width) {
        return " ".repeat(Math.max(0, width - width(s))) + s;
    }

    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }
}
