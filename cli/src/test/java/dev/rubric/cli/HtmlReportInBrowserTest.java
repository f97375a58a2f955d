package dev.rubric.cli;

import dev.rubric.api.CohortResult;
import dev.rubric.api.Evaluation;
import dev.rubric.api.ScoreItem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The HTML report of the bundled cohort in a real headless Chromium: the page the browser builds holds every unit,
 * grade and item, and a screenshot is taken ({@code target/html-report/report.png}) for a person to look at.
 *
 * <p>Skipped only where no Chromium is installed; {@code .ci/run} installs it ({@code apt-get install chromium
 * fonts-noto-cjk}).
 */
class HtmlReportInBrowserTest {

    private static final Path OUT = Path.of("target/html-report");

    private static Path browser;
    private static Path page;
    private static CohortResult cohort;

    @BeforeAll
    static void renderTheBundledCohort() throws IOException {
        Optional<Path> found = chromium();
        assumeTrue(found.isPresent(), "no chromium installed (apt-get install chromium fonts-noto-cjk)");
        browser = found.get();
        CommandLineTest.Run html = CommandLineTest.rubric("evaluate", "--format", "html");
        assertThat(html.code()).as(html.err()).isZero();
        Files.createDirectories(OUT);
        page = OUT.resolve("report.html").toAbsolutePath();
        Files.writeString(page, html.out(), StandardCharsets.UTF_8);
        var rubric = dev.rubric.api.Rubrics.load("classpath:rubrics/party-mass-efficiency");
        try (var facts = HtmlReportInBrowserTest.class.getResourceAsStream("/samples/party-mass-2026.json")) {
            cohort = rubric.evaluateCohort(rubric.readFacts(facts, "party-mass-2026.json").subjects());
        }
    }

    private static Optional<Path> chromium() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    private static String run(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--user-data-dir=" + dir.resolve("profile")));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(dir.resolve("chromium.log").toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished in time").isTrue();
        return out;
    }

    /** Text as a browser writes it back in a text node. */
    private static String asSerialized(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Test
    void thePageTheBrowserBuildsHoldsEveryUnitGradeAndItem(@TempDir Path dir) throws Exception {
        String dom = run(dir, "--dump-dom", page.toUri().toString());

        assertThat(dom).contains("<svg class=\"chart\"");
        for (Evaluation e : cohort.results()) {
            assertThat(dom).as(e.subject().name()).contains("id=\"u-" + e.subject().id() + "\"", e.subject().name());
            assertThat(dom).contains(">" + e.grade() + "<");
            for (ScoreItem i : e.items()) {
                assertThat(dom).as("item of " + e.subject().id()).contains(asSerialized(i.reason()));
            }
        }
    }

    @Test
    void aPhoneSizedScreenshotIsTaken(@TempDir Path dir) throws Exception {
        Path shot = OUT.resolve("report.png").toAbsolutePath();
        Files.deleteIfExists(shot);

        run(dir, "--screenshot=" + shot, "--window-size=412,2400", "--hide-scrollbars", page.toUri().toString());

        assertThat(shot).exists();
        assertThat(Files.size(shot)).isGreaterThan(10_000);
    }
}
