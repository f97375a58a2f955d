package dev.rubric.rules;

/** Where the bundled rubric is; {@link dev.rubric.testkit.RubricCopy} makes copies of it a test may edit. */
final class BundledRubric {

    static final String LOCATION = "classpath:rubrics/party-mass-efficiency";

    private BundledRubric() {
    }
}
