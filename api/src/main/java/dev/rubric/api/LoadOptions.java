package dev.rubric.api;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a rubric is loaded and run: whether its code is trusted, which of the application's own classes it may
 * use, and the limits every evaluation runs under.
 *
 * <p>The default is restricted: before compiling, the rubric's code (consequences, constraints, functions,
 * declared types, imports) is checked against an allowlist — the department fact model, the rubric's declared
 * types, the score sheet, {@code CategoryScore}/{@code TotalScore}, {@code String}, {@code Math},
 * {@code BigDecimal}, {@code java.time} and collections — and anything else (system, runtime, processes,
 * files, network, reflection, threads, class loading, {@code java.lang.invoke}) is refused with its file and
 * line. Facts may then name only the fact model's classes and the rubric's declared types. Load a rubric you
 * wrote yourself with {@link #unrestricted()} to lift the check.
 *
 * <p>An application with a fact model of its own keeps the check and adds its classes to the allowlist:
 *
 * <pre>{@code
 * Rubrics.load("canteen-rubric", LoadOptions.restricted().allowing("org.example.canteen"));
 * }</pre>
 *
 * A name allows the class of that name, or every class of the package of that name (not its subpackages). The
 * allowed classes are checked like the fact model: the doors to reflection, class loading and processes stay
 * closed on them ({@code getClass}, {@code forName}…), and facts may name them by their fully qualified name.
 *
 * @param trusted     whether the rubric's code is trusted (no allowlist check, facts may name any class)
 * @param firingLimit the most rule firings per phase of one evaluation before it stops as runaway; at least 1
 * @param timeLimit   the longest one subject's evaluation may take before it stops with an error; positive
 * @param allowed     packages and classes of the application's own fact model a restricted rubric may use, by
 *                    fully qualified name; never null, empty by default
 */
public record LoadOptions(boolean trusted, int firingLimit, Duration timeLimit, Set<String> allowed) {

    /** Rule firings allowed per phase of one evaluation, by default. */
    public static final int DEFAULT_FIRING_LIMIT = 100_000;

    /** Time allowed for one subject's evaluation, by default. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(10);

    /** Packages that belong to the platform or the library: allowing them would open what the check closes. */
    private static final List<String> PLATFORM = List.of("java", "javax", "jdk", "sun", "com.sun", "org.drools", "org.kie",
            "org.mvel2", "dev.rubric", "kotlin", "scala", "groovy");

    /**
     * Validates the options.
     *
     * @throws IllegalArgumentException when a limit is out of range, or an allowed name is not a qualified Java
     *                                  name or belongs to the platform
     */
    public LoadOptions {
        if (firingLimit < 1) {
            throw new IllegalArgumentException("firing limit must be at least 1, was [" + firingLimit + "]");
        }
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("time limit must be positive, was [" + timeLimit + "]");
        }
        Objects.requireNonNull(allowed, "allowed");
        for (String name : allowed) {
            checkAllowable(name);
        }
        allowed = Collections.unmodifiableSet(new TreeSet<>(allowed));
    }

    /**
     * Options with nothing of the application's own allowed.
     *
     * @param trusted     whether the rubric's code is trusted
     * @param firingLimit at least 1
     * @param timeLimit   positive; never null
     */
    public LoadOptions(boolean trusted, int firingLimit, Duration timeLimit) {
        this(trusted, firingLimit, timeLimit, Set.of());
    }

    /**
     * Restricted loading with the default limits: for rubrics that come from someone else. The default.
     *
     * @return restricted options, allowing nothing of the application's own
     */
    public static LoadOptions restricted() {
        return new LoadOptions(false, DEFAULT_FIRING_LIMIT, DEFAULT_TIME_LIMIT);
    }

    /**
     * Trusted loading with the default limits: for rubrics you wrote or reviewed yourself.
     *
     * @return trusted options
     */
    public static LoadOptions unrestricted() {
        return new LoadOptions(true, DEFAULT_FIRING_LIMIT, DEFAULT_TIME_LIMIT);
    }

    /**
     * The same options with another firing limit.
     *
     * @param limit at least 1
     * @return the new options
     */
    public LoadOptions withFiringLimit(int limit) {
        return new LoadOptions(trusted, limit, timeLimit, allowed);
    }

    /**
     * The same options with another time limit per subject.
     *
     * @param limit positive; never null
     * @return the new options
     */
    public LoadOptions withTimeLimit(Duration limit) {
        return new LoadOptions(trusted, firingLimit, limit, allowed);
    }

    /**
     * The same options that also allow the named packages or classes of the application's own fact model, such
     * as {@code org.example.canteen} or {@code org.example.canteen.Fridge}.
     *
     * @param packagesOrClasses fully qualified package or class names; none null
     * @return the new options
     * @throws IllegalArgumentException when a name is not a qualified Java name, or names a package of the
     *                                  platform ({@code java}, {@code javax}, {@code org.drools}, {@code dev.rubric}…)
     */
    public LoadOptions allowing(String... packagesOrClasses) {
        Set<String> more = new TreeSet<>(allowed);
        more.addAll(Arrays.asList(packagesOrClasses));
        return new LoadOptions(trusted, firingLimit, timeLimit, more);
    }

    /**
     * Whether a class of the application's own is allowed by these options: it is named, or its package is.
     * The department fact model and the few library types every rubric may use are not counted here.
     *
     * @param className a fully qualified class name, nested classes with dots or {@code $}; never null
     * @return whether {@link #allowed()} names the class or its package
     */
    public boolean allows(String className) {
        String name = className.replace('$', '.');
        if (allowed.contains(name)) {
            return true;
        }
        // the package is everything before the first segment that starts upper-case (nested classes stay whole)
        int end = -1;
        for (int from = 0; from < name.length(); ) {
            int dot = name.indexOf('.', from);
            if (Character.isUpperCase(name.charAt(from))) {
                break;
            }
            if (dot < 0) {
                return false;
            }
            end = dot;
            from = dot + 1;
        }
        if (end < 0) {
            return false;
        }
        String pkg = name.substring(0, end);
        String outer = name.substring(0, name.indexOf('.', end + 1) < 0 ? name.length() : name.indexOf('.', end + 1));
        return allowed.contains(pkg) || allowed.contains(outer);
    }

    private static void checkAllowable(String name) {
        Objects.requireNonNull(name, "an allowed package or class name");
        if (name.isEmpty() || !Arrays.stream(name.split("\\.", -1)).allMatch(LoadOptions::identifier)) {
            throw new IllegalArgumentException("allowed name [" + name + "] is not a package or class name; give one such as "
                    + "org.example.canteen or org.example.canteen.Fridge (no wildcards, no spaces)");
        }
        for (String p : PLATFORM) {
            if (name.equals(p) || name.startsWith(p + ".")) {
                throw new IllegalArgumentException("allowed name [" + name + "] belongs to the platform (" + p
                        + "); allow only packages of your application's own fact model, or load the rubric trusted");
            }
        }
    }

    private static boolean identifier(String segment) {
        return !segment.isEmpty() && Character.isJavaIdentifierStart(segment.charAt(0))
                && segment.chars().skip(1).allMatch(Character::isJavaIdentifierPart);
    }
}
