package dev.rubric.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a rubric or a facts file is: {@code classpath:NAME}, a resource found with a class loader, or a filesystem path.
 * The one reading of the {@code classpath:} prefix, for {@link Rubrics#load(String)}, the command line and the testkit.
 *
 * @param resource the resource name without the prefix or surrounding slashes ({@code rubrics/hygiene}), or null for a path
 * @param path     the filesystem path, or null for a resource
 */
public record Location(String resource, Path path) {

    /** The prefix that names a resource on the classpath. */
    public static final String CLASSPATH = "classpath:";

    public Location {
        if ((resource == null) == (path == null)) {
            throw new IllegalArgumentException("a location is a resource or a path, not both or neither: [" + resource + "], [" + path + "]");
        }
    }

    /**
     * Reads {@code classpath:NAME} as a resource and anything else as a filesystem path.
     *
     * @param text the location as a person writes it; never null
     * @throws IllegalArgumentException when {@code classpath:} names nothing
     */
    public static Location parse(String text) {
        Objects.requireNonNull(text, "location");
        if (!text.startsWith(CLASSPATH)) {
            return new Location(null, Path.of(text));
        }
        String name = text.substring(CLASSPATH.length()).replaceAll("^/+|/+$", "");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("[" + text + "] names no resource; write classpath: and a resource, such as classpath:rubrics/hygiene");
        }
        return new Location(name, null);
    }

    /** Whether this is a resource on the classpath. */
    public boolean onClasspath() {
        return resource != null;
    }

    /** The location as a person writes it: {@code classpath:NAME} or the path. */
    @Override
    public String toString() {
        return onClasspath() ? CLASSPATH + resource : path.toString();
    }
}
