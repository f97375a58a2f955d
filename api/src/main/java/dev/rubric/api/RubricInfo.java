package dev.rubric.api;

import java.util.Objects;

/**
 * Which rubric a result comes from.
 *
 * @param id      the manifest's id; never null
 * @param name    the manifest's name, or null
 * @param version the manifest's version, or null
 * @param digest  {@code sha256:} and the hex digest of the rubric's content; never null
 */
public record RubricInfo(String id, String name, String version, String digest) {
    public RubricInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(digest, "digest");
    }
}
