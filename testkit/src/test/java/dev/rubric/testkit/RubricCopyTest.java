package dev.rubric.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RubricCopyTest {

    @Test
    void aCopyHoldsEveryFileOfTheRubricAndLoadsAsIt(@TempDir Path dir) {
        RubricCopy copy = RubricCopy.of(MiniRubric.LOCATION, dir);

        assertThat(dir.resolve("rubric.yaml")).exists();
        assertThat(dir.resolve("scenarios")).isDirectory();
        assertThat(dev.rubric.api.Rubrics.load(copy.location()).info().digest())
                .isEqualTo(dev.rubric.api.Rubrics.load(MiniRubric.LOCATION).info().digest());
    }

    @Test
    void anEditMustMatchExactlyOnceSoItNeverMissesSilently(@TempDir Path dir) {
        RubricCopy copy = RubricCopy.of(MiniRubric.LOCATION, dir);

        assertThatThrownBy(() -> copy.edit("rubric.yaml", "no such text", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("[rubric.yaml] must contain [no such text] exactly once, but has it nowhere");
    }

    @Test
    void filesCanBeWrittenAndDeleted(@TempDir Path dir) throws Exception {
        RubricCopy copy = RubricCopy.of(MiniRubric.LOCATION, dir).write("scenarios/new.yaml", "name: x\n");

        assertThat(Files.readString(dir.resolve("scenarios/new.yaml"))).isEqualTo("name: x\n");
        copy.delete("scenarios/new.yaml");
        assertThat(dir.resolve("scenarios/new.yaml")).doesNotExist();
    }
}
