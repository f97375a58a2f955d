package dev.rubric.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The results of a cohort (参评单位) evaluated together: ranked, with grade quotas applied,
 * listed by rank and then subject id.
 *
 * @param rubric  the rubric that scored them; never null
 * @param results one result per subject, in rank order; never null
 */
public record CohortResult(RubricInfo rubric, List<Evaluation> results) {

    public CohortResult {
        Objects.requireNonNull(rubric, "rubric");
        results = List.copyOf(results);
    }

    /** The result of the subject with the given id. */
    public Optional<Evaluation> of(String subjectId) {
        return results.stream().filter(r -> r.subject().id().equals(subjectId)).findFirst();
    }
}
