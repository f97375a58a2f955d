package org.example.service;

import dev.rubric.api.InvalidRubricException;
import dev.rubric.api.LoadOptions;
import dev.rubric.api.Rubric;
import dev.rubric.api.Rubrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * The rubric the service scores with, reloaded when its folder changes.
 *
 * <p>A request takes the current version once ({@link #get()}) and uses it for all of its work, so no request ever
 * mixes two versions. A loaded {@link Rubric} is immutable, so swapping the reference is all a reload does. A new
 * version that does not load (a typo in a rule file) is not served: the previous one stays, and the health endpoint
 * shows the problems until the folder is fixed.
 */
@Component
public class CurrentRubric {

    private static final Logger LOG = LoggerFactory.getLogger(CurrentRubric.class);

    /** A loaded version and when it was loaded. */
    public record Version(Rubric rubric, Instant loadedAt) {
    }

    /** Why the folder's latest content is not served, with the library's message, or null when it is. */
    public record Failure(String message, Instant at) {
    }

    private final Path folder;
    private final LoadOptions options;
    private final AtomicReference<Version> current = new AtomicReference<>();
    private final AtomicReference<Failure> failure = new AtomicReference<>();
    private volatile String fingerprint;
    /** A change seen at the last look, loaded once the folder has stayed so for one more look (a file half written is not loaded). */
    private volatile String pending;

    /**
     * Loads the rubric; the service does not start without one.
     *
     * @param folder  the rubric folder
     * @param allowed the packages of the application's fact classes the rubric may use
     * @throws InvalidRubricException listing every problem of the rubric
     */
    public CurrentRubric(@Value("${rubric.folder}") Path folder, @Value("${rubric.allow:}") List<String> allowed) {
        this.folder = folder;
        this.options = LoadOptions.restricted().allowing(allowed.toArray(String[]::new));
        this.fingerprint = fingerprint();
        this.current.set(new Version(Rubrics.load(folder, options), Instant.now()));
        LOG.info("serving rubric {} from [{}]", current.get().rubric().info(), folder);
    }

    /**
     * The version to use for one whole request.
     *
     * @return the version served now
     */
    public Version get() {
        return current.get();
    }

    /**
     * Why the folder's latest content is not served.
     *
     * @return the failure, or null when the latest content is served
     */
    public Failure failure() {
        return failure.get();
    }

    /**
     * Looks at the folder and loads it again when a file was added, removed or changed, once the change has settled:
     * the folder must look the same at two looks in a row.
     */
    @Scheduled(fixedDelayString = "${rubric.poll-interval:500}")
    public void reloadIfChanged() {
        String now = fingerprint();
        if (now.equals(fingerprint)) {
            pending = null;
            return;
        }
        if (!now.equals(pending)) {
            pending = now; // still changing, perhaps: look again next time
            return;
        }
        fingerprint = now;
        pending = null;
        try {
            Rubric rubric = Rubrics.load(folder, options);
            current.set(new Version(rubric, Instant.now()));
            failure.set(null);
            LOG.info("reloaded rubric {} from [{}]", rubric.info(), folder);
        } catch (InvalidRubricException e) {
            failure.set(new Failure(e.getMessage(), Instant.now()));
            LOG.warn("the changed rubric in [{}] does not load; still serving {}: {}", folder, current.get().rubric().info(), e.getMessage());
        }
    }

    /** Every file of the folder with its size and modification time: it changes whenever a file does. */
    private String fingerprint() {
        try (Stream<Path> files = Files.walk(folder)) {
            StringBuilder b = new StringBuilder();
            files.filter(Files::isRegularFile).sorted().forEach(p -> {
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    b.append(folder.relativize(p)).append(' ').append(a.size()).append(' ').append(a.lastModifiedTime().toInstant()).append('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read [" + p + "]: " + e.getMessage(), e);
                }
            });
            return b.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the rubric folder [" + folder + "]: " + e.getMessage(), e);
        }
    }
}
