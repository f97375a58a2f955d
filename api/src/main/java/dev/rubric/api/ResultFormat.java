package dev.rubric.api;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * A way to write results: the JSON of the contract, plain text for a terminal, Markdown for a document, or HTML
 * for a browser. The engine provides the formats, found with {@link ServiceLoader} as the engine itself is.
 *
 * <pre>{@code
 * CohortResult cohort = rubric.evaluateCohort(subjects);
 * String json = ResultFormat.json().render(cohort, rubric.manifest());
 * ResultFormat.markdown().write(cohort, rubric.manifest(), Files.newOutputStream(Path.of("report.md")));
 * }</pre>
 *
 * <p>Every format writes UTF-8 and gives the same bytes for the same results.
 */
public interface ResultFormat {

    /**
     * The format's name, lower case: {@code json}, {@code text}, {@code markdown} or {@code html}.
     *
     * @return the name
     */
    String name();

    /**
     * Writes results to a stream, which is flushed and left open.
     *
     * @param result   the results, as {@link Rubric#evaluateCohort} returns them; never null
     * @param manifest the rubric's manifest, for category names and the language of the labels; never null
     * @param out      where the UTF-8 bytes go; never null
     * @throws java.io.UncheckedIOException when writing fails
     */
    void write(CohortResult result, Manifest manifest, OutputStream out);

    /**
     * Results as text.
     *
     * @param result   the results; never null
     * @param manifest the rubric's manifest; never null
     * @return the rendered results
     */
    default String render(CohortResult result, Manifest manifest) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(result, manifest, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * One subject's result as text, written as a one-element result list (no rank).
     *
     * @param rubric     the rubric that scored it; never null
     * @param evaluation the result; never null
     * @return the rendered result
     */
    default String render(Rubric rubric, Evaluation evaluation) {
        return render(new CohortResult(rubric.info(), List.of(evaluation)), rubric);
    }

    /**
     * Writes results with what the rubric knows beyond its manifest: the Markdown and HTML reports show each item's
     * clause (the rubric's wording of it, {@link RubricRule#clause()}) rather than its rule file and line.
     *
     * @param result the results; never null
     * @param rubric the rubric that scored them; never null
     * @param out    where the UTF-8 bytes go; never null
     * @throws java.io.UncheckedIOException when writing fails
     */
    default void write(CohortResult result, Rubric rubric, OutputStream out) {
        write(result, rubric.manifest(), out);
    }

    /**
     * Results as text, with what the rubric knows beyond its manifest (see {@link #write(CohortResult, Rubric, OutputStream)}).
     *
     * @param result the results; never null
     * @param rubric the rubric that scored them; never null
     * @return the rendered results
     */
    default String render(CohortResult result, Rubric rubric) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(result, rubric, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * The JSON of contract §6.
     *
     * @return the format
     */
    static ResultFormat json() {
        return named("json");
    }

    /**
     * Plain text for a terminal: a ranking, then every subject's itemized explanation.
     *
     * @return the format
     */
    static ResultFormat text() {
        return named("text");
    }

    /**
     * Markdown: a ranking table and a section per subject, to paste into a document.
     *
     * @return the format
     */
    static ResultFormat markdown() {
        return named("markdown");
    }

    /**
     * HTML: a page to open in a browser or attach to a mail.
     *
     * @return the format
     * @throws IllegalArgumentException when the engine on the classpath has no HTML report
     */
    static ResultFormat html() {
        return named("html");
    }

    /**
     * The format of the given name.
     *
     * @param name {@code json}, {@code text}, {@code markdown}, {@code html}, or another an engine provides; never null
     * @return the format
     * @throws IllegalArgumentException naming the formats there are when none has this name
     */
    static ResultFormat named(String name) {
        Objects.requireNonNull(name, "name");
        TreeSet<String> names = new TreeSet<>();
        for (ResultFormat f : ServiceLoader.load(ResultFormat.class, ResultFormat.class.getClassLoader())) {
            if (f.name().equals(name)) {
                return f;
            }
            names.add(f.name());
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("no rubric engine on the classpath: add the dependency dev.rubric:rubric-engine");
        }
        throw new IllegalArgumentException("no result format [" + name + "]; the formats are " + names);
    }
}
