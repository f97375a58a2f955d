package org.example.service;

import dev.rubric.api.RubricInfo;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The rubric's part of {@code /actuator/health}: which version is served, since when, and why a changed folder is
 * not served yet. The service stays up while it serves the previous version.
 */
@Component("rubric")
public class RubricHealth implements HealthIndicator {

    private final CurrentRubric rubric;

    /**
     * @param rubric the rubric being served
     */
    public RubricHealth(CurrentRubric rubric) {
        this.rubric = rubric;
    }

    @Override
    public Health health() {
        CurrentRubric.Version version = rubric.get();
        RubricInfo info = version.rubric().info();
        Health.Builder health = Health.up().withDetail("id", info.id()).withDetail("version", String.valueOf(info.version()))
                .withDetail("digest", info.digest()).withDetail("loadedAt", version.loadedAt().toString());
        CurrentRubric.Failure failure = rubric.failure();
        if (failure != null) {
            health.withDetail("reloadFailed", failure.message()).withDetail("reloadFailedAt", failure.at().toString());
        }
        return health.build();
    }
}
