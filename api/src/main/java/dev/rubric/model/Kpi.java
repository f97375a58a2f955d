package dev.rubric.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A key performance indicator (关键绩效指标), such as a court's execution case closure rate.
 *
 * @param id             the indicator's id; never null
 * @param name           what is measured, such as 执行案件结案率; never null
 * @param target         the target value, positive; never null
 * @param actual         the value reached; never null
 * @param unit           the unit, such as {@code %} or 件, or null
 * @param higherIsBetter whether a value above the target is better (结案率) rather than below it (积案数)
 */
public record Kpi(String id, String name, BigDecimal target, BigDecimal actual, String unit, boolean higherIsBetter) {

    public Kpi {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(actual, "actual");
        if (target.signum() <= 0) {
            throw new IllegalArgumentException("indicator [" + id + "] has target [" + target
                    + "]: the target must be positive, as a shortfall is measured against it");
        }
    }
}
