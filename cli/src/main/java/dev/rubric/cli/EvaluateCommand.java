package dev.rubric.cli;

import dev.rubric.api.CohortResult;
import dev.rubric.api.Facts;
import dev.rubric.api.Location;
import dev.rubric.api.Period;
import dev.rubric.api.ResultFormat;
import dev.rubric.api.Rubric;
import dev.rubric.api.Rubrics;
import dev.rubric.api.Subject;
import dev.rubric.engine.internal.json.ResultJson;
import dev.rubric.engine.internal.report.HtmlReport;
import dev.rubric.engine.internal.report.MarkdownReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

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

    enum Format { text, json, markdown, html, jsonl }

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

    @Option(names = "--period", paramLabel = "PERIOD", description = {
            "The assessment period: 2026, 2026-Q3, 2026-H1 or 2026-01-01..2026-12-31 (default: the facts file's, else none)."})
    String period;

    @Option(names = "--verbose", description = "Also say, on stderr, which facts no rule reads (they count for nothing).")
    boolean verbose;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text, json, markdown, html, or jsonl, one result per line (default: ${DEFAULT-VALUE}).", defaultValue = "text")
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
        Period named = null;
        if (period != null) {
            try {
                named = Period.parse(period);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--period: " + e.getMessage());
            }
        }
        if (facts != null && !spec.commandLine().getParseResult().hasMatchedOption("--rubric")) {
            // facts of the caller's own scored by a rubric they did not name: say which one
            spec.commandLine().getErr().println("rubric: no --rubric given; scoring with the bundled rubric [" + rubric + "]");
            spec.commandLine().getErr().flush();
        }
        if (JsonLines.isJsonLines(factsLocation) && format != Format.jsonl) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "facts [" + factsLocation
                    + "] are JSON lines, scored as a stream; give --format jsonl, or the subjects as a JSON array for " + format);
        }
        Rubric loaded = Rubrics.load(rubric, main.loadOptions());
        if (JsonLines.isJsonLines(factsLocation)) {
            // JSON lines carry no period of their own: --period names it
            Period scoredFor = checkedPeriod(loaded, named != null ? named : Period.unbounded(), "give --period with " + Period.FORMS);
            try (InputStream in = open(factsLocation)) {
                return JsonLines.stream(loaded, scoredFor, in, displayName(factsLocation), spec.commandLine().getOut());
            } catch (IOException e) {
                throw new Main.CliProblem("cannot read facts [" + factsLocation + "]: " + e.getMessage());
            }
        }
        Facts read;
        try (InputStream in = open(factsLocation)) {
            read = loaded.readFacts(in, displayName(factsLocation));
        } catch (IOException e) {
            throw new Main.CliProblem("cannot read facts [" + factsLocation + "]: " + e.getMessage());
        }
        if (named != null && read.period() != null && !named.equals(read.period())) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--period [" + period + "] and the period ["
                    + read.period().id() + "] of the facts file differ; give one of them");
        }
        Period scoredFor = checkedPeriod(loaded, named != null ? named : read.period() != null ? read.period() : Period.unbounded(),
                "give --period with " + Period.FORMS + ", or name it in the facts file as {\"period\": …, \"subjects\": […]}");
        if (verbose) {
            for (String w : CheckCommand.unread(loaded, read.subjects())) {
                spec.commandLine().getErr().println("rubric: " + w);
            }
            spec.commandLine().getErr().flush();
        }
        // contract §4 step 7: ranks and quotas only when a cohort (an array) is evaluated together
        var progress = main.progress(spec.commandLine().getErr(), "subjects");
        CohortResult result = read.cohort() ? loaded.evaluateCohort(read.subjects(), scoredFor, progress)
                : new CohortResult(loaded.info(), List.of(loaded.evaluate(read.subject(), scoredFor)));
        String rendered = switch (format) {
            case json -> ResultFormat.json().render(result, loaded.manifest());
            case markdown -> MarkdownReport.render(result, loaded.manifest(), periodName(read.subjects(), scoredFor, loaded.manifest()), loaded.rules());
            case html -> HtmlReport.render(result, loaded.manifest(), periodName(read.subjects(), scoredFor, loaded.manifest()), loaded.rules());
            case text -> ResultFormat.text().render(result, loaded.manifest());
            case jsonl -> jsonLines(result);
        };
        spec.commandLine().getOut().print(rendered);
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The period to score for, refused as a usage error when the rubric cannot be scored for it. */
    private Period checkedPeriod(Rubric loaded, Period scoredFor, String howToName) {
        if (scoredFor.isUnbounded() && loaded.manifest().periodRequired()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "rubric [" + loaded.info().id()
                    + "] requires a period (period: required in its manifest); " + howToName);
        }
        try {
            loaded.evaluateCohort(List.of(), scoredFor); // no subject: only the period is checked (a combined rubric covers one kind)
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        return scoredFor;
    }

    /** Each result as one line of compact JSON, in the order of the results. */
    static String jsonLines(CohortResult result) {
        StringBuilder lines = new StringBuilder();
        for (dev.rubric.api.Evaluation e : result.results()) {
            lines.append(new String(ResultJson.line(e), java.nio.charset.StandardCharsets.UTF_8));
        }
        return lines.toString();
    }

    /** A period's id as a Chinese title names it: 2026年度, 2026年第三季度, 2026年上半年. */
    static String chinese(String id) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{4})(?:-(Q[1-4]|H[12]))?").matcher(id);
        if (!m.matches()) {
            return id;
        }
        if (m.group(2) == null) {
            return m.group(1) + "年度";
        }
        return m.group(1) + "年" + switch (m.group(2)) {
            case "Q1" -> "第一季度";
            case "Q2" -> "第二季度";
            case "Q3" -> "第三季度";
            case "Q4" -> "第四季度";
            case "H1" -> "上半年";
            default -> "下半年";
        };
    }

    /**
     * The name of the period the subjects were assessed for, for a report's title: the id of the annual
     * {@code AssessmentPeriod} fact every subject shares (such as 2026年度), or null when they share none.
     */
    static String periodName(List<Subject> subjects, Period scoredFor, dev.rubric.api.Manifest manifest) {
        if (!scoredFor.isUnbounded() && scoredFor.id() != null) {
            return manifest.language() == dev.rubric.api.Manifest.Language.ZH ? chinese(scoredFor.id()) : scoredFor.id();
        }
        String name = null;
        for (Subject s : subjects) {
            String own = null;
            for (Object f : s.facts()) {
                if (f instanceof dev.rubric.model.AssessmentPeriod p && p.kind() == dev.rubric.model.PeriodKind.ANNUAL) {
                    own = p.id();
                }
            }
            if (own == null || name != null && !name.equals(own)) {
                return null;
            }
            name = own;
        }
        return name;
    }

    static InputStream open(String location) throws IOException {
        Location where = Location.parse(location);
        if (where.onClasspath()) {
            String name = where.resource();
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
        Location where = Location.parse(location);
        return where.onClasspath() ? where.resource() : location;
    }
}
