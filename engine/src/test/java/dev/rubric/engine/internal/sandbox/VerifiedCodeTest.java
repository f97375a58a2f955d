package dev.rubric.engine.internal.sandbox;

import dev.rubric.api.EvaluationException;
import dev.rubric.api.InvalidRubricException;
import dev.rubric.api.Rubric;
import dev.rubric.api.Subject;
import dev.rubric.engine.RubricFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Restricted mode judges the compiled code, so whatever the rule text looks like, a reference outside the allowlist
 * is refused at the place that makes it. Only refusals run here (refused code never runs); attempts whose code would
 * run are in the escape corpus, each in a JVM of its own.
 */
class VerifiedCodeTest {

    @TempDir
    Path dir;

    private static final String MANIFEST = """
            id: verified
            categories:
              - { id: work, name: Work, max: 10 }
            grades:
              - { id: good, min: 5 }
              - { id: poor }
            """;

    private Rubric load(String consequence) {
        return RubricFolder.at(dir).manifest(MANIFEST).file("work.drl", """
                package rubrics.verified;
                import dev.rubric.model.TargetTask;
                global dev.rubric.api.ScoreSheet score;
                rule "W1 work"
                  @id("W1") @category("work")
                when
                  $t : TargetTask()
                then
                %s
                end
                """.formatted(consequence)).load();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "System.exit(3);                                                   | [java.lang.System.exit(int)]",
            "String s = \"\\u0053ystem\"; java.lang.\\u0053ystem.exit(3);     | [java.lang.System.exit(int)]",
            "Object o = $t.getClass();                                         | [java.lang.Object.getClass()]",
            "Integer i = Integer.getInteger(\"user.home\");                   | [java.lang.Integer.getInteger(String)]",
            "java.util.List.of(1).stream().parallel();                         | [java.util.stream.Stream.parallel()]",
            "Object m = drools.getMatch();                                     | getMatch()]",
            "String r = \"x\".repeat(1000000000);                             | [java.lang.String.repeat(int)]",
            "java.math.BigInteger b = java.math.BigInteger.TEN.pow(400000000); | [java.math.BigInteger.pow(int)]",
            "Runnable r = Thread::yield;                                       | [java.lang.Thread.yield()]",
    })
    void aReferenceOutsideTheAllowlistIsRefusedAtTheRule(String consequence, String refused) {
        assertThatThrownBy(() -> load(consequence))
                .isInstanceOf(InvalidRubricException.class)
                .hasMessageContaining("work.drl:9")
                .hasMessageContaining("rule [W1]")
                .hasMessageContaining(refused)
                .hasMessageContaining("which restricted mode does not allow");
    }

    @Test
    void catchingAnErrorIsRefusedSoNoRuleCanSwallowItsBudget() {
        assertThatThrownBy(() -> load("try { score.deduct(1, \"x\", $t); } catch (Throwable e) { }"))
                .isInstanceOf(InvalidRubricException.class)
                .hasMessageContaining("rule [W1] catches [java.lang.Throwable]");
        assertThatThrownBy(() -> load("try { score.deduct(1, \"x\", $t); } finally { score.deduct(1, \"y\", $t); }"))
                .isInstanceOf(InvalidRubricException.class)
                .hasMessageContaining("rule [W1] uses finally");
    }

    @Test
    void aDeclaredTypeThatExtendsAClassOfTheLibraryIsRefused() {
        assertThatThrownBy(() -> RubricFolder.at(dir).manifest(MANIFEST).file("work.drl", """
                package rubrics.verified;
                declare Runner extends java.util.ArrayList
                  n : int
                end
                """).load())
                .isInstanceOf(InvalidRubricException.class)
                .hasMessageContaining("ArrayList");
    }

    @Test
    void aRubricInAPackageOfThePlatformIsRefused() {
        assertThatThrownBy(() -> RubricFolder.at(dir).manifest(MANIFEST).file("work.drl", """
                package org.drools.core;
                global dev.rubric.api.ScoreSheet score;
                rule "W1" @id("W1") @category("work")
                when
                  eval(true)
                then
                  score.deduct(1, "x");
                end
                """).load())
                .isInstanceOf(InvalidRubricException.class)
                .hasMessageContaining("work.drl:1:1: the rubric's package [org.drools.core] belongs to the platform");
    }

    @Test
    void theSameCodeLoadsTrustedForAnAuthorWhoWroteIt() {
        Rubric trusted = RubricFolder.at(dir).manifest(MANIFEST).file("work.drl", """
                package rubrics.verified;
                import dev.rubric.model.TargetTask;
                global dev.rubric.api.ScoreSheet score;
                rule "W1" @id("W1") @category("work")
                when
                  $t : TargetTask()
                then
                  score.deduct(Integer.parseInt(String.valueOf(System.lineSeparator().length())), "x", $t);
                end
                """).loadTrusted();

        assertThat(trusted.rules()).hasSize(1);
    }

    @Test
    void anEngineObjectCitedAsEvidenceIsRefusedNotRead() {
        Rubric rubric = load("score.deduct(1, \"x\", drools);");
        Object task = rubric.newFact("TargetTask", java.util.Map.of("id", "T1", "title", "t", "deadline", "2026-06-30"));

        assertThatThrownBy(() -> rubric.evaluate(Subject.of("S1", "s", task)))
                .isInstanceOf(EvaluationException.class)
                .hasMessageContaining("work.drl:4")
                .hasMessageContaining("rule [W1] cites a [")
                .hasMessageContaining("as evidence; evidence is a fact");
    }
}
