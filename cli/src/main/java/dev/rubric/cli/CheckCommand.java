package dev.rubric.cli;

import dev.rubric.api.Facts;
import dev.rubric.api.Location;
import dev.rubric.api.Manifest;
import dev.rubric.api.Problem;
import dev.rubric.api.Rubric;
import dev.rubric.api.RubricRule;
import dev.rubric.api.Rubrics;
import dev.rubric.api.Subject;
import dev.rubric.api.InvalidRubricException;
import dev.rubric.api.Numbers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code rubric check DIR}: validates a rubric and lints it. Problems are printed as
 * {@code DIR/file:line:column: message}, all of them, and the exit code is 1.
 */
@Command(name = "check", description = "Validate and lint a rubric; prints every problem with its file and line.")
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    Main main;

    @Parameters(paramLabel = "DIR|classpath:NAME", description = "The rubric folder.")
    String rubric;

    @picocli.CommandLine.Option(names = "--facts", paramLabel = "FILE", description = {
            "Facts JSON to check against the rubric: each must be readable, and a fact type no rule reads is warned about."})
    String facts;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean folder = !Location.parse(rubric).onClasspath();
        if (folder && !Files.isDirectory(Path.of(rubric))) {
            throw new Main.CliProblem("[" + rubric + "] is not a folder; give the folder that holds rubric.yaml");
        }
        Rubric loaded;
        try {
            loaded = Rubrics.load(rubric, main.loadOptions());
        } catch (InvalidRubricException e) {
            for (Problem p : e.problems()) {
                err.println(place(p, folder) + p.message());
            }
            err.println(e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems") + " in [" + rubric + "]");
            if (main.debug) {
                e.printStackTrace(err);
            }
            return Main.PROBLEM;
        }
        List<String> warnings = lint(loaded);
        if (facts != null) {
            warnings.addAll(unreadFacts(loaded));
        }
        for (String w : warnings) {
            out.println("warning: " + w);
        }
        Manifest m = loaded.manifest();
        // a rule from a rule table names its cell (targets.xlsx!评分细则!C7): the file is the part before the sheet
        long files = loaded.rules().stream().map(r -> r.line() > 0 ? r.file() : r.file().split("!")[0]).distinct().count();
        out.println("rubric [" + m.id() + "] " + (m.version() == null ? "" : m.version() + " ") + "is valid: "
                + loaded.rules().size() + " rules in " + files + (files == 1 ? " file, " : " files, ")
                + m.categories().size() + " categories, " + m.grades().size() + " grades; " + loaded.info().digest());
        return 0;
    }

    private String place(Problem p, boolean folder) {
        String where = p.where();
        if (where.isEmpty()) {
            return "";
        }
        return (folder && p.file() != null ? Path.of(rubric).resolve(p.file()).toString() + where.substring(p.file().length()) : where) + ": ";
    }

    /** A warning for each fact type of the facts file that no rule of the rubric reads. */
    private List<String> unreadFacts(Rubric loaded) {
        Facts read;
        try (java.io.InputStream in = EvaluateCommand.open(facts)) {
            read = loaded.readFacts(in, EvaluateCommand.displayName(facts));
        } catch (java.io.IOException e) {
            throw new Main.CliProblem("cannot read facts [" + facts + "]: " + e.getMessage());
        }
        return unread(loaded, read.subjects()).stream().map(u -> EvaluateCommand.displayName(facts) + ": " + u).toList();
    }

    /**
     * For each fact type no rule reads: how many such facts there are, and where the first is. Shared with
     * {@code evaluate --verbose}.
     */
    static List<String> unread(Rubric rubric, List<Subject> subjects) {
        java.util.Map<Class<?>, int[]> counts = new java.util.LinkedHashMap<>();
        java.util.Map<Class<?>, String> first = new java.util.HashMap<>();
        for (Subject s : subjects) {
            for (int i = 0; i < s.facts().size(); i++) {
                Class<?> type = s.facts().get(i).getClass();
                if (!rubric.reads(type)) {
                    counts.computeIfAbsent(type, t -> new int[1])[0]++;
                    first.putIfAbsent(type, "subject [" + s.id() + "], fact " + i);
                }
            }
        }
        List<String> warnings = new ArrayList<>();
        counts.forEach((type, n) -> warnings.add("no rule reads facts of type [" + type.getSimpleName() + "]: " + n[0]
                + (n[0] == 1 ? " fact counts" : " facts count") + " for nothing (first: " + first.get(type) + ")"));
        return warnings;
    }

    /** What is legal but probably not meant: categories no rule scores, rules without an @id. */
    private static List<String> lint(Rubric rubric) {
        List<String> warnings = new ArrayList<>();
        for (Manifest.Category c : rubric.manifest().categories()) {
            if (rubric.rules().stream().noneMatch(r -> c.id().equals(r.category()))) {
                warnings.add("category [" + c.id() + "] has no rule; its score is always " + Numbers.plain(c.start()));
            }
        }
        for (RubricRule r : rubric.rules()) {
            if (!r.idWritten()) {
                warnings.add(r.source() + ": rule [" + r.name() + "] has no @id; explanations will show its name");
            }
        }
        return warnings;
    }
}
