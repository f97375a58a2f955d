/**
 * Facts JSON in (to the fact model's records and the rubric's declared types) and results JSON out (contract §6,
 * byte for byte the same for the same input).
 */
package dev.rubric.engine.internal.json;
