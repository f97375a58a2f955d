package dev.rubric.testkit;

import dev.rubric.api.CohortResult;
import dev.rubric.api.Evaluation;
import dev.rubric.api.Facts;
import dev.rubric.api.Period;
import dev.rubric.api.Manifest;
import dev.rubric.api.Rubric;
import dev.rubric.api.RubricInfo;
import dev.rubric.api.RubricRule;
import dev.rubric.api.Subject;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

/** A rubric that records every evaluation it makes into a {@link Coverage}. */
final class RecordingRubric implements Rubric {

    private final Rubric rubric;
    private final Coverage coverage;

    RecordingRubric(Rubric rubric, Coverage coverage) {
        this.rubric = rubric;
        this.coverage = coverage;
    }

    Coverage coverage() {
        return coverage;
    }

    @Override
    public RubricInfo info() {
        return rubric.info();
    }

    @Override
    public Manifest manifest() {
        return rubric.manifest();
    }

    @Override
    public List<RubricRule> rules() {
        return rubric.rules();
    }

    @Override
    public Evaluation evaluate(Subject subject, Period period) {
        Evaluation e = rubric.evaluate(subject, period);
        coverage.record(e);
        return e;
    }

    @Override
    public CohortResult evaluateCohort(List<Subject> cohort, Period period) {
        CohortResult r = rubric.evaluateCohort(cohort, period);
        coverage.record(r);
        return r;
    }

    @Override
    public Facts readFacts(InputStream json, String sourceName) {
        return rubric.readFacts(json, sourceName);
    }

    @Override
    public boolean reads(Class<?> factType) {
        return rubric.reads(factType);
    }

    @Override
    public Object newFact(String type, Map<String, ?> properties) {
        return rubric.newFact(type, properties);
    }

    @Override
    public String toString() {
        return rubric.toString();
    }
}
