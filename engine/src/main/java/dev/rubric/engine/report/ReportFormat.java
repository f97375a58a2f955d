package dev.rubric.engine.report;

import dev.rubric.api.CohortResult;
import dev.rubric.api.Manifest;
import dev.rubric.api.ResultFormat;

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

    @Override
    public final void write(CohortResult result, Manifest manifest, OutputStream out) {
        String text = render(Objects.requireNonNull(result, "result"), Objects.requireNonNull(manifest, "manifest"));
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
            dev.rubric.api.Period period = result.results().isEmpty() ? null : result.results().get(0).period();
            return HtmlReport.render(result, manifest, period == null ? null : period.id());
        }
    }
}
