package dev.rubric.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a rubric of any number of rules over the department fact model, for load and growth benchmarks:
 * the bundled rubric's categories and grades, and rules made from five templates (a filtered fact, a join
 * with the assessment period, a range on a number, an enum and a flag, a negation) with constants that
 * differ from rule to rule, so the compiler cannot share their conditions and most rules rarely fire, as
 * in a real scheme of many narrow items. 500 rules per file, one category per file.
 */
public final class GeneratedRubric {

    private static final String[] CATEGORIES = {"targets", "systems", "service", "conduct", "records", "satisfaction"};
    private static final int RULES_PER_FILE = 500;

    private GeneratedRubric() {
    }

    /**
     * Writes the rubric into {@code folder} (created if needed) and returns it.
     *
     * @param rules how many rules, at least 1
     * @param salt  text that goes into a comment, so two calls with different salts give different content
     */
    public static Path write(Path folder, int rules, String salt) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("rubric.yaml"), manifest(rules), StandardCharsets.UTF_8);
            for (int file = 0; file * RULES_PER_FILE < rules; file++) {
                StringBuilder drl = new StringBuilder();
                drl.append("// generated: ").append(rules).append(" rules, file ").append(file).append(", ").append(salt).append('\n')
                        .append("package rubrics.generated;\n\nimport dev.rubric.model.*;\n\nglobal dev.rubric.api.ScoreSheet score;\n\n");
                for (int i = file * RULES_PER_FILE; i < Math.min(rules, (file + 1) * RULES_PER_FILE); i++) {
                    drl.append(rule(i, CATEGORIES[file % CATEGORIES.length]));
                }
                Files.writeString(folder.resolve(String.format("rules-%03d.drl", file)), drl, StandardCharsets.UTF_8);
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String manifest(int rules) {
        StringBuilder m = new StringBuilder("id: generated-" + rules + "\nname: generated " + rules + " rules\nversion: \"1\"\ncategories:\n");
        for (String c : CATEGORIES) {
            m.append("  - { id: ").append(c).append(", name: ").append(c).append(", max: 100 }\n");
        }
        m.append("grades:\n  - { id: A, min: 500, quota: 0.2 }\n  - { id: B, min: 400 }\n  - { id: C }\n");
        return m.toString();
    }

    private static String rule(int i, String category) {
        String when = switch (i % 5) {
            case 0 -> "    $f : TargetTask( responsible == \"责任人" + (i % 97) + "\", completedOn > deadline )\n";
            case 1 -> "    AssessmentPeriod( kind == PeriodKind.ANNUAL, $a : assessedOn )\n"
                    + "    $f : ServiceCase( promisedDays == " + (5 + i % 40) + ", finished == null || finished > $a )\n";
            case 2 -> "    $f : Survey( respondents > " + (20 + i % 300) + ", satisfied < " + (10 + i % 150) + " )\n";
            case 3 -> "    $f : InspectionFinding( severity == Severity." + (i % 2 == 0 ? "SERIOUS" : "GENERAL")
                    + ", description == \"督查发现问题" + (i % 1000) + "\" )\n";
            default -> "    $f : StaffAssessment( period == \"绩效考核" + (i % 10) + "\", doneOn == null )\n"
                    + "    not EvidenceRecord( activity == \"工作台账" + (i % 1000) + "\" )\n";
        };
        return "rule \"R" + i + " generated item " + i + "\"\n    @id(\"R" + i + "\") @category(\"" + category + "\") @max(2)\nwhen\n"
                + when + "then\n    score.deduct(0.5, \"R" + i + " matched \" + $f, $f);\nend\n\n";
    }
}
