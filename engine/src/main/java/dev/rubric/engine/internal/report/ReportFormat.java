package dev.rubric.engine.internal.report;

import dev.rubric.api.CohortResult;
import dev.rubric.api.Manifest;
import dev.rubric.api.ResultFormat;
import dev.rubric.api.Rubric;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The reports of this package as {@link ResultFormat}s ({@link ResultFormat#text()}, {@link ResultFormat#markdown()}):
 * each renders the whole report as text and writes it as UTF-8.
 */
public abstract class ReportFormat implements ResultFormat {

    private ReportFormat() {
    }

    /** The whole report as text: these reports are built in memory, then written. */
    @Override
    public abstract String render(CohortResult result, Manifest manifest);

    /** The whole report as text, with the rubric's rule clauses where the format shows them. */
    @Override
    public String render(CohortResult result, Rubric rubric) {
        return render(result, rubric.manifest());
    }

    @Override
    public final void write(CohortResult result, Manifest manifest, OutputStream out) {
        emit(render(Objects.requireNonNull(result, "result"), Objects.requireNonNull(manifest, "manifest")), out);
    }

    @Override
    public final void write(CohortResult result, Rubric rubric, OutputStream out) {
        emit(render(Objects.requireNonNull(result, "result"), Objects.requireNonNull(rubric, "rubric")), out);
    }

    private void emit(String text, OutputStream out) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the " + name() + " report: " + e.getMessage(), e);
        }
    }

    /** {@link ResultFormat#text()}: {@link TextReport}. */
    public static final class Text extends ReportFormat {

        /** The format {@link java.util.ServiceLoader} makes. */
        public Text() {
        }

        @Override
        public String name() {
            return "text";
        }

        @Override
        public String render(CohortResult result, Manifest manifest) {
            return TextReport.render(result, manifest);
        }
    }

    /** {@link ResultFormat#markdown()}: {@link MarkdownReport}. */
    public static final class Markdown extends ReportFormat {

        /** The format {@link java.util.ServiceLoader} makes. */
        public Markdown() {
        }

        @Override
        public String name() {
            return "markdown";
        }

        @Override
        public String render(CohortResult result, Manifest manifest) {
            return MarkdownReport.render(result, manifest);
        }

        @Override
        public String render(CohortResult result, Rubric rubric) {
            return MarkdownReport.render(result, rubric.manifest(), null, rubric.rules());
        }
    }

    /** {@link ResultFormat#html()}: {@link HtmlReport}, titled with the period the results carry, if any. */
    public static final class Html extends ReportFormat {

        /** The format {@link java.util.ServiceLoader} makes. */
        public Html() {
        }

        @Override
        public String name() {
            return "html";
        }

        @Override
        public String render(CohortResult result, Manifest manifest) {
            return HtmlReport.render(result, manifest, periodName(result));
        }

        @Override
        public String render(CohortResult result, Rubric rubric) {
            return HtmlReport.render(result, rubric.manifest(), periodName(result), rubric.rules());
        }

        private static String periodName(CohortResult result) {
            dev.rubric.api.Period period = result.results().isEmpty() ? null : result.results().get(0).period();
            return period == null ? null : period.id();
        }
    }
}
