package dev.rubric.engine.escape;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The escape corpus: every folder under {@code escapes/} is a rubric written to get out of restricted loading, and
 * each must be refused before any of its code runs or stopped within its limit, with a message that names a rule
 * file and line. See {@code engine/src/test/resources/escapes/README.md} for the families.
 *
 * <p>Design notes. Each attempt runs in a JVM of its own ({@link AttemptRunner}), started from this JVM's
 * {@code java} and class path with {@code -Xmx512m} in a fresh, empty working directory that is also its
 * {@code java.io.tmpdir}: an attempt that gets out can write files, halt the JVM, start threads or exhaust memory,
 * and a regression must fail a named test, not the test JVM. The children run ahead of the assertions, at most
 * {@code rubric.escapes.parallel} (2) at a time; each is killed after {@code rubric.escapes.timeout} seconds (60).
 * {@code -Drubric.escapes.only=TEXT} runs only the attempts whose folder name contains TEXT;
 * {@code -Drubric.escapes.trusted=true} loads them trusted, to see what each does when nothing holds it (every
 * test then fails with what the attempt did).
 */
class EscapeCorpusTest {

    private static final int PARALLEL = Integer.getInteger("rubric.escapes.parallel", 2);
    private static final Duration WALL_CLOCK = Duration.ofSeconds(Integer.getInteger("rubric.escapes.timeout", 60));
    private static final int MAX_OUTPUT = 4 << 20;
    private static final Pattern PLACE = Pattern.compile("[\\w./-]+\\.drl:\\d+");
    private static final Pattern STACK_FRAME = Pattern.compile("\\bat [\\w$]+(\\.[\\w$<>]+)+\\(([\\w$]+\\.java:\\d+|Native Method|Unknown Source)\\)");
    private static final Pattern PWNED = Pattern.compile("(?m)^\\s*PWNED\\b");
    private static final List<String> HELD = List.of("REFUSED", "STOPPED");
    private static final List<String> VERDICTS = List.of("REFUSED", "STOPPED", "COMPLETED", "TAMPERED", "BAD_FACTS", "CRASHED");
    /** Children still running: killed if this JVM ends first, so a hanging attempt never outlives the build. */
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(p -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }), "escape-attempt-reaper"));
    }

    /** What one child did: how it ended, what it printed, and what it left in its working directory. */
    record Run(Integer exitCode, boolean killed, String token, String stdout, String stderr, boolean flooded,
               List<String> leftovers, Duration took) {
    }

    @TestFactory
    Stream<DynamicTest> everyAttemptIsRefusedOrStoppedWithItsPlaceAndLeavesNoTrace() throws IOException {
        Path corpus = corpus();
        String only = System.getProperty("rubric.escapes.only", "");
        List<Path> attempts;
        try (Stream<Path> folders = Files.list(corpus)) {
            attempts = folders.filter(Files::isDirectory).filter(p -> p.getFileName().toString().contains(only)).sorted().toList();
        }
        assertThat(attempts).as("escape attempts under [%s]", corpus).isNotEmpty();
        ExecutorService children = Executors.newFixedThreadPool(PARALLEL, r -> {
            Thread t = new Thread(r, "escape-attempt");
            t.setDaemon(true);
            return t;
        });
        List<Future<Run>> runs = new ArrayList<>();
        for (Path attempt : attempts) {
            runs.add(children.submit(() -> run(attempt)));
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < attempts.size(); i++) {
            Path attempt = attempts.get(i);
            Future<Run> run = runs.get(i);
            tests.add(DynamicTest.dynamicTest(attempt.getFileName().toString(), attempt.toUri(), () -> check(attempt, await(run))));
        }
        return tests.stream().onClose(children::shutdownNow);
    }

    private static Run await(Future<Run> run) throws InterruptedException {
        try {
            return run.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the attempt's child JVM could not be run", e.getCause());
        }
    }

    /** Asserts what the attempt must never do, and reports everything it did at once. */
    private static void check(Path attempt, Run run) {
        List<String> wrong = new ArrayList<>();
        if (run.killed()) {
            wrong.add("did not end by itself within " + WALL_CLOCK.toSeconds() + " s and was killed");
        } else if (run.exitCode() != 0) {
            wrong.add("exited with code " + run.exitCode() + (run.exitCode() == 66 ? " (the attempt's own System.exit/halt)" : ""));
        }
        if (run.flooded()) {
            wrong.add("printed more than " + (MAX_OUTPUT >> 20) + " MB");
        }
        if (PWNED.matcher(run.stdout()).find() || PWNED.matcher(run.stderr()).find()) {
            wrong.add("printed the marker PWNED: its code ran and reached the console");
        }
        if (!run.leftovers().isEmpty()) {
            wrong.add("left files in its working directory: " + run.leftovers());
        }
        List<String> lines = run.stdout().lines().toList();
        if (lines.isEmpty() || !lines.get(lines.size() - 1).equals("END " + run.token())) {
            wrong.add("did not print the end line with its run's token as its last line");
        }
        List<String> verdicts = lines.stream().filter(l -> VERDICTS.contains(l.split(" ", 2)[0])).toList();
        if (verdicts.size() != 1) {
            wrong.add("printed " + verdicts.size() + " verdict lines instead of one: " + verdicts);
        } else {
            String verdict = verdicts.get(0);
            String kind = verdict.split(" ", 2)[0];
            if (!HELD.contains(kind)) {
                wrong.add("was neither refused nor stopped: " + verdict);
            } else {
                if (!PLACE.matcher(verdict).find()) {
                    wrong.add("was " + kind.toLowerCase() + " with a message that names no rule file and line (something.drl:NN): " + verdict);
                }
                if (STACK_FRAME.matcher(verdict).find()) {
                    wrong.add("was " + kind.toLowerCase() + " with a Java stack trace in its message: " + verdict);
                }
            }
        }
        if (!wrong.isEmpty()) {
            fail("escape attempt [" + attempt.getFileName() + "] " + String.join("; ", wrong)
                    + "\n" + intent(attempt)
                    + "\nchild ran " + run.took().toMillis() + " ms"
                    + "\n--- stdout ---\n" + tail(run.stdout()) + "\n--- stderr ---\n" + tail(run.stderr()));
        }
    }

    /** The attempt's own account of itself: the opening comment of its first rule file. */
    private static String intent(Path attempt) {
        try (Stream<Path> files = Files.list(attempt)) {
            Path drl = files.filter(p -> p.toString().endsWith(".drl")).min(Comparator.naturalOrder()).orElse(null);
            if (drl == null) {
                return "(no rule file)";
            }
            return Files.readAllLines(drl, StandardCharsets.UTF_8).stream()
                    .takeWhile(l -> l.startsWith("//"))
                    .map(l -> l.substring(2).strip())
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(String text) {
        return text.length() <= 4000 ? text : "…" + text.substring(text.length() - 4000);
    }

    private static Run run(Path attempt) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("escape-" + attempt.getFileName() + "-");
        String token = UUID.randomUUID().toString();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
                "-Dfile.encoding=UTF-8", "-Djava.io.tmpdir=" + work, "-D" + AttemptRunner.TRUSTED + "=" + Boolean.getBoolean(AttemptRunner.TRUSTED),
                "-cp", System.getProperty("java.class.path"), AttemptRunner.class.getName(), attempt.toAbsolutePath().toString())
                .directory(work.toFile());
        long start = System.nanoTime();
        Process child = builder.start();
        LIVE.add(child);
        Capture out = Capture.of(child.getInputStream());
        Capture err = Capture.of(child.getErrorStream());
        try (OutputStream in = child.getOutputStream()) {
            in.write((token + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the child is already gone: what it printed says why
        }
        boolean ended = child.waitFor(WALL_CLOCK.toMillis(), TimeUnit.MILLISECONDS);
        if (!ended) {
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly();
            child.waitFor();
        }
        LIVE.remove(child);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        out.thread.join(10_000);
        err.thread.join(10_000);
        List<String> leftovers;
        try (Stream<Path> files = Files.walk(work)) {
            leftovers = files.filter(p -> !p.equals(work)).map(p -> work.relativize(p).toString()).sorted().toList();
        }
        delete(work);
        return new Run(ended ? child.exitValue() : null, !ended, token, out.text(), err.text(),
                out.flooded || err.flooded, leftovers, took);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** A child's output read on a thread of its own, kept up to {@link #MAX_OUTPUT} bytes. */
    private static final class Capture {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private volatile boolean flooded;
        private Thread thread;

        static Capture of(InputStream stream) {
            Capture c = new Capture();
            c.thread = new Thread(() -> c.drain(stream), "escape-output");
            c.thread.setDaemon(true);
            c.thread.start();
            return c;
        }

        private void drain(InputStream stream) {
            byte[] buffer = new byte[8192];
            try (stream) {
                for (int n; (n = stream.read(buffer)) >= 0; ) {
                    synchronized (bytes) {
                        if (bytes.size() + n <= MAX_OUTPUT) {
                            bytes.write(buffer, 0, n);
                        } else {
                            flooded = true;
                        }
                    }
                }
            } catch (IOException e) {
                synchronized (bytes) { // kept in the output the failure shows: a killed child's stream may end so
                    bytes.writeBytes(("\n[reading the child's output failed: " + e + "]").getBytes(StandardCharsets.UTF_8));
                }
            }
        }

        String text() {
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }
    }

    private static Path corpus() {
        URL url = EscapeCorpusTest.class.getResource("/escapes");
        assertThat(url).as("the escape corpus on the test class path").isNotNull();
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
