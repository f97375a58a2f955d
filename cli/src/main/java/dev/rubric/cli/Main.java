package dev.rubric.cli;

import dev.rubric.api.LoadOptions;
import dev.rubric.api.Problem;
import dev.rubric.api.Progress;
import dev.rubric.api.RubricException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code ./rubric} command (contract §7). Exit codes: 0 success, 1 a rubric or facts error
 * (message on stderr, nothing on stdout), 2 a usage error.
 */
@Command(name = "rubric", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        // inherited by every command: `rubric test --help` is help, not a missing DIR; wrapped at words, as wide as the terminal
        scope = CommandLine.ScopeType.INHERIT, usageHelpAutoWidth = true, usageHelpWidth = Main.HELP_WIDTH,
        description = "Scores organisations against rubrics written as Drools rules, and explains every point.",
        subcommands = {EvaluateCommand.class, CheckCommand.class, TestCommand.class, DiffCommand.class, WhyCommand.class, WhatIfCommand.class})
public final class Main implements Runnable {

    /** Exit code for a rubric or facts error. */
    static final int PROBLEM = 1;

    /** Columns of the help text where the terminal's width is unknown (piped, or on Windows). */
    static final int HELP_WIDTH = 100;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean debug;

    @Option(names = "--trusted", scope = CommandLine.ScopeType.INHERIT, description = "Load rubrics as trusted code. Without it, a rubric's "
            + "code may use only the fact model, its declared types, the score sheet and a few harmless types (String, Math, BigDecimal, "
            + "java.time, collections), and the packages given with --allow.")
    boolean trusted;

    @Option(names = {"-q", "--quiet"}, scope = CommandLine.ScopeType.INHERIT,
            description = "Show no progress bar. (A bar is shown only on a terminal, never when the output is piped.)")
    boolean quiet;

    /** A progress bar on the terminal, for work people wait for; silent when piped or {@code --quiet}. */
    Progress progress(PrintWriter err, String unit) {
        return ProgressBar.forTerminal(err, quiet, unit);
    }

    @Option(names = "--classpath", scope = CommandLine.ScopeType.INHERIT, paramLabel = "PATH", split = "${sys:path.separator}",
            description = "Jars and folders of your application's fact classes, separated by '${sys:path.separator}' (may be repeated). "
                    + "Rubrics and facts find their classes there.")
    List<Path> classpath = new ArrayList<>();

    @Option(names = "--allow", scope = CommandLine.ScopeType.INHERIT, paramLabel = "PACKAGE",
            description = "A package (org.example.canteen) or class of your application's fact model that a restricted rubric may use "
                    + "and facts may name by its full name (may be repeated).")
    List<String> allow = new ArrayList<>();

    /** The options of this run, checked before the command runs. */
    private LoadOptions options = LoadOptions.restricted();

    /** How the command's rubrics are loaded: restricted unless {@code --trusted} was given, with the {@code --allow}ed packages. */
    LoadOptions loadOptions() {
        return options;
    }

    private static LoadOptions loadOptions(CommandLine cl, boolean trusted, List<String> allow) {
        LoadOptions base = trusted ? LoadOptions.unrestricted() : LoadOptions.restricted();
        try {
            return base.allowing(allow.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "--allow: " + e.getMessage());
        }
    }

    /**
     * The class loader the command's rubrics and facts use: the application's jars and folders given with
     * {@code --classpath} over the command's own classes. Each must exist, so that a typo is not a silent "unknown class".
     */
    private static ClassLoader classLoader(CommandLine cl, List<Path> classpath) {
        ClassLoader own = Main.class.getClassLoader();
        if (classpath.isEmpty()) {
            return own;
        }
        List<URL> urls = new ArrayList<>();
        for (Path p : classpath) {
            if (!Files.exists(p)) {
                throw new CommandLine.ParameterException(cl, "--classpath: [" + p + "] does not exist; give jars or folders of compiled classes");
            }
            try {
                urls.add(p.toAbsolutePath().toUri().toURL());
            } catch (MalformedURLException e) {
                throw new CommandLine.ParameterException(cl, "--classpath: [" + p + "] cannot be used as a class path entry: " + e.getMessage());
            }
        }
        return new URLClassLoader("rubric-classpath", urls.toArray(URL[]::new), own);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "name a command: evaluate, check, test, diff, why or what-if");
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8), new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Main main = new Main();
        CommandLine cl = new CommandLine(main);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean debug = main.debug;
            if (ex instanceof RubricException re) {
                report(re, err);
            } else if (ex instanceof CliProblem cp) {
                err.println("rubric: " + cp.getMessage());
            } else {
                err.println("rubric: unexpected error: " + ex + (debug ? "" : " (run again with --debug for the stack trace)"));
            }
            if (debug) {
                ex.printStackTrace(err);
            }
            err.flush();
            return PROBLEM;
        });
        cl.setExecutionStrategy(parseResult -> {
            // rubrics and facts find the application's classes through the context class loader, as in an application
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            main.options = loadOptions(cl, main.trusted, main.allow);
            thread.setContextClassLoader(classLoader(cl, main.classpath));
            try {
                return new CommandLine.RunLast().execute(parseResult);
            } finally {
                thread.setContextClassLoader(previous);
            }
        });
        int code;
        try {
            code = cl.execute(args);
        } catch (Error e) { // picocli hands only exceptions to the handler; a broken installation shows up as an Error
            err.println("rubric: internal error: " + e + (main.debug ? "" : " (run again with --debug for the stack trace)"));
            if (main.debug) {
                e.printStackTrace(err);
            }
            code = PROBLEM;
        }
        out.flush();
        err.flush();
        return code;
    }

    private static void report(RubricException e, PrintWriter err) {
        String first = e.getMessage().lines().findFirst().orElse("");
        err.println("rubric: " + first);
        for (Problem p : e.problems()) {
            err.println("  " + p);
        }
    }

    /** A problem of the command's own inputs (a facts file that cannot be opened), reported without a stack trace. */
    static final class CliProblem extends RuntimeException {
        CliProblem(String message) {
            super(message);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"rubric " + (v == null ? "(development build)" : v)};
        }
    }
}
