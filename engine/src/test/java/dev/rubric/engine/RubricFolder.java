package dev.rubric.engine;

import dev.rubric.api.LoadOptions;
import dev.rubric.api.Rubric;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A rubric folder written from strings, for tests that need a small rubric of their own: a manifest
 * and rule files in a temporary directory.
 */
public final class RubricFolder {

    private final Path root;

    private RubricFolder(Path root) {
        this.root = root;
    }

    /** A rubric folder at {@code dir} (created if needed). */
    public static RubricFolder at(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RubricFolder(dir);
    }

    /** Writes {@code rubric.yaml}. */
    public RubricFolder manifest(String yaml) {
        return file("rubric.yaml", yaml);
    }

    /** Writes a file relative to the folder. */
    public RubricFolder file(String relativePath, String text) {
        try {
            Path p = root.resolve(relativePath);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public Path path() {
        return root;
    }

    /** Loads the folder with the default loader. */
    public Rubric load() {
        return new DroolsRubricLoader().load(root, LoadOptions.restricted());
    }

    /** Loads the folder as a trusted rubric: no restricted-mode check before compiling. */
    public Rubric loadTrusted() {
        return new DroolsRubricLoader().load(root, LoadOptions.unrestricted());
    }

    /** Loads the folder with a loader stopping each phase after {@code firingLimit} firings. */
    public Rubric load(int firingLimit) {
        return new DroolsRubricLoader().load(root, LoadOptions.restricted().withFiringLimit(firingLimit));
    }
}
