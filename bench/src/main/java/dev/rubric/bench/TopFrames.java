package dev.rubric.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where the time goes in a JFR recording: the methods most often on top of the sampled stacks (self time), and the
 * methods most often anywhere on them (total time), as shares of all execution samples.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar dev.rubric.bench.TopFrames lib.jfr [rows] [filter]}; a filter
 * keeps only the total-time rows whose method names contain it (such as {@code dev.rubric}).
 */
public final class TopFrames {

    private TopFrames() {
    }

    public static void main(String[] args) throws IOException {
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        String filter = args.length > 2 ? args[2] : null;
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        int samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace stack = e.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            String thread = e.getThread("sampledThread") == null ? "" : e.getThread("sampledThread").getJavaName();
            if (thread == null || !thread.equals("measured")) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = stack.getFrames();
            self.merge(name(frames.get(0)), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame f : frames) {
                String n = name(f);
                if (seen.add(n)) {
                    total.merge(n, 1, Integer::sum);
                }
            }
        }
        System.out.println(samples + " samples of the measured thread");
        print("self", self, samples, rows, null);
        print("total", total, samples, rows, filter);
    }

    private static String name(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + f.getMethod().getName() + " (" + type.substring(0, Math.max(0, type.lastIndexOf('.'))) + ")";
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int rows, String filter) {
        System.out.println("-- " + title);
        counts.entrySet().stream().filter(e -> filter == null || e.getKey().contains(filter))
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(rows)
                .forEach(e -> System.out.println(String.format(Locale.ROOT, "%5.1f%%  %s", 100.0 * e.getValue() / samples, e.getKey())));
    }
}
