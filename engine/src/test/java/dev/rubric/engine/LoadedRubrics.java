package dev.rubric.engine;

import dev.rubric.api.Rubric;
import dev.rubric.engine.internal.compile.CompiledRules;

/** Test access to what a loaded rubric is made of. */
public final class LoadedRubrics {

    private LoadedRubrics() {
    }

    /** The compiled rules behind a rubric this engine loaded. */
    public static CompiledRules compiled(Rubric rubric) {
        return ((LoadedRubric) rubric).compiled();
    }
}
