package dev.rubric.engine.internal.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The members of the Java library and the engine that restricted rubric code may use: the exact list in
 * {@code allowlist.txt} beside this class, read once. A member is an owner, a name and a descriptor in the JVM's
 * internal form; a descriptor of {@code *} stands for every overload of a name, an owner ending in {@code /*} or
 * {@code $*} for every type of a package or every nested type. Immutable and thread-safe.
 */
public final class Allowlist {

    private static final Allowlist BUILT_IN = read(Allowlist.class.getResourceAsStream("allowlist.txt"));

    private final Set<String> exact = new HashSet<>();
    private final Set<String> anyDescriptor = new HashSet<>();
    private final List<String[]> prefixed = new ArrayList<>();
    private final Set<String> types = new HashSet<>();

    private Allowlist() {
    }

    /** The list shipped with the engine. */
    public static Allowlist builtIn() {
        return BUILT_IN;
    }

    static Allowlist read(InputStream in) {
        Allowlist list = new Allowlist();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\\s+");
                if (f[0].equals("type")) {
                    list.types.add(f[1]);
                } else if (f[0].endsWith("*")) {
                    list.prefixed.add(new String[] {f[0].substring(0, f[0].length() - 1), f[1], f.length > 2 ? f[2] : "*"});
                } else if (f.length < 3 || f[2].equals("*")) {
                    list.anyDescriptor.add(f[0] + ' ' + f[1]);
                } else {
                    list.exact.add(f[0] + ' ' + f[1] + ' ' + f[2]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the engine's allowlist cannot be read", e);
        }
        return list;
    }

    /** Whether the member {@code owner.name descriptor} is listed for exactly that owner. */
    public boolean allows(String owner, String name, String descriptor) {
        if (exact.contains(owner + ' ' + name + ' ' + descriptor) || anyDescriptor.contains(owner + ' ' + name)
                || anyDescriptor.contains(owner + " *")) {
            return true;
        }
        for (String[] p : prefixed) {
            if (owner.startsWith(p[0]) && owner.indexOf('/', p[0].length()) < 0
                    && (p[1].equals("*") || p[1].equals(name)) && (p[2].equals("*") || p[2].equals(descriptor))) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code type} may be caught, or implemented by a lambda. */
    public boolean allowsType(String type) {
        if (types.contains(type)) {
            return true;
        }
        for (String t : types) {
            if (t.endsWith("*") && type.startsWith(t.substring(0, t.length() - 1)) && type.indexOf('/', t.length() - 1) < 0) {
                return true;
            }
        }
        return false;
    }
}
