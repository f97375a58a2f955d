/**
 * Restricted mode: verifies every class compiled from rule files against the allowlist of members rule code may
 * use, and rewrites it to report to the evaluation's budget (time, firings, allocation) before any of it runs.
 */
package dev.rubric.engine.internal.sandbox;
