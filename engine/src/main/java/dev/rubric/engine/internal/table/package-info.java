/**
 * Rule tables ({@code .xlsx}, {@code .csv}): Drools decision tables and the 评分细则 item layout compiled to DRL,
 * with every problem and rule moved back to its cell.
 */
package dev.rubric.engine.internal.table;
