package dev.rubric.cli;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs docs/authoring.md, so the guide cannot drift from the code. In document order, a fenced block whose
 * info string has {@code file=PATH} is written to PATH in a working folder, and a block marked {@code run}
 * holds commands ({@code $ ./rubric …}, or {@code $ cp -r FROM TO} to copy a folder), each followed by the output it must print (stdout, then stderr); a
 * line {@code …} in the output stands for any number of lines, and a line ending in {@code …} for any line that
 * starts with the rest. Blocks without these marks are not examples.
 */
class AuthoringGuideTest {

    static final Path GUIDE = Path.of("../docs/authoring.md");

    @TempDir
    static Path work;

    /** One fenced block: its info string, its first line in the guide, its text, and the heading above it. */
    record Block(String info, int line, String text, String heading) {

        String file() {
            return Arrays.stream(info.split("\\s+")).filter(a -> a.startsWith("file=")).map(a -> a.substring(5)).findFirst().orElse(null);
        }

        boolean run() {
            return Arrays.asList(info.split("\\s+")).contains("run");
        }
    }

    static List<Block> blocks() throws IOException {
        List<String> lines = Files.readAllLines(GUIDE, StandardCharsets.UTF_8);
        List<Block> blocks = new ArrayList<>();
        String heading = "";
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith("#")) {
                heading = l.replaceFirst("^#+\\s*", "");
            } else if (l.startsWith("```") && l.length() > 3) {
                int start = i;
                StringBuilder text = new StringBuilder();
                for (i++; i < lines.size() && !lines.get(i).equals("```"); i++) {
                    text.append(lines.get(i)).append('\n');
                }
                blocks.add(new Block(l.substring(3).strip(), start + 1, text.toString(), heading));
            }
        }
        return blocks;
    }

    @TestFactory
    List<DynamicTest> everyExampleOfTheGuideRuns() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        List<Block> pending = new ArrayList<>();
        for (Block b : blocks()) {
            if (b.file() != null) {
                pending.add(b);
            } else if (b.run()) {
                List<Block> files = List.copyOf(pending);
                pending.clear();
                tests.add(DynamicTest.dynamicTest(b.heading() + " (authoring.md:" + b.line() + ")", () -> {
                    files.forEach(AuthoringGuideTest::write);
                    runCommands(b);
                }));
            }
        }
        assertThat(tests).as("runnable examples in the guide").hasSizeGreaterThan(10);
        return tests;
    }

    private static void write(Block b) {
        try {
            Path p = work.resolve(b.file());
            Files.createDirectories(p.getParent());
            Files.writeString(p, b.text(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void runCommands(Block b) {
        List<String> lines = b.text().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String command = lines.get(i);
            if (command.startsWith("$ cp -r ")) { // the one shell command the guide uses: copying a rubric folder
                String[] from = command.substring("$ cp -r ".length()).strip().split("\\s+");
                copy(work.resolve(from[0]), work.resolve(from[1]));
                continue;
            }
            assertThat(command).as("authoring.md:" + (b.line() + 1 + i) + " starts a command").startsWith("$ ./rubric ");
            List<String> expected = new ArrayList<>();
            while (i + 1 < lines.size() && !lines.get(i + 1).startsWith("$ ")) {
                expected.add(lines.get(++i));
            }
            String[] args = Arrays.stream(command.substring("$ ./rubric ".length()).strip().split("\\s+"))
                    .map(a -> !a.startsWith("-") && !a.startsWith("classpath:") && Files.exists(work.resolve(a.split("/")[0])) ? work.resolve(a).toString() : a)
                    .toArray(String[]::new);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            Main.run(args, new PrintWriter(out), new PrintWriter(err));
            String root = work.toString() + "/";
            List<String> actual = (out + err.toString()).replace(root, "").lines().map(String::stripTrailing).toList();
            assertMatches(command, strip(expected), strip(actual));
        }
    }

    private static void copy(Path from, Path to) {
        try (var files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> strip(List<String> lines) {
        List<String> l = new ArrayList<>(lines.stream().map(String::stripTrailing).toList());
        while (!l.isEmpty() && l.get(l.size() - 1).isEmpty()) {
            l.remove(l.size() - 1);
        }
        return l;
    }

    /** Expected lines in order, {@code …} matching any run of lines. */
    private static void assertMatches(String command, List<String> expected, List<String> actual) {
        if (!matches(expected, 0, actual, 0)) {
            assertThat(String.join("\n", actual)).as("output of [" + command + "]").isEqualTo(String.join("\n", expected));
        }
    }

    private static boolean matches(List<String> expected, int e, List<String> actual, int a) {
        if (e == expected.size()) {
            return a == actual.size();
        }
        if (expected.get(e).equals("…")) {
            for (int k = a; k <= actual.size(); k++) {
                if (matches(expected, e + 1, actual, k)) {
                    return true;
                }
            }
            return false;
        }
        String x = expected.get(e);
        boolean same = a < actual.size() && (x.endsWith("…") ? actual.get(a).startsWith(x.substring(0, x.length() - 1)) : x.equals(actual.get(a)));
        return same && matches(expected, e + 1, actual, a + 1);
    }
}
