package org.example.canteen;

/**
 * A delivery of food to a canteen, and whether its paperwork showed where the food came from.
 *
 * @param id         the delivery note's number
 * @param supplier   who delivered it
 * @param traceable  whether the origin of the food was recorded
 */
public record Delivery(String id, String supplier, boolean traceable) {
}
