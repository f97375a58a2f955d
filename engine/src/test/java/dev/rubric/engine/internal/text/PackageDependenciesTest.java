package dev.rubric.engine.internal.text;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's packages depend on each other in one direction: no cycle, and the text helpers at the bottom depend on
 * no other package of the engine. Read from the sources' imports and fully qualified names.
 */
class PackageDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final String ENGINE = "dev.rubric.engine";
    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.rubric\\.engine((?:\\.[a-z]\\w*)*)\\.[A-Z]");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");

    /** Each engine package and the other engine packages its sources name. */
    private static Map<String, Set<String>> dependencies() {
        Map<String, Set<String>> deps = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f);
                Matcher pkg = PACKAGE.matcher(text);
                if (!pkg.find() || !pkg.group(1).startsWith(ENGINE)) {
                    continue;
                }
                String from = pkg.group(1);
                Set<String> to = deps.computeIfAbsent(from, k -> new TreeSet<>());
                Matcher ref = REFERENCE.matcher(text.substring(pkg.end()));
                while (ref.find()) {
                    String target = ENGINE + ref.group(1);
                    if (!target.equals(from)) {
                        to.add(target);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return deps;
    }

    @Test
    void theEnginesPackagesFormNoCycle() {
        // given
        Map<String, Set<String>> deps = dependencies();

        // when
        List<String> cycles = new ArrayList<>();
        for (String start : deps.keySet()) {
            List<String> path = cycleFrom(start, start, deps, new ArrayList<>(List.of(start)), new TreeSet<>());
            if (path != null) {
                cycles.add(String.join(" -> ", path));
            }
        }

        // then
        assertThat(cycles).as("package cycles (each package's dependencies: %s)", deps).isEmpty();
    }

    @Test
    void theTextHelpersDependOnNoOtherPackageOfTheEngine() {
        assertThat(dependencies().get(Spelling.class.getPackageName())).isEmpty();
    }

    /** What each package may depend on, as docs/design.md's table of packages says; a package not named here is not checked. */
    private static final Map<String, Set<String>> MAY_DEPEND_ON = Map.of(
            "text", Set.of(),
            "scoring", Set.of(),
            "sandbox", Set.of(),
            "manifest", Set.of("text"),
            "json", Set.of("text"),
            "compile", Set.of("manifest", "sandbox", "scoring", "text"),
            "table", Set.of("compile", "json", "text"),
            "combine", Set.of("json", "manifest", "scoring", "text"),
            "session", Set.of("compile", "sandbox", "scoring"),
            "report", Set.of("scoring", "text"));

    @Test
    void eachPackageDependsOnlyOnWhatTheDesignAllows() {
        // given
        Map<String, Set<String>> deps = dependencies();

        // when
        List<String> violations = new ArrayList<>();
        deps.forEach((from, to) -> {
            Set<String> allowed = MAY_DEPEND_ON.get(shortName(from));
            if (allowed != null) {
                to.stream().filter(t -> !allowed.contains(shortName(t))).forEach(t -> violations.add(from + " -> " + t));
            }
        });

        // then
        assertThat(violations).as("dependencies docs/design.md does not allow").isEmpty();
    }

    @Test
    void theArithmeticUsesNoDrools() throws IOException {
        // given
        Path scoring = SOURCES.resolve(dev.rubric.engine.internal.scoring.Scoring.class.getPackageName().replace('.', '/'));

        // when
        List<String> drools = new ArrayList<>();
        try (Stream<Path> files = Files.list(scoring)) {
            for (Path f : files.toList()) {
                if (Pattern.compile("\\borg\\.(drools|kie)\\.").matcher(Files.readString(f)).find()) {
                    drools.add(f.getFileName().toString());
                }
            }
        }

        // then
        assertThat(drools).as("files of the scoring package that name Drools").isEmpty();
    }

    /** A package's name below the engine, wherever the engine keeps it: {@code compile} for {@code dev.rubric.engine.internal.compile}. */
    private static String shortName(String pkg) {
        String rest = pkg.equals(ENGINE) ? "" : pkg.substring(ENGINE.length() + 1);
        return rest.startsWith("internal.") ? rest.substring("internal.".length()) : rest;
    }

    private static List<String> cycleFrom(String start, String at, Map<String, Set<String>> deps, List<String> path, Set<String> seen) {
        for (String next : deps.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                List<String> cycle = new ArrayList<>(path);
                cycle.add(start);
                return cycle;
            }
            if (seen.add(next)) {
                path.add(next);
                List<String> found = cycleFrom(start, next, deps, path, seen);
                if (found != null) {
                    return found;
                }
                path.remove(path.size() - 1);
            }
        }
        return null;
    }
}
