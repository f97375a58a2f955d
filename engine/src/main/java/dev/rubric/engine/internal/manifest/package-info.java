/**
 * Reads and validates {@code rubric.yaml} with the line and column of every node, so each problem names its place;
 * checks that the grade bands cover every total and that every grade can be given.
 */
package dev.rubric.engine.internal.manifest;
