package dev.rubric.cli;

import dev.rubric.api.CohortResult;
import dev.rubric.api.Rubric;
import dev.rubric.api.Rubrics;
import dev.rubric.api.Subject;
import dev.rubric.engine.json.ResultJson;
import dev.rubric.engine.report.MarkdownReport;
import dev.rubric.engine.report.TextReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code rubric evaluate}: scores a cohort and prints the ranking and every subject's explanation. */
@Command(name = "evaluate", description = {
        "Evaluate facts against a rubric and explain every point.",
        "With no --rubric and no --facts, the bundled party-mass rubric scores the bundled sample departments."})
final class EvaluateCommand implements Callable<Integer> {

    static final String DEFAULT_RUBRIC = "classpath:rubrics/party-mass-efficiency";
    static final String DEFAULT_FACTS = "classpath:samples/party-mass-2026.json";

    enum Format { text, json, markdown, jsonl }

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    Main main;

    @Option(names = "--rubric", paramLabel = "DIR|classpath:NAME", description = "The rubric (default: ${DEFAULT-VALUE}).",
            defaultValue = DEFAULT_RUBRIC)
    String rubric;

    @Option(names = "--facts", paramLabel = "FILE", description = {"Facts JSON: one subject or an array (default: the bundled sample departments, with the bundled rubric);",
            "or a .jsonl file, one subject per line, scored as a stream, each subject alone (with --format jsonl)."})
    String facts;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text, json, markdown or jsonl, one result per line (default: ${DEFAULT-VALUE}).", defaultValue = "text")
    Format format;

    @Override
    public Integer call() {
        String factsLocation = facts;
        if (factsLocation == null) {
            if (!DEFAULT_RUBRIC.equals(rubric)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--facts is required with a rubric other than the bundled one");
            }
            factsLocation = DEFAULT_FACTS;
        }
        if (JsonLines.isJsonLines(factsLocation) && format != Format.jsonl) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "facts [" + factsLocation
                    + "] are JSON lines, scored as a stream; give --format jsonl, or the subjects as a JSON array for " + format);
        }
        Rubric loaded = Rubrics.load(rubric, main.loadOptions());
        if (JsonLines.isJsonLines(factsLocation)) {
            try (InputStream in = open(factsLocation)) {
                return JsonLines.stream(loaded, in, displayName(factsLocation), spec.commandLine().getOut());
            } catch (IOException e) {
                throw new Main.CliProblem("cannot read facts [" + factsLocation + "]: " + e.getMessage());
            }
        }
        List<Subject> subjects;
        boolean cohort;
        try (InputStream in = open(factsLocation)) {
            byte[] json = in.readAllBytes();
            cohort = startsWithArray(json);
            subjects = loaded.readFacts(new ByteArrayInputStream(json), displayName(factsLocation));
        } catch (IOException e) {
            throw new Main.CliProblem("cannot read facts [" + factsLocation + "]: " + e.getMessage());
        }
        // contract §4 step 7: ranks and quotas only when a cohort (an array) is evaluated together
        CohortResult result = cohort ? loaded.evaluateCohort(subjects)
                : new CohortResult(loaded.info(), List.of(loaded.evaluate(subjects.get(0))));
        String rendered = switch (format) {
            case json -> ResultJson.toJson(result);
            case markdown -> MarkdownReport.render(result, loaded.manifest());
            case text -> TextReport.render(result, loaded.manifest());
            case jsonl -> jsonLines(result);
        };
        spec.commandLine().getOut().print(rendered);
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** Each result as one line of compact JSON, in the order of the results. */
    static String jsonLines(CohortResult result) {
        StringBuilder lines = new StringBuilder();
        for (dev.rubric.api.Evaluation e : result.results()) {
            lines.append(new String(ResultJson.line(e), java.nio.charset.StandardCharsets.UTF_8));
        }
        return lines.toString();
    }

    /** Whether facts JSON is an array of subjects (a cohort) rather than one subject object. */
    static boolean startsWithArray(byte[] json) {
        for (byte b : json) {
            if (b == '[') {
                return true;
            }
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r' && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return false; // skipping whitespace and a UTF-8 byte order mark
            }
        }
        return false;
    }

    static InputStream open(String location) throws IOException {
        if (location.startsWith("classpath:")) {
            String name = location.substring("classpath:".length());
            InputStream in = EvaluateCommand.class.getClassLoader().getResourceAsStream(name);
            if (in == null) {
                throw new Main.CliProblem("no [" + name + "] on the classpath");
            }
            return in;
        }
        try {
            return Files.newInputStream(Path.of(location));
        } catch (NoSuchFileException e) {
            throw new Main.CliProblem("facts file [" + location + "] does not exist");
        }
    }

    static String displayName(String location) {
        return location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
    }
}
