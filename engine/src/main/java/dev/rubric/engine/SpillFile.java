package dev.rubric.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A temporary file where a cohort's result lines wait while the cohort is ranked: written once, read back once,
 * deleted when closed.
 */
final class SpillFile implements AutoCloseable {

    private final Path path;

    /** A new, empty temporary file. */
    SpillFile() throws IOException {
        this.path = Files.createTempFile("rubric-batch-", ".jsonl");
    }

    /** Writes the file from its start. */
    OutputStream write() throws IOException {
        return Files.newOutputStream(path);
    }

    /** Reads what was written. */
    InputStream read() throws IOException {
        return Files.newInputStream(path);
    }

    /** Deletes the file; one that cannot be deleted now is deleted when the JVM exits. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            path.toFile().deleteOnExit(); // a file left behind is no reason to hide the batch's own outcome
        }
    }
}
