package dev.rubric.testkit;

import dev.rubric.engine.internal.compile.RubricFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A copy of a rubric folder that a test may edit, to see what a change would do before anyone makes it:
 *
 * <pre>{@code
 * RubricCopy next = RubricCopy.of("classpath:rubrics/party-mass-efficiency", tempDir)
 *         .edit("targets.drl", "score.deduct(1, ", "score.deduct(2, ");
 * RubricDiff diff = RubricDiff.compare("classpath:rubrics/party-mass-efficiency", next.location(), cohort);
 * }</pre>
 *
 * @param folder the folder holding the copy
 */
public record RubricCopy(Path folder) {

    /**
     * Copies every file of a rubric (manifest, rule files, scenarios, READMEs) into {@code target}.
     *
     * @param location {@code classpath:NAME} or a folder path
     * @param target   the folder to copy into; created when missing
     */
    public static RubricCopy of(String location, Path target) {
        RubricFiles files = ScenarioRunner.filesOf(location);
        try {
            for (String file : files.list("")) {
                Path to = target.resolve(file);
                Files.createDirectories(to.getParent());
                Files.write(to, files.read(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy [" + location + "] to [" + target + "]: " + e.getMessage(), e);
        }
        return new RubricCopy(target);
    }

    /**
     * Replaces {@code old}, which must occur exactly once, by {@code replacement} in one file of the copy.
     *
     * @throws IllegalArgumentException when the file holds {@code old} not exactly once, so an edit never
     *                                  silently misses or changes more than was meant
     */
    public RubricCopy edit(String file, String old, String replacement) {
        Path p = folder.resolve(file);
        try {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            int first = text.indexOf(old);
            if (first < 0 || first != text.lastIndexOf(old)) {
                throw new IllegalArgumentException("[" + file + "] must contain [" + old + "] exactly once, but has it "
                        + (first < 0 ? "nowhere" : "more than once"));
            }
            Files.writeString(p, text.replace(old, replacement), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot edit [" + p + "]: " + e.getMessage(), e);
        }
        return this;
    }

    /** Writes a file into the copy (a new rule file, a scenario), replacing it if it is there. */
    public RubricCopy write(String file, String content) {
        Path p = folder.resolve(file);
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write [" + p + "]: " + e.getMessage(), e);
        }
        return this;
    }

    /** Deletes a file of the copy. */
    public RubricCopy delete(String file) {
        Path p = folder.resolve(file);
        try {
            Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete [" + p + "]: " + e.getMessage(), e);
        }
        return this;
    }

    /** The copy's location, as {@link dev.rubric.api.Rubrics#load(String)} and {@link RubricDiff} take it. */
    public String location() {
        return folder.toString();
    }
}
