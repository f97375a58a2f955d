package dev.rubric.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The bad-input corpus, run through the command line as a person meets it: every broken rubric, facts file and
 * misbehaving rule of {@code engine/src/test/resources/bad} gives its documented message on stderr, exit code 1,
 * nothing on stdout, no stack trace (one with {@code --debug}), and never hangs.
 *
 * <p>A case is a folder {@code bad/<case>/} with a rubric folder {@code rubric/} (else the shared {@code bad/_rubric}),
 * a facts file {@code facts.json} (else the shared {@code bad/_facts.json}) and {@code expected.txt}: the whole stderr
 * of {@code rubric evaluate --rubric RUBRIC --facts FACTS}, where {@code {rubric}} and {@code {facts}} stand for the
 * paths given and {@code {*}} for any text within a line. A rubric problem is also checked through {@code rubric check}.
 * The corpus lives beside the engine's tests so engine tests may use it too; this test reads it from
 * {@code ../engine/src/test/resources/bad}, relative to the cli module.
 *
 * <p>The outcome of every case (the exception class behind it and its first line) is written to
 * {@code target/bad-input-corpus.md}, the table docs/reliability.md quotes.
 */
class BadInputCorpusTest {

    /** What a case may take, start to end, including compiling its rubric; the default time limit per subject is 10 s. */
    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final Path CORPUS = Path.of("..", "engine", "src", "test", "resources", "bad");
    private static final Pattern TRACE_HEAD = Pattern.compile("(?m)^(dev\\.rubric\\.[\\w.]+(?:Exception|Problem)|[\\w.$]+\\$CliProblem)(?::|$)");
    private static final Map<String, String[]> OUTCOMES = new ConcurrentHashMap<>();

    record Run(int code, String out, String err) {
    }

    static Run rubric(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    static Stream<String> cases() throws IOException {
        try (Stream<Path> list = Files.list(CORPUS)) {
            return list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("_")).sorted().toList().stream();
        }
    }

    @BeforeAll
    static void theCorpusIsThere() throws IOException {
        assertThat(CORPUS.resolve("_rubric/rubric.yaml")).as("the corpus, read from the cli module's folder").exists();
        assertThat(cases().count()).as("cases in the corpus").isGreaterThanOrEqualTo(60);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aBrokenInputGivesItsDocumentedMessageExitCodeOneAndNoStackTrace(String name) throws IOException {
        // given
        Path dir = CORPUS.resolve(name);
        String rubric = (Files.isDirectory(dir.resolve("rubric")) ? dir.resolve("rubric") : CORPUS.resolve("_rubric")).toString();
        String facts = (Files.exists(dir.resolve("facts.json")) ? dir.resolve("facts.json") : CORPUS.resolve("_facts.json")).toString();
        Path expectedFile = dir.resolve("expected.txt");

        // when
        Run run = assertTimeoutPreemptively(BOUND, () -> rubric("evaluate", "--rubric", rubric, "--facts", facts), () -> name + " took longer than " + BOUND);

        // then
        if (!Files.exists(expectedFile)) {
            Path actual = Path.of("target", "bad-input-actual", name + ".txt");
            Files.createDirectories(actual.getParent());
            Files.writeString(actual, run.err().replace(rubric, "{rubric}").replace(facts, "{facts}"), StandardCharsets.UTF_8);
            throw new AssertionError("case [" + name + "] has no expected.txt; what it printed is in " + actual.toAbsolutePath()
                    + ":\n" + run.err());
        }
        String expected = Files.readString(expectedFile, StandardCharsets.UTF_8);
        assertThat(run.code()).as("exit code of [%s]; stderr:\n%s", name, run.err()).isEqualTo(1);
        assertThat(run.out()).as("stdout of [%s]", name).isEmpty();
        assertThat(run.err()).as("stderr of [%s]", name).doesNotContain("\tat ").doesNotContain("Caused by:");
        assertThat(matches(expected, run.err(), rubric, facts))
                .as("stderr of [%s] is its expected.txt:%nexpected:%n%s%nactual:%n%s", name, expected, run.err()).isTrue();

        // and with --debug, the same message followed by the stack trace of one of the library's documented exceptions
        Run debug = assertTimeoutPreemptively(BOUND, () -> rubric("evaluate", "--debug", "--rubric", rubric, "--facts", facts));
        assertThat(debug.code()).isEqualTo(1);
        assertThat(debug.out()).isEmpty();
        assertThat(debug.err()).startsWith(run.err()).contains("\tat ");
        Matcher head = TRACE_HEAD.matcher(debug.err().substring(run.err().length()));
        assertThat(head.find()).as("the stack trace of [%s] starts with a documented exception:%n%s", name, debug.err()).isTrue();
        String outcome = head.group(1).replaceAll(".*[.$]", "");
        OUTCOMES.put(name, new String[] {outcome, firstProblem(run.err())});

        // and a broken rubric is reported by `rubric check` with the same problems, each at its file in the folder
        if (outcome.equals("InvalidRubricException") && Files.exists(Path.of(rubric, "rubric.yaml"))) {
            Run check = assertTimeoutPreemptively(BOUND, () -> rubric("check", rubric));
            assertThat(check.code()).isEqualTo(1);
            assertThat(check.out()).isEmpty();
            for (String line : run.err().lines().skip(1).toList()) {
                String problem = line.strip();
                String atFile = problem.matches("^[\\w./-]+\\.(drl|yaml):.*") ? Path.of(rubric).resolve(problem.substring(0, problem.indexOf(':'))) + problem.substring(problem.indexOf(':')) : problem;
                assertThat(check.err()).as("`rubric check` of [%s]", name).contains(atFile + "\n");
            }
        }
    }

    /** Whether {@code actual} is {@code expected} with its placeholders filled in. */
    static boolean matches(String expected, String actual, String rubric, String facts) {
        StringBuilder regex = new StringBuilder();
        String[] parts = expected.split("\\{\\*}", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append("[^\\n]*");
            }
            String[] byRubric = parts[i].split("\\{rubric}", -1);
            for (int j = 0; j < byRubric.length; j++) {
                if (j > 0) {
                    regex.append(Pattern.quote(rubric));
                }
                String[] byFacts = byRubric[j].split("\\{facts}", -1);
                for (int k = 0; k < byFacts.length; k++) {
                    if (k > 0) {
                        regex.append(Pattern.quote(facts));
                    }
                    if (!byFacts[k].isEmpty()) {
                        regex.append(Pattern.quote(byFacts[k]));
                    }
                }
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(actual.replace("\r\n", "\n")).matches();
    }

    @Test
    void theWildcardsOfExpectedFilesMatchOnlyWithinALine() {
        assertThat(matches("a {*} c\n", "a bb c\n", "r", "f")).isTrue();
        assertThat(matches("a {*} c\n", "a b\nb c\n", "r", "f")).isFalse();
        assertThat(matches("rubric [{rubric}] x {facts}\n", "rubric [r/x] x f.json\n", "r/x", "f.json")).isTrue();
    }

    private static String firstProblem(String err) {
        List<String> lines = err.lines().toList();
        return (lines.size() > 1 ? lines.get(1) : lines.isEmpty() ? "" : lines.get(0)).strip();
    }

    /** The table of outcomes, by case, for docs/reliability.md. */
    @AfterAll
    static void writeTheTableOfOutcomes() {
        if (OUTCOMES.isEmpty()) {
            return;
        }
        Map<String, Integer> byClass = new TreeMap<>();
        List<String> rows = new ArrayList<>();
        new TreeMap<>(OUTCOMES).forEach((name, o) -> {
            byClass.merge(o[0], 1, Integer::sum);
            rows.add("| `" + name + "` | " + o[0] + " | " + o[1].replace("|", "\\|").replace(CORPUS.toString(), "bad") + " |");
        });
        StringBuilder b = new StringBuilder("# Bad-input corpus: outcomes\n\n").append(OUTCOMES.size()).append(" cases: ");
        b.append(String.join(", ", byClass.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList())).append("\n\n");
        b.append("| case | outcome | first problem |\n|---|---|---|\n");
        rows.forEach(r -> b.append(r).append('\n'));
        try {
            Files.writeString(Path.of("target", "bad-input-corpus.md"), b.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
