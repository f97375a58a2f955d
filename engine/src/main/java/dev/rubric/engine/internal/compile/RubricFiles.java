package dev.rubric.engine.internal.compile;

import dev.rubric.api.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The files of a rubric folder, wherever it lives: a directory, or a folder on the classpath
 * (in a directory or inside a jar). Paths are relative to the folder and use {@code /}.
 */
public interface RubricFiles {

    /** How the rubric is named in messages: its folder path or {@code classpath:NAME}. */
    String describe();

    /** The bytes of a file, or null when it does not exist. */
    byte[] read(String relativePath);

    /** Every file below the folder whose path ends with {@code suffix} (such as {@code .drl}), sorted by path. */
    List<String> list(String suffix);

    /** Every rule file below the folder, sorted by path: {@code .drl} files and rule tables ({@code .xlsx}, {@code .csv}). */
    default List<String> ruleFiles() {
        return list("").stream().filter(f -> f.endsWith(".drl") || isTable(f)).toList();
    }

    /** Whether a rubric file is a rule table: an .xlsx or .csv file that is not an office program's lock file. */
    public static boolean isTable(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        String name = p.substring(p.lastIndexOf('/') + 1);
        return (p.endsWith(".xlsx") || p.endsWith(".csv")) && !name.startsWith("~$") && !name.startsWith(".~lock");
    }

    /**
     * The files of a rubric named as {@code classpath:NAME} or a folder path, or null when a classpath
     * rubric is not there.
     */
    static RubricFiles at(String location, ClassLoader loader) {
        Location where = Location.parse(location);
        return where.onClasspath() ? classpath(where.resource(), loader) : folder(where.path());
    }

    /** A rubric in a filesystem folder. */
    static RubricFiles folder(Path folder) {
        return new Folder(folder);
    }

    /**
     * A rubric on the classpath, or null when {@code name/rubric.yaml} is not there.
     *
     * @param name the resource folder, such as {@code rubrics/party-mass-efficiency}
     */
    static RubricFiles classpath(String name, ClassLoader loader) {
        String base = name.replaceAll("^/+|/+$", "");
        URL manifest = loader.getResource(base + "/rubric.yaml");
        if (manifest == null) {
            return null;
        }
        if ("file".equals(manifest.getProtocol())) {
            try {
                Path dir = Path.of(manifest.toURI()).getParent();
                return new Folder(dir) {
                    @Override
                    public String describe() {
                        return Location.CLASSPATH + base;
                    }
                };
            } catch (URISyntaxException e) {
                throw new IllegalStateException("classpath folder [" + base + "] has an unusable location " + manifest, e);
            }
        }
        return new Jar(base, manifest, loader);
    }

    /** A rubric folder on disk. */
    class Folder implements RubricFiles {
        private final Path root;

        Folder(Path root) {
            this.root = root;
        }

        @Override
        public String describe() {
            return root.toString();
        }

        @Override
        public byte[] read(String relativePath) {
            Path p = root.resolve(relativePath).normalize();
            if (!p.startsWith(root.normalize())) {
                return null;
            }
            try {
                return Files.readAllBytes(p);
            } catch (NoSuchFileException e) {
                return null;
            } catch (IOException e) {
                if (Files.isDirectory(p)) {
                    return null;
                }
                throw new UncheckedIOException("cannot read [" + p + "]: " + e.getMessage(), e);
            }
        }

        @Override
        public List<String> list(String suffix) {
            if (!Files.isDirectory(root)) {
                return List.of();
            }
            try (Stream<Path> walk = Files.walk(root)) {
                return walk.filter(p -> p.toString().endsWith(suffix) && Files.isRegularFile(p))
                        .map(p -> root.relativize(p).toString().replace('\\', '/'))
                        .sorted()
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list the rule files of [" + root + "]: " + e.getMessage(), e);
            }
        }
    }

    /** A rubric folder inside a jar on the classpath. */
    class Jar implements RubricFiles {
        private final String base;
        private final URL manifest;
        private final ClassLoader loader;

        Jar(String base, URL manifest, ClassLoader loader) {
            this.base = base;
            this.manifest = manifest;
            this.loader = loader;
        }

        @Override
        public String describe() {
            return Location.CLASSPATH + base;
        }

        @Override
        public byte[] read(String relativePath) {
            try (InputStream in = loader.getResourceAsStream(base + "/" + relativePath)) {
                return in == null ? null : in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read [" + base + "/" + relativePath + "]: " + e.getMessage(), e);
            }
        }

        @Override
        public List<String> list(String suffix) {
            try {
                JarURLConnection connection = (JarURLConnection) manifest.openConnection();
                connection.setUseCaches(false);
                List<String> files = new ArrayList<>();
                try (JarFile jar = connection.getJarFile()) {
                    String prefix = base + "/";
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        String n = entries.nextElement().getName();
                        if (n.startsWith(prefix) && n.endsWith(suffix)) {
                            files.add(n.substring(prefix.length()));
                        }
                    }
                }
                files.sort(null);
                return files;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list the rule files of [" + Location.CLASSPATH + base + "]: " + e.getMessage(), e);
            }
        }
    }
}
