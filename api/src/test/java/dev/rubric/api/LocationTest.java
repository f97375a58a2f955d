package dev.rubric.api;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The one reading of {@code classpath:NAME} and folder paths. */
class LocationTest {

    @Test
    void classpathNamesAResourceWithoutItsSurroundingSlashes() {
        // when
        Location l = Location.parse("classpath:/rubrics/hygiene/");

        // then
        assertThat(l.onClasspath()).isTrue();
        assertThat(l.resource()).isEqualTo("rubrics/hygiene");
        assertThat(l).hasToString("classpath:rubrics/hygiene");
    }

    @Test
    void anythingElseIsAPath() {
        // when
        Location l = Location.parse("rubrics/mine");

        // then
        assertThat(l.onClasspath()).isFalse();
        assertThat(l.path()).isEqualTo(Path.of("rubrics/mine"));
        assertThat(l).hasToString("rubrics/mine");
    }

    @Test
    void classpathWithoutANameIsRefusedWithWhatToWrite() {
        assertThatIllegalArgumentException().isThrownBy(() -> Location.parse("classpath:"))
                .withMessage("[classpath:] names no resource; write classpath: and a resource, such as classpath:rubrics/hygiene");
    }
}
