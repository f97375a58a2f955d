package dev.rubric.engine;

import dev.rubric.api.Evaluation;
import dev.rubric.api.InvalidFactsException;
import dev.rubric.api.InvalidRubricException;
import dev.rubric.api.LoadOptions;
import dev.rubric.api.Rubric;
import dev.rubric.api.Subject;
import org.example.canteen.Fridge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A restricted rubric over an application's own fact classes: the load options name the application's packages,
 * and the rubric may use them (and its facts name them) while everything else stays refused.
 */
class AllowedApplicationClassesTest {

    private static final String MANIFEST = """
            id: canteen
            categories:
              - { id: hygiene, name: Hygiene, max: 10 }
            grades:
              - { id: good, min: 8 }
              - { id: poor }
            """;

    private static String rules(String then) {
        return """
                package rubrics.canteen;
                import org.example.canteen.Fridge;
                global dev.rubric.api.ScoreSheet score;
                rule "F1 fridge too warm"
                  @id("F1") @category("hygiene") @max(4)
                when
                  $f : Fridge( temperature > 5 )
                then
                  %s
                  score.deduct(2, "fridge " + $f.id() + " at " + $f.temperature(), $f);
                end
                """.formatted(then);
    }

    private static final String FACTS = """
            {"id": "K1", "name": "Kitchen", "facts": [ {"type": "org.example.canteen.Fridge", "id": "F-1", "temperature": 7.5} ]}
            """;

    private static Rubric load(Path dir, String then, LoadOptions options) {
        RubricFolder folder = RubricFolder.at(dir).manifest(MANIFEST).file("fridges.drl", rules(then));
        return new DroolsRubricLoader().load(folder.path(), options);
    }

    @Test
    void anApplicationClassIsRefusedUntilTheOptionsAllowIt(@TempDir Path dir) {
        assertThatThrownBy(() -> load(dir, "", LoadOptions.restricted()))
                .isInstanceOf(InvalidRubricException.class)
                .hasMessageContaining("rule [F1] calls [org.example.canteen.Fridge.temperature()], which restricted mode does not allow");
    }

    @Test
    void allowingTheApplicationsPackageLetsTheRubricScoreItsFacts(@TempDir Path dir) {
        Rubric rubric = load(dir, "", LoadOptions.restricted().allowing("org.example.canteen"));

        Evaluation result = rubric.evaluate(Subject.of("K1", "Kitchen", new Fridge("F-1", new BigDecimal("7.5"))));

        assertThat(result.total()).isEqualByComparingTo("8");
        assertThat(result.items()).singleElement().satisfies(i -> assertThat(i.reason()).isEqualTo("fridge F-1 at 7.5"));
    }

    @Test
    void allowingOneClassIsEnoughForARubricThatUsesOnlyIt(@TempDir Path dir) {
        Rubric rubric = load(dir, "", LoadOptions.restricted().allowing("org.example.canteen.Fridge"));

        assertThat(rubric.rules()).hasSize(1);
    }

    @Test
    void factsMayNameAnAllowedClassByItsFullyQualifiedName(@TempDir Path dir) {
        Rubric rubric = load(dir, "", LoadOptions.restricted().allowing("org.example.canteen"));

        List<Subject> subjects = rubric.readFacts(new ByteArrayInputStream(FACTS.getBytes(StandardCharsets.UTF_8)), "kitchen.json").subjects();

        assertThat(subjects.get(0).facts()).containsExactly(new Fridge("F-1", new BigDecimal("7.5")));
        assertThat(rubric.newFact("org.example.canteen.Fridge", Map.of("id", "F-2", "temperature", 3))).isEqualTo(new Fridge("F-2", new BigDecimal("3")));
    }

    @Test
    void factsNamingAClassTheOptionsDoNotAllowAreRefusedWithTheWayToAllowIt(@TempDir Path dir) {
        Rubric rubric = load(dir, "", LoadOptions.restricted().allowing("org.example.canteen"));
        String json = "{\"id\":\"K1\",\"facts\":[{\"type\":\"org.example.pantry.Shelf\"}]}";

        assertThatThrownBy(() -> rubric.readFacts(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "kitchen.json"))
                .isInstanceOf(InvalidFactsException.class)
                .hasMessageContaining("kitchen.json at /facts/0/type: subject [K1]: unknown fact type [org.example.pantry.Shelf]")
                .hasMessageContaining("LoadOptions.allowing(\"org.example.pantry\"), or --allow org.example.pantry on the command line");
    }

    @Test
    void theDoorsToReflectionStayClosedOnAllowedClasses(@TempDir Path dir) {
        assertThatThrownBy(() -> load(dir, "Object c = $f.getClass();", LoadOptions.restricted().allowing("org.example.canteen")))
                .isInstanceOf(InvalidRubricException.class)
                .hasMessageContaining("fridges.drl:9:")
                .hasMessageContaining("calls [java.lang.Object.getClass()], which restricted mode does not allow");
    }

    @Test
    void aRestrictedLoadThatAllowedAPackageDoesNotOpenItForOneThatDidNot(@TempDir Path dir) {
        load(dir, "", LoadOptions.restricted().allowing("org.example.canteen"));

        assertThatThrownBy(() -> load(dir, "", LoadOptions.restricted())).isInstanceOf(InvalidRubricException.class)
                .hasMessageContaining("[org.example.canteen.Fridge.");
    }

    @Test
    void aPackageAllowsItsClassesButNotItsSubpackages() {
        LoadOptions options = LoadOptions.restricted().allowing("org.example.canteen", "org.example.stock.Crate");

        assertThat(options.allows("org.example.canteen.Fridge")).isTrue();
        assertThat(options.allows("org.example.canteen.Fridge$Door")).isTrue();
        assertThat(options.allows("org.example.canteen.Fridge.Door")).isTrue();
        assertThat(options.allows("org.example.stock.Crate")).isTrue();
        assertThat(options.allows("org.example.stock.Pallet")).isFalse();
        assertThat(options.allows("org.example.canteen.cold.Freezer")).isFalse();
        assertThat(options.allows("org.example.Canteen")).isFalse();
    }

    @Test
    void thePlatformsPackagesCannotBeAllowed() {
        assertThatThrownBy(() -> LoadOptions.restricted().allowing("java.io"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("allowed name [java.io] belongs to the platform (java); allow only packages of your application's own fact model, or load the rubric trusted");
        assertThatThrownBy(() -> LoadOptions.restricted().allowing("dev.rubric.engine"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[dev.rubric.engine] belongs to the platform (dev.rubric)");
    }

    @Test
    void anAllowedNameMustBeAQualifiedName() {
        assertThatThrownBy(() -> LoadOptions.restricted().allowing("org.example.*"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("allowed name [org.example.*] is not a package or class name; give one such as org.example.canteen or org.example.canteen.Fridge (no wildcards, no spaces)");
    }

    @Test
    void theOtherOptionsKeepTheAllowedNames() {
        LoadOptions options = LoadOptions.restricted().allowing("org.example.canteen").withFiringLimit(10);

        assertThat(options.allowed()).containsExactly("org.example.canteen");
    }

    @Test
    void anAllowedPackageMayBeImportedWhole(@TempDir Path dir) {
        RubricFolder folder = RubricFolder.at(dir).manifest(MANIFEST).file("fridges.drl", rules("").replace("import org.example.canteen.Fridge;", "import org.example.canteen.*;"));

        Rubric rubric = new DroolsRubricLoader().load(folder.path(), LoadOptions.restricted().allowing("org.example.canteen"));

        assertThat(rubric.evaluate(Subject.of("K1", "Kitchen", new Fridge("F-1", new BigDecimal("9")))).total()).isEqualByComparingTo("8");
    }

    @Test
    void aPackageThatIsNotAllowedIsStillRefusedWhenImportedWhole(@TempDir Path dir) {
        RubricFolder folder = RubricFolder.at(dir).manifest(MANIFEST).file("fridges.drl", rules("").replace("import org.example.canteen.Fridge;", "import org.example.canteen.*;"));

        assertThatThrownBy(() -> new DroolsRubricLoader().load(folder.path(), LoadOptions.restricted().allowing("org.example.pantry")))
                .isInstanceOf(InvalidRubricException.class)
                .hasMessageContaining("rule [F1] calls [org.example.canteen.Fridge.temperature()], which restricted mode does not allow");
    }
}
