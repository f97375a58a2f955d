/**
 * The arithmetic of contract §4 as pure functions, with no Drools: per-rule caps, category clamps, subtotals, vetoes,
 * grade limits, bands, cohort ranks and quotas, and the sentences that explain each item.
 */
package dev.rubric.engine.internal.scoring;
