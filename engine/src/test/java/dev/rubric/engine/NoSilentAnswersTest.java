package dev.rubric.engine;

import dev.rubric.api.Evaluation;
import dev.rubric.api.InvalidFactsException;
import dev.rubric.api.Rubric;
import dev.rubric.api.Subject;
import dev.rubric.model.Commendation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A fact the rubric cannot use is an error or is made usable; it never counts for nothing without a word. */
class NoSilentAnswersTest {

    private static final String MANIFEST = "id: canteen\ncategories:\n  - { id: hygiene, max: 100 }\ngrades:\n  - { id: A, min: 90 }\n  - { id: B }\n";

    /** A rubric declaring Inspection with the given fields, deducting 50 points for pests. */
    private static Rubric canteen(Path dir, String fields, String comment) {
        return RubricFolder.at(dir).manifest(MANIFEST).file("hygiene.drl", """
                package rubrics.canteen;
                // %s
                global dev.rubric.api.ScoreSheet score;
                declare Inspection
                %s
                end
                rule "H1 pests" @id("H1") @category("hygiene")
                when
                  $i : Inspection( pestsSeen )
                then
                  score.deduct(50, "pests seen", $i);
                end
                """.formatted(comment, fields)).load();
    }

    private static Subject canteenWithPests(Rubric rubric) {
        return rubric.readFacts(new ByteArrayInputStream("""
                {"id": "C1", "facts": [{"type": "Inspection", "id": "I-1", "pestsSeen": true}]}
                """.getBytes(StandardCharsets.UTF_8)), "facts.json").subject();
    }

    @Test
    void factsReadWithOneLoadOfARubricCountWhenAnotherLoadEvaluatesThem(@TempDir Path dir) {
        // given facts read with the old version and a new version of the rubric, which has classes of its own
        Rubric old = canteen(dir.resolve("old"), "  id : String\n  pestsSeen : boolean", "version 1");
        Rubric neu = canteen(dir.resolve("new"), "  id : String\n  pestsSeen : boolean", "version 2");
        Subject subject = canteenWithPests(old);

        // when the new version evaluates them
        Evaluation e = neu.evaluate(subject);

        // then the pests are seen: 50, grade B, not 100 and A
        assertThat(e.total()).isEqualByComparingTo("50");
        assertThat(e.grade()).isEqualTo("B");
        assertThat(e.items()).singleElement().satisfies(i -> assertThat(i.rule()).isEqualTo("H1"));
    }

    @Test
    void factsOfAnotherLoadWhoseTypeHasOtherPropertiesAreRefusedNamingTheProperty(@TempDir Path dir) {
        // given the new version renamed a property of Inspection
        Rubric old = canteen(dir.resolve("old"), "  id : String\n  pestsSeen : boolean", "version 1");
        Rubric neu = canteen(dir.resolve("new"), "  id : String\n  pestsSeen : boolean\n  inspector : String", "version 2");
        Subject subject = canteenWithPests(old);

        // when / then
        assertThatThrownBy(() -> neu.evaluate(subject)).isInstanceOf(InvalidFactsException.class)
                .hasMessageContaining("subject [C1] at /facts/0/inspector: the fact's type [Inspection] comes from another load of a rubric"
                        + " and has no property [inspector], which this rubric's [Inspection] has; read the facts again with this rubric");
    }

    @Test
    void aMapStandingForAFactIsRefusedFromTheJavaApiAsFromJson(@TempDir Path dir) {
        // given
        Rubric rubric = canteen(dir, "  id : String\n  pestsSeen : boolean", "");

        // when / then
        assertThatThrownBy(() -> rubric.evaluate(Subject.of("X", "x", Map.of("type", "Inspection", "pestsSeen", true))))
                .isInstanceOf(InvalidFactsException.class)
                .hasMessageContaining("subject [X] at /facts/0: fact 0 is a map (java.util.ImmutableCollections$MapN) with type [Inspection], a type no rule of"
                        + " rubric [canteen] reads, so it would count for nothing; make the fact with Rubric.newFact(\"Inspection\", properties)"
                        + " instead of passing a map");
    }

    @Test
    void anObjectOfAClassNoRuleCanMatchIsRefusedNamingItsPosition(@TempDir Path dir) {
        // given
        Rubric rubric = canteen(dir, "  id : String\n  pestsSeen : boolean", "");
        Object inspection = rubric.newFact("Inspection", Map.of("id", "I-1", "pestsSeen", true));

        // when / then
        assertThatThrownBy(() -> rubric.evaluate(Subject.of("X", "x", inspection, LocalDate.of(2026, 1, 1))))
                .isInstanceOf(InvalidFactsException.class)
                .hasMessageContaining("subject [X] at /facts/1: fact 1 is [java.time.LocalDate], a type no rule of rubric [canteen] reads,"
                        + " so it would count for nothing; give facts of the rubric's declared types [Inspection] (Rubric.newFact) or of the"
                        + " department fact model (dev.rubric.model)");
    }

    @Test
    void aFactOfTheDepartmentModelNoRuleReadsIsKnownAndCountsForNothing(@TempDir Path dir) {
        // given
        Rubric rubric = canteen(dir, "  id : String\n  pestsSeen : boolean", "");
        Object commendation = rubric.newFact("Commendation", Map.of("id", "C-1", "achievement", "x", "kind", "HONOUR", "level", "COUNTY",
                "title", "x", "date", "2026-01-01"));

        // when
        Evaluation e = rubric.evaluate(Subject.of("X", "x", commendation));

        // then it is a fact of the model every rubric knows, and the rubric says whether it reads it
        assertThat(e.total()).isEqualByComparingTo("100");
        assertThat(rubric.reads(Commendation.class)).isFalse();
        assertThat(rubric.reads(inspectionClass(rubric))).isTrue();
    }

    @Test
    void aNullFactIsAnErrorNamingTheSubjectAndPosition() {
        assertThatThrownBy(() -> Subject.of("D01", "县委办", "a", (Object) null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fact 1 (counting from 0) of subject [D01] is null; leave it out, or give the fact");
    }

    private static Class<?> inspectionClass(Rubric rubric) {
        return rubric.newFact("Inspection", Map.of("id", "I", "pestsSeen", false)).getClass();
    }
}
