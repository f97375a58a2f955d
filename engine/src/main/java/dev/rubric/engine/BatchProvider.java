package dev.rubric.engine;

import dev.rubric.api.Rubric;

/** Makes the engine's {@link Batch} for {@link Rubric#batch()}, found with {@link java.util.ServiceLoader}. */
public final class BatchProvider implements dev.rubric.api.Batch.Provider {

    /** The provider {@link java.util.ServiceLoader} makes. */
    public BatchProvider() {
    }

    @Override
    public Batch of(Rubric rubric) {
        return Batch.of(rubric);
    }
}
