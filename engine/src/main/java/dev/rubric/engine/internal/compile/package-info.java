/**
 * Turns a rubric's rule files into compiled rules: lists its files, indexes its rules (id, category, {@code @max},
 * {@code @effect}, {@code file:line}), compiles them with Drools' executable model, words and places the compilers'
 * messages, caches the result by class loader and content digest, and records restricted mode's verdict.
 */
package dev.rubric.engine.internal.compile;
