/**
 * The department fact model (部门考核事实): immutable records describing one department's
 * assessment year, which rule files match and facts JSON carries (contract §5).
 *
 * <p>Each record's component names are its JSON property names; dates are ISO-8601
 * {@link java.time.LocalDate}s and enums are written by constant name. Each enum carries the
 * Chinese term a rubric's explanations use, as {@code label()}.
 */
package dev.rubric.model;
