package dev.rubric.cli;

import dev.rubric.api.LoadOptions;
import dev.rubric.api.Problem;
import dev.rubric.api.RubricException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The {@code ./rubric} command (contract §7). Exit codes: 0 success, 1 a rubric or facts error
 * (message on stderr, nothing on stdout), 2 a usage error.
 */
@Command(name = "rubric", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Scores organisations against rubrics written as Drools rules, and explains every point.",
        subcommands = {EvaluateCommand.class, CheckCommand.class, TestCommand.class, DiffCommand.class, WhyCommand.class, WhatIfCommand.class})
public final class Main implements Runnable {

    /** Exit code for a rubric or facts error. */
    static final int PROBLEM = 1;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean debug;

    @Option(names = "--trusted", scope = CommandLine.ScopeType.INHERIT, description = {
            "Load rubrics as trusted code. Without it, a rubric's code may use only the fact model, its declared types,",
            "the score sheet and a few harmless types (String, Math, BigDecimal, java.time, collections)."})
    boolean trusted;

    /** How the command's rubrics are loaded: restricted unless {@code --trusted} was given. */
    LoadOptions loadOptions() {
        return trusted ? LoadOptions.unrestricted() : LoadOptions.restricted();
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
