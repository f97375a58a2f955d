package dev.rubric.engine.escape;

import dev.rubric.api.InvalidRubricException;
import dev.rubric.api.LoadOptions;
import dev.rubric.api.Rubrics;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every way of loading a rubric without options loads it restricted: a harmless rubric that calls
 * {@code java.util.UUID.randomUUID()} is refused, with its place, by {@code Rubrics.load(String)} in its classpath and
 * folder forms and by {@code Rubrics.load(Path)}, and loads when trusted.
 *
 * <p>Guards the planted bug "the public {@code Rubrics.load(String)} defaults to trusted": both of its forms then fail.
 */
class RestrictedByDefaultTest {

    private static final String LOCATION = "classpath:rubrics/restricted-by-default";
    private static final String PLACE = "receipt.drl:11";

    @Test
    void aClasspathLocationLoadsRestricted() {
        assertThatThrownBy(() -> Rubrics.load(LOCATION))
                .isInstanceOf(InvalidRubricException.class)
                .hasMessageContaining(PLACE)
                .hasMessageContaining("UUID");
    }

    @Test
    void aFolderGivenAsTextLoadsRestricted() {
        String folder = folder().toString();

        assertThatThrownBy(() -> Rubrics.load(folder))
                .isInstanceOf(InvalidRubricException.class)
                .hasMessageContaining(PLACE)
                .hasMessageContaining("UUID");
    }

    @Test
    void aFolderGivenAsPathLoadsRestricted() {
        Path folder = folder();

        assertThatThrownBy(() -> Rubrics.load(folder))
                .isInstanceOf(InvalidRubricException.class)
                .hasMessageContaining(PLACE)
                .hasMessageContaining("UUID");
    }

    @Test
    void theSameRubricLoadsWhenTrustedSoTheRefusalIsTheRestriction() {
        assertThat(Rubrics.load(LOCATION, LoadOptions.unrestricted()).rules()).hasSize(1);
        assertThat(Rubrics.load(folder(), LoadOptions.unrestricted()).rules()).hasSize(1);
    }

    private static Path folder() {
        try {
            return Path.of(RestrictedByDefaultTest.class.getResource("/rubrics/restricted-by-default").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
