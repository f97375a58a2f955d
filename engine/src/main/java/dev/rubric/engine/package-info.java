/**
 * The engine behind {@code dev.rubric.api}: {@link dev.rubric.engine.DroolsRubricLoader}, which {@code Rubrics} finds
 * with {@link java.util.ServiceLoader}, loads rubrics and caches their compiled rules; a loaded rubric evaluates
 * subjects and cohorts, and {@link dev.rubric.engine.BatchProvider} streams them. Users need only the api.
 */
package dev.rubric.engine;
