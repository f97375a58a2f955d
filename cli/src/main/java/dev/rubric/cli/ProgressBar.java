package dev.rubric.cli;

import dev.rubric.api.Progress;

import java.io.PrintWriter;

/**
 * A progress bar on the terminal's error stream, redrawn in place, for a cohort or a batch people wait for; it
 * erases itself when the work is done, so what is left on the screen is the command's output.
 *
 * <p>Only a terminal gets one ({@link #forTerminal}): piped or redirected, the command stays silent.
 */
final class ProgressBar implements Progress {

    private static final int WIDTH = 30;
    /** Redraw at most this often: a terminal is slow, and a batch reports after every line. */
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final String unit;
    private long lastDraw;
    private int lastLength;

    ProgressBar(PrintWriter err, String unit) {
        this.err = err;
        this.unit = unit;
    }

    /**
     * A bar when the command runs on a terminal and was not asked to be quiet; otherwise progress nobody hears.
     *
     * @param unit what is counted, such as "subjects"; shown after the numbers, or null to show a percentage only
     */
    static Progress forTerminal(PrintWriter err, boolean quiet, String unit) {
        return quiet || System.console() == null ? Progress.NONE : new ProgressBar(err, unit);
    }

    @Override
    public void update(long done, long total) {
        boolean finished = total >= 0 && done >= total;
        long now = System.nanoTime();
        if (!finished && now - lastDraw < REDRAW_NANOS && lastDraw != 0) {
            return;
        }
        lastDraw = now;
        if (finished) {
            erase();
            return;
        }
        String line = line(done, total);
        err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        err.flush();
        lastLength = line.length();
    }

    /** The bar as drawn: {@code [#########.....]  30% 63/210 subjects}, or without a total, the count alone. */
    String line(long done, long total) {
        if (total <= 0) {
            return done + (unit == null ? "" : " " + unit) + " …";
        }
        int filled = (int) (WIDTH * done / total);
        long percent = 100 * done / total;
        return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + String.format("%3d%%", percent)
                + (unit == null ? "" : " " + done + "/" + total + " " + unit);
    }

    private void erase() {
        if (lastLength > 0) {
            err.print("\r" + " ".repeat(lastLength) + "\r");
            err.flush();
            lastLength = 0;
        }
    }
}
