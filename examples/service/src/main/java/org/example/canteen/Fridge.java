package org.example.canteen;

import java.math.BigDecimal;

/**
 * A fridge of a canteen as an inspector found it: a fact class of the application's own model, which the rubric
 * may use because the service allows its package.
 *
 * @param id          the fridge's label
 * @param temperature degrees Celsius at the inspection
 */
public record Fridge(String id, BigDecimal temperature) {
}
