package dev.rubric.api;

import java.nio.file.Path;

/**
 * Loads rubrics: the service an engine provides, found with {@link java.util.ServiceLoader}.
 * Users call {@link Rubrics} instead.
 */
public interface RubricLoader {

    /**
     * Loads a rubric from a folder holding {@code rubric.yaml}.
     *
     * @param options restricted or trusted, and the limits of its evaluations; never null
     * @throws InvalidRubricException listing every problem of the rubric (in restricted mode, every use of
     *                                something not allowed)
     */
    Rubric load(Path folder, LoadOptions options);

    /**
     * Loads a rubric from the classpath, such as {@code rubrics/party-mass-efficiency}.
     *
     * @param options restricted or trusted, and the limits of its evaluations; never null
     * @throws InvalidRubricException listing every problem of the rubric, or when no such rubric is on the classpath
     */
    Rubric loadFromClasspath(String name, ClassLoader classLoader, LoadOptions options);
}
