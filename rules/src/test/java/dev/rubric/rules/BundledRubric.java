package dev.rubric.rules;

import dev.rubric.engine.compile.RubricFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Copies of the bundled rubric that a test may edit, to see what a change would do. */
final class BundledRubric {

    static final String LOCATION = "classpath:rubrics/party-mass-efficiency";

    private BundledRubric() {
    }

    /** A copy of the bundled rubric (rules, manifest and scenarios) in {@code dir}. */
    static Path copyTo(Path dir) {
        RubricFiles files = RubricFiles.at(LOCATION, BundledRubric.class.getClassLoader());
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

    /** Replaces {@code old}, which must occur exactly once, by {@code replacement} in a file of a copy. */
    static void edit(Path rubric, String file, String old, String replacement) {
        try {
            Path p = rubric.resolve(file);
            String text = Files.readString(p, StandardCharsets.UTF_8);
            if (text.indexOf(old) < 0 || text.indexOf(old) != text.lastIndexOf(old)) {
                throw new IllegalArgumentException("[" + file + "] must contain [" + old + "] exactly once");
            }
            Files.writeString(p, text.replace(old, replacement), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
