package dev.rubric.testkit;

import dev.rubric.engine.compile.RubricFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
        RubricFiles files = RubricFiles.classpath("rubrics/mini", MiniRubric.class.getClassLoader());
        try {
            for (String file : files.list("")) {
                Path target = dir.resolve(file);
                Files.createDirectories(target.getParent());
                Files.write(target, files.read(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** Replaces {@code old} by {@code replacement} in a file of a copied rubric, which must contain it. */
    static void edit(Path rubric, String file, String old, String replacement) {
        try {
            Path p = rubric.resolve(file);
            String text = Files.readString(p, StandardCharsets.UTF_8);
            if (!text.contains(old)) {
                throw new IllegalArgumentException("[" + file + "] does not contain [" + old + "]");
            }
            Files.writeString(p, text.replace(old, replacement), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a file into a copied rubric. */
    static void write(Path rubric, String file, String content) {
        try {
            Path p = rubric.resolve(file);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a file of a copied rubric. */
    static void delete(Path rubric, String file) {
        try {
            Files.delete(rubric.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
