/**
 * Combined rubrics (平时考核和半年、年终考核相结合): parts scored once per quarter, half or year, aggregated, weighted
 * and carried into one itemized result that {@code scoring} finishes like any other.
 */
package dev.rubric.engine.internal.combine;
