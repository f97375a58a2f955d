package dev.rubric.api;

import java.nio.file.Path;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * Where rubrics come from: the entry point of the library.
 *
 * <pre>{@code
 * Rubric rubric = Rubrics.load("classpath:rubrics/party-mass-efficiency");
 * Evaluation result = rubric.evaluate(Subject.of("D01", "县委办", facts));
 * }</pre>
 *
 * <p>Loading the same content twice in one JVM reuses the compiled rules. Rubrics load restricted unless
 * {@link LoadOptions#unrestricted()} is given: their code may use only the fact model and a few harmless types
 * (see {@link LoadOptions}).
 */
public final class Rubrics {

    private Rubrics() {
    }

    /**
     * Loads a rubric, restricted, from {@code classpath:NAME} or a folder path.
     *
     * @param location {@code classpath:} and a resource folder, or a filesystem folder; never null
     * @throws InvalidRubricException listing every problem of the rubric
     */
    public static Rubric load(String location) {
        return load(location, LoadOptions.restricted());
    }

    /**
     * Loads a rubric from {@code classpath:NAME} or a folder path.
     *
     * @param location {@code classpath:} and a resource folder, or a filesystem folder; never null
     * @param options  restricted or trusted, and the limits of its evaluations; never null
     * @throws InvalidRubricException listing every problem of the rubric
     */
    public static Rubric load(String location, LoadOptions options) {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(options, "options");
        Location where = Location.parse(location);
        if (where.onClasspath()) {
            ClassLoader cl = Thread.currentThread().getContextClassLoader();
            return loader().loadFromClasspath(where.resource(), cl != null ? cl : Rubrics.class.getClassLoader(), options);
        }
        return load(where.path(), options);
    }

    /**
     * Loads a rubric, restricted, from a folder holding {@code rubric.yaml}.
     *
     * @param folder the rubric folder; never null
     * @throws InvalidRubricException listing every problem of the rubric
     */
    public static Rubric load(Path folder) {
        return load(folder, LoadOptions.restricted());
    }

    /**
     * Loads a rubric from a folder holding {@code rubric.yaml}.
     *
     * @param folder  the rubric folder; never null
     * @param options restricted or trusted, and the limits of its evaluations; never null
     * @throws InvalidRubricException listing every problem of the rubric
     */
    public static Rubric load(Path folder, LoadOptions options) {
        return loader().load(Objects.requireNonNull(folder, "folder"), Objects.requireNonNull(options, "options"));
    }

    private static RubricLoader loader() {
        return Holder.LOADER;
    }

    private static final class Holder {
        static final RubricLoader LOADER = ServiceLoader.load(RubricLoader.class, Rubrics.class.getClassLoader())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "no rubric engine on the classpath: add the dependency dev.rubric:rubric-engine"));
    }
}
