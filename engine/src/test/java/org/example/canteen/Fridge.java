package org.example.canteen;

import java.math.BigDecimal;

/**
 * A fact class of an application's own model, outside the library: a canteen's fridge and its temperature.
 *
 * @param id          the fridge's id
 * @param temperature degrees Celsius at the inspection
 */
public record Fridge(String id, BigDecimal temperature) {
}
