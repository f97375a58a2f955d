package dev.rubric.testkit;

import java.nio.file.Path;

/**
 * The testkit's own small rubric ({@code src/test/resources/rubrics/mini}: T1 late task −1 up to 2, T2
 * unfinished task −2, G1 commendation +1 in an earn category of 2, V1 veto), and copies of it a test may edit.
 */
final class MiniRubric {

    static final String LOCATION = "classpath:rubrics/mini";

    private MiniRubric() {
    }

    /** A copy of the mini rubric in {@code dir}, scenarios included. */
    static Path copyTo(Path dir) {
        return RubricCopy.of(LOCATION, dir).folder();
    }

    /** Replaces {@code old}, which must occur exactly once, by {@code replacement} in a file of a copied rubric. */
    static void edit(Path rubric, String file, String old, String replacement) {
        new RubricCopy(rubric).edit(file, old, replacement);
    }

    /** Writes a file into a copied rubric. */
    static void write(Path rubric, String file, String content) {
        new RubricCopy(rubric).write(file, content);
    }

    /** Deletes a file of a copied rubric. */
    static void delete(Path rubric, String file) {
        new RubricCopy(rubric).delete(file);
    }
}
