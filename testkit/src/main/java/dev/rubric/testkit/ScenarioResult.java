package dev.rubric.testkit;

import java.util.List;

/**
 * The outcome of one scenario.
 *
 * @param file     the scenario file
 * @param name     the scenario's name
 * @param failures what did not hold, one line each, with the diff of expected and actual items; empty when it passed
 */
public record ScenarioResult(String file, String name, List<String> failures) {

    public ScenarioResult {
        failures = List.copyOf(failures);
    }

    public boolean passed() {
        return failures.isEmpty();
    }
}
