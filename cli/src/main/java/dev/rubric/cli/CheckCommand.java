package dev.rubric.cli;

import dev.rubric.api.Manifest;
import dev.rubric.api.Problem;
import dev.rubric.api.Rubric;
import dev.rubric.api.RubricRule;
import dev.rubric.api.Rubrics;
import dev.rubric.api.InvalidRubricException;
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

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean folder = !rubric.startsWith("classpath:");
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

    /** What is legal but probably not meant: categories no rule scores, rules without an @id. */
    private static List<String> lint(Rubric rubric) {
        List<String> warnings = new ArrayList<>();
        for (Manifest.Category c : rubric.manifest().categories()) {
            if (rubric.rules().stream().noneMatch(r -> c.id().equals(r.category()))) {
                warnings.add("category [" + c.id() + "] has no rule; its score is always " + c.start().stripTrailingZeros().toPlainString());
            }
        }
        for (RubricRule r : rubric.rules()) {
            if (r.id().equals(r.name())) {
                warnings.add(r.source() + ": rule [" + r.name() + "] has no @id; explanations will show its name");
            }
        }
        return warnings;
    }
}
