package dev.rubric.engine;

import dev.rubric.api.CohortResult;
import dev.rubric.api.Evaluation;
import dev.rubric.api.Facts;
import dev.rubric.api.Period;
import dev.rubric.api.LoadOptions;
import dev.rubric.api.Manifest;
import dev.rubric.api.Progress;
import dev.rubric.api.Rubric;
import dev.rubric.api.RubricInfo;
import dev.rubric.api.RubricRule;
import dev.rubric.api.Subject;
import dev.rubric.engine.internal.compile.CompiledRules;
import dev.rubric.engine.internal.json.FactReader;
import dev.rubric.engine.internal.scoring.Scoring;
import dev.rubric.engine.internal.session.SessionRunner;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** A rubric backed by compiled rules; many may share the same compiled rules. */
final class LoadedRubric implements Rubric {

    private final CompiledRules rules;
    private final LoadOptions options;
    private final SessionRunner runner;

    LoadedRubric(CompiledRules rules, LoadOptions options) {
        this.rules = rules;
        this.options = options;
        this.runner = new SessionRunner(rules, options);
    }

    LoadOptions options() {
        return options;
    }

    CompiledRules compiled() {
        return rules;
    }

    @Override
    public RubricInfo info() {
        return rules.info();
    }

    @Override
    public Manifest manifest() {
        return rules.manifest();
    }

    @Override
    public List<RubricRule> rules() {
        return rules.rules();
    }

    @Override
    public Evaluation evaluate(Subject subject, Period period) {
        return runner.evaluate(Objects.requireNonNull(subject, "subject"), checked(period));
    }

    /** The period, refused when the rubric requires one and none is named (contract §8). */
    private Period checked(Period period) {
        Objects.requireNonNull(period, "period (Period.unbounded() for none)");
        if (period.isUnbounded() && rules.manifest().periodRequired()) {
            throw new IllegalArgumentException("rubric [" + rules.info().id() + "] requires a period (period: required in its manifest);"
                    + " name one, such as Period.parse(\"2026\"), or in the facts file or with --period: " + Period.FORMS);
        }
        return period;
    }

    @Override
    public CohortResult evaluateCohort(List<Subject> cohort, Period period) {
        return evaluateCohort(cohort, period, Progress.NONE);
    }

    @Override
    public CohortResult evaluateCohort(List<Subject> cohort, Period period, Progress progress) {
        checked(period);
        Objects.requireNonNull(progress, "progress");
        Set<String> ids = new HashSet<>();
        for (Subject s : cohort) {
            if (!ids.add(s.id())) {
                throw new IllegalArgumentException("subject id [" + s.id() + "] appears twice in the cohort; subject ids must be unique");
            }
        }
        List<Evaluation> each = new ArrayList<>(cohort.size());
        for (Subject s : cohort) {
            each.add(runner.evaluate(s, period));
            progress.update(each.size(), cohort.size());
        }
        return Scoring.cohort(rules.manifest(), rules.info(), each, rules.wording());
    }

    @Override
    public Batch batch() {
        return Batch.of(this);
    }

    @Override
    public Facts readFacts(InputStream json, String sourceName) {
        return reader().read(json, sourceName);
    }

    @Override
    public boolean reads(Class<?> factType) {
        return SessionRunner.reads(rules, Objects.requireNonNull(factType, "factType"));
    }

    @Override
    public Object newFact(String type, Map<String, ?> properties) {
        return reader().fact(type, properties, "newFact(" + type + ")");
    }

    private FactReader reader() {
        return new FactReader(rules.declaredTypes(), rules.classLoader(), options);
    }

    @Override
    public String toString() {
        return "Rubric[" + rules.info().id() + " " + rules.info().version() + " " + rules.info().digest() + "]";
    }
}
