package dev.rubric.cli;

import dev.rubric.cli.CommandLineTest.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.rubric.cli.CommandLineTest.rubric;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application's own fact classes on the command line: {@code --classpath} finds them, {@code --allow} lets a
 * restricted rubric use them. The classes are compiled here into a folder the command's own class path does not hold.
 */
class ApplicationClassesCommandLineTest {

    @TempDir
    static Path dir;
    static Path classes;
    static Path rubric;
    static Path facts;

    @BeforeAll
    static void compileTheApplicationsClassesAndWriteItsRubric() throws IOException {
        Path source = dir.resolve("src/org/example/canteen/Fridge.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                package org.example.canteen;
                public record Fridge(String id, java.math.BigDecimal temperature) {
                }
                """);
        classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, "-d", classes.toString(), source.toString())).isZero();

        rubric = Files.createDirectories(dir.resolve("canteen"));
        Files.writeString(rubric.resolve("rubric.yaml"), """
                id: canteen
                categories:
                  - { id: hygiene, name: Hygiene, max: 10 }
                grades:
                  - { id: good, min: 8 }
                  - { id: poor }
                """);
        Files.writeString(rubric.resolve("fridges.drl"), """
                package rubrics.canteen;
                import org.example.canteen.Fridge;
                global dev.rubric.api.ScoreSheet score;
                rule "F1 fridge too warm"
                  @id("F1") @category("hygiene")
                when
                  $f : Fridge( temperature > 5 )
                then
                  score.deduct(2, "fridge " + $f.id() + " too warm", $f);
                end
                """);
        facts = dir.resolve("kitchens.json");
        Files.writeString(facts, """
                [ {"id": "K1", "facts": [ {"type": "org.example.canteen.Fridge", "id": "F-1", "temperature": 7.5} ]},
                  {"id": "K2", "facts": [ {"type": "org.example.canteen.Fridge", "id": "F-2", "temperature": 3} ]} ]
                """, StandardCharsets.UTF_8);
    }

    @Test
    void checkFindsTheApplicationsClassesOnTheGivenClassPathAndAllowsTheirPackage() {
        Run run = rubric("--classpath", classes.toString(), "--allow", "org.example.canteen", "check", rubric.toString());

        assertThat(run.err()).isEmpty();
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("rubric [canteen] is valid: 1 rules in 1 file");
    }

    @Test
    void theOptionsMayAlsoFollowTheCommand() {
        Run run = rubric("check", rubric.toString(), "--classpath", classes.toString(), "--allow", "org.example.canteen");

        assertThat(run.code()).isZero();
    }

    @Test
    void withoutTheAllowedPackageARestrictedCheckRefusesTheClassWithItsPlace() {
        Run run = rubric("--classpath", classes.toString(), "check", rubric.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains(rubric.resolve("fridges.drl") + ":").contains("rule [F1] calls [org.example.canteen.Fridge.temperature()], which restricted mode does not allow");
    }

    @Test
    void withoutTheClassPathTheClassIsUnknown() throws IOException {
        // a copy of its own: the engine reuses rules compiled for the same content, whatever class path they were compiled with
        Path copy = Files.createDirectories(dir.resolve("canteen-copy"));
        Files.writeString(copy.resolve("rubric.yaml"), Files.readString(rubric.resolve("rubric.yaml")).replace("id: canteen", "id: canteen-copy"));
        Files.copy(rubric.resolve("fridges.drl"), copy.resolve("fridges.drl"));

        Run run = rubric("--trusted", "check", copy.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("[org.example.canteen.Fridge]");
    }

    @Test
    void evaluateReadsFactsThatNameTheApplicationsClasses() {
        Run run = rubric("--classpath", classes.toString(), "--allow", "org.example.canteen", "evaluate", "--rubric", rubric.toString(),
                "--facts", facts.toString(), "--format", "json");

        assertThat(run.err()).isEmpty();
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("\"total\": 8,", "\"reason\": \"fridge F-1 too warm\"");
    }

    @Test
    void aClassPathEntryThatDoesNotExistIsAUsageError() {
        Run run = rubric("--classpath", dir.resolve("no-such.jar").toString(), "check", rubric.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--classpath: [" + dir.resolve("no-such.jar") + "] does not exist; give jars or folders of compiled classes");
    }

    @Test
    void anAllowedPackageOfThePlatformIsAUsageError() {
        Run run = rubric("--allow", "java.io", "check", rubric.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--allow: allowed name [java.io] belongs to the platform (java)");
    }
}
