package dev.rubric.spark;

import dev.rubric.api.Rubric;
import dev.rubric.api.Rubrics;

import java.io.Serializable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Where a job's tasks find their rubric: a location and the digest the driver loaded, small enough to ship with
 * every task, and the rubric itself loaded once per JVM (each executor, and the driver) the first time a task
 * asks for it.
 *
 * <p>Design notes. A compiled rubric holds a class loader and a rule base and cannot travel as a task's
 * closure; its location can. Every executor therefore loads the rubric from the same location (a
 * {@code classpath:} folder inside the job's jar, or a folder every node can read), restricted, as
 * {@link Rubrics#load(String)} does, and checks that its content has the digest the driver saw, so no executor
 * scores with other rules than the driver ranked with.
 *
 * @param location the rubric's location as {@link Rubrics#load(String)} takes it; never null
 * @param digest   the digest of the rubric the driver loaded; never null
 */
record ExecutorRubric(String location, String digest) implements Serializable {

    private static final ConcurrentMap<ExecutorRubric, Rubric> LOADED = new ConcurrentHashMap<>();

    /** Loads the rubric at {@code location} here, on the driver, and names it with its digest. */
    static ExecutorRubric load(String location) {
        Rubric rubric = Rubrics.load(location);
        ExecutorRubric named = new ExecutorRubric(location, rubric.info().digest());
        LOADED.putIfAbsent(named, rubric);
        return named;
    }

    /**
     * The rubric, loaded on first use in this JVM.
     *
     * @throws IllegalStateException when the rubric found here is not the one the driver loaded
     */
    Rubric rubric() {
        return LOADED.computeIfAbsent(this, key -> {
            Rubric here = Rubrics.load(key.location);
            if (!here.info().digest().equals(key.digest)) {
                throw new IllegalStateException("rubric [" + key.location + "] has digest [" + here.info().digest()
                        + "] on this executor but [" + key.digest + "] on the driver; give every node the same rubric files");
            }
            return here;
        });
    }
}
