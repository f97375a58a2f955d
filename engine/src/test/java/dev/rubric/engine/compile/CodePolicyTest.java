package dev.rubric.engine.compile;

import dev.rubric.api.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Restricted loading refuses rubric code that reaches beyond the fact model, and lets ordinary rubrics through. */
class CodePolicyTest {

    private static final String HEAD = """
            package rubrics.attack;
            import dev.rubric.model.TargetTask;
            global dev.rubric.api.ScoreSheet score;
            declare Finding
              id : String
              points : java.math.BigDecimal
            end
            """;

    static List<Problem> check(String drl) {
        return CodePolicy.check(Map.of("attack.drl", drl), CodePolicyTest.class.getClassLoader());
    }

    static String rule(String when, String then) {
        return HEAD + "rule \"X1\" @id(\"X1\") @category(\"c\")\nwhen\n  " + when + "\nthen\n  " + then + "\nend\n";
    }

    /** Escape attempts, each written as someone trying to get out would write it. */
    static Stream<String> attacks() {
        return Stream.of(
                rule("$t : TargetTask()", "System.exit(1);"),
                rule("$t : TargetTask()", "java.lang.System.exit(1);"),
                rule("$t : TargetTask()", "Runtime.getRuntime().exec(\"rm -rf /\");"),
                rule("$t : TargetTask()", "java.lang.Runtime.getRuntime().exec(\"id\");"),
                rule("$t : TargetTask()", "new ProcessBuilder(\"sh\").start();"),
                rule("$t : TargetTask()", "new java.lang.ProcessBuilder(\"sh\").start();"),
                rule("$t : TargetTask()", "java.nio.file.Files.readString(java.nio.file.Path.of(\"/etc/passwd\"));"),
                rule("$t : TargetTask()", "new java.io.File(\"/tmp/x\").delete();"),
                rule("$t : TargetTask()", "new java.net.Socket(\"example.org\", 80);"),
                rule("$t : TargetTask()", "Class.forName(\"java.lang.Runt\" + \"ime\");"),
                rule("$t : TargetTask()", "$t.getClass().getClassLoader().loadClass(\"x\");"),
                rule("$t : TargetTask()", "\"\".getClass().forName(\"java.lang.Runtime\");"),
                rule("$t : TargetTask()", "String.class.getMethods();"),
                rule("$t : TargetTask()", "new Thread(() -> {}).start();"),
                rule("$t : TargetTask()", "java.lang.invoke.MethodHandles.lookup();"),
                rule("$t : TargetTask()", "\\u0053ystem.exit(1);"),
                rule("$t : TargetTask()", "\\uuuu0053ystem.exit(1);"),
                rule("$t : TargetTask()", "kcontext.getKieRuntime().halt();"),
                rule("$t : TargetTask()", "drools.getKieRuntime().getKieBase();"),
                rule("$t : TargetTask( eval(System.currentTimeMillis() > 0) )", "score.deduct(1, \"x\", $t);"),
                rule("eval( java.lang.Runtime.getRuntime() != null )", "score.deduct(1, \"x\");"),
                rule("$t : TargetTask( title == System.getProperty(\"user.home\") )", "score.deduct(1, \"x\", $t);"),
                rule("$t : TargetTask( $c : this.class )", "score.deduct(1, \"x\", $t);"),
                rule("$l : java.util.List() from java.nio.file.Files.readAllLines(java.nio.file.Paths.get(\"/etc/passwd\"))", "score.deduct(1, \"x\");"),
                rule("$t : TargetTask()", "Thread.sleep(100000);"),
                rule("$t : TargetTask()", "java.util.concurrent.Executors.newFixedThreadPool(1);"),
                rule("$t : TargetTask()", "System::exit;"),
                rule("$t : TargetTask()", "Object o = $t; ((Object) o).getClass();"),
                HEAD.replace("import dev.rubric.model.TargetTask;", "import java.io.File;") + "rule \"X1\" when then end\n",
                HEAD.replace("import dev.rubric.model.TargetTask;", "import static java.lang.System.exit;") + "rule \"X1\" when then exit(0); end\n",
                HEAD.replace("import dev.rubric.model.TargetTask;", "import function java.lang.System.getenv;") + "rule \"X1\" when then end\n",
                HEAD.replace("import dev.rubric.model.TargetTask;", "import java.lang.reflect.*;") + "rule \"X1\" when then end\n",
                HEAD.replace("package rubrics.attack;", "package java.io;") + "rule \"X1\" when then new File(\"x\"); end\n",
                HEAD.replace("package rubrics.attack;", "package org.drools.core;") + "rule \"X1\" when then end\n",
                HEAD + "function void boom() { System.exit(1); }\nrule \"X1\" when then boom(); end\n",
                HEAD + "function Object sneak(Object o) { return o.getClass(); }\nrule \"X1\" when then end\n",
                HEAD + "declare Evil\n  f : java.io.File\nend\nrule \"X1\" when then end\n",
                HEAD + "declare Evil extends Thread\nend\nrule \"X1\" when then end\n",
                HEAD + "global java.lang.Runtime rt;\nrule \"X1\" when then end\n",
                HEAD + "rule \"X1\" dialect \"mvel\" when $t : TargetTask() then $t.class.classLoader; end\n",
                HEAD + "rule \"X1\" dialect \"mvel\" when then new java.io.FileWriter(\"/tmp/x\"); end\n",
                HEAD + "rule \"X1\" salience (java.lang.Runtime.getRuntime().availableProcessors()) when then end\n",
                // the host application's own classes, under a top-level package the check has no list of
                rule("$t : TargetTask()", "acme.payroll.Payroll.raiseEveryone();"),
                rule("$t : TargetTask( title == acme.payroll.Payroll.secret() )", "score.deduct(1, \"x\", $t);"),
                rule("$t : TargetTask( eval(acme.payroll.Payroll.secret() != null) )", "score.deduct(1, \"x\", $t);"),
                rule("$s : String() from acme.payroll.Payroll.secret()", "score.deduct(1, \"x\");"),
                rule("$n : Number() from accumulate( $t : TargetTask(), init( String s = acme.payroll.Payroll.secret(); ) "
                        + "action( ) result( 0 ) )", "score.deduct(1, \"x\");"),
                HEAD + "rule \"X1\" @id(\"X1\") @note(acme.payroll.Payroll.secret()) when then end\n",
                HEAD + "declare Evil\n  f : String = acme.payroll.Payroll.secret()\nend\nrule \"X1\" when then end\n",
                HEAD + "function String leak() { return acme.payroll.Payroll.secret(); }\nrule \"X1\" when then end\n",
                HEAD + "rule \"X1\" dialect \"mvel\" when then acme.payroll.Payroll.raiseEveryone(); end\n",
                // a qualified annotation: Drools loads the class it names
                HEAD + "declare Evil @acme.payroll.Payroll\n  f : String\nend\nrule \"X1\" when then end\n",
                // a class literal of an allowed class opens the door to class loading
                rule("$t : TargetTask()", "java.util.Collections.class.forName(\"java.lang.Runtime\");"),
                rule("$t : TargetTask()", "Object l = java.time.LocalDate.class.getClassLoader();"),
                // an allowed package's class that changes the whole JVM
                rule("$t : TargetTask()", "java.time.zone.ZoneRulesProvider.refresh();"),
                // the engine's context through the rule's helper
                HEAD + "rule \"X1\" dialect \"mvel\" when then drools.getContext(TargetTask); end\n",
                // characters javac ignores inside identifiers
                rule("$t : TargetTask()", "Object c = $t.getC\u0001lass();"),
                rule("$t : TargetTask()", "ja\u0001va.nio.file.Files.delete(null);"));
    }

    @ParameterizedTest
    @MethodSource("attacks")
    void everyEscapeAttemptIsRefusedWithItsPlace(String drl) {
        List<Problem> problems = check(drl);

        assertThat(problems).as("refusals of:\n%s", drl).isNotEmpty();
        assertThat(problems).allSatisfy(p -> {
            assertThat(p.file()).isEqualTo("attack.drl");
            assertThat(p.line()).isPositive();
            assertThat(p.message()).startsWith("restricted rubric: ");
        });
    }

    @Test
    void anEscapeHiddenInAUnicodeEscapeIsReportedWhereItIsWritten() {
        List<Problem> problems = check(rule("$t : TargetTask()", "\\u0053ystem.exit(1);"));

        assertThat(problems).first().satisfies(p -> {
            assertThat(p.line()).isEqualTo(12);
            assertThat(p.column()).isEqualTo(3);
            assertThat(p.message()).contains("[System]");
        });
    }

    @Test
    void ordinaryRuleCodeIsAllowed() {
        String drl = HEAD + """
                import java.math.BigDecimal;
                import java.time.LocalDate;
                import java.time.temporal.ChronoUnit;
                import dev.rubric.api.CategoryScore;
                rule "A1 late task" @id("A1") @category("targets") @max(5)
                when
                  $t : TargetTask( completedOn != null, completedOn > deadline )
                then
                  long days = ChronoUnit.DAYS.between($t.deadline(), $t.completedOn());
                  BigDecimal points = BigDecimal.valueOf(Math.min(days, 3)).setScale(1, java.math.RoundingMode.HALF_UP);
                  String why = "目标任务「" + $t.title() + "」逾期" + days + "天 (System.exit is just text)";
                  java.util.List<String> notes = new java.util.ArrayList<>();
                  score.deduct(points, why, $t);
                end
                rule G1 agenda-group "grading" @id("G1")
                when
                  CategoryScore( id == "targets", score < 10 )
                then
                  score.limitGrade("良好", "目标任务得分低于10分");
                end
                """;

        assertThat(check(drl)).isEmpty();
    }
}
