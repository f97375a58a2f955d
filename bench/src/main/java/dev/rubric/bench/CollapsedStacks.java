package dev.rubric.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where the time of one evaluator goes, from async-profiler's collapsed stacks of a {@link ProfileLoop} run: each
 * sample of the measured thread is put to the code it was in, by the innermost frame that belongs to one of the parts
 * below (the library, the fact model, the rubric's compiled code, Drools, ...), and each part's share is given in
 * microseconds of one department when the department's time is given.
 *
 * <p>Run: {@code java -agentpath:libasyncProfiler.so=start,event=cpu,interval=1ms,file=lib.collapsed,collapsed -cp
 * bench/target/benchmarks.jar dev.rubric.bench.ProfileLoop library synthetic200 20}, then {@code java -cp
 * bench/target/benchmarks.jar dev.rubric.bench.CollapsedStacks lib.collapsed [µs per department] [frames]}.
 */
public final class CollapsedStacks {

    /** The parts, by the prefix of their frames; the first that matches a frame names its part. */
    private static final Map<String, String> PARTS = new LinkedHashMap<>();

    static {
        PARTS.put("dev/rubric/engine/", "library (engine)");
        PARTS.put("dev/rubric/api/", "library (api)");
        PARTS.put("dev/rubric/model/", "fact model");
        PARTS.put("rubrics/", "rubric's compiled code");
        PARTS.put("dev/rubric/bench/", "bench");
        PARTS.put("org/drools/", "Drools");
        PARTS.put("org/kie/", "Drools");
    }

    /** The frame every sample of the measured thread has below it. */
    private static final String MEASURED = "ProfileLoop.lambda$main$";

    private CollapsedStacks() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        double perDepartment = args.length > 1 ? Double.parseDouble(args[1]) : 0;
        int frames = args.length > 2 ? Integer.parseInt(args[2]) : 25;
        long all = 0;
        Map<String, Long> byPart = new HashMap<>();
        Map<String, Long> byFrame = new HashMap<>();
        Map<String, Long> total = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            int space = line.lastIndexOf(' ');
            if (space < 0 || !line.contains(MEASURED)) {
                continue;
            }
            long n = Long.parseLong(line.substring(space + 1));
            List<String> stack = List.of(line.substring(0, space).split(";"));
            int from = 0;
            for (int i = 0; i < stack.size(); i++) {
                if (stack.get(i).contains(MEASURED)) {
                    from = i + 1;
                }
            }
            all += n;
            String part = "other (JDK, JVM)";
            String frame = stack.get(stack.size() - 1);
            for (int i = stack.size() - 1; i >= from; i--) {
                String p = partOf(stack.get(i));
                if (p != null) {
                    part = p;
                    frame = stack.get(i);
                    break;
                }
            }
            byPart.merge(part, n, Long::sum);
            byFrame.merge(part + "\t" + frame, n, Long::sum);
            Set<String> seen = new HashSet<>(stack.subList(from, stack.size()));
            for (String f : seen) {
                total.merge(f, n, Long::sum);
            }
        }
        System.out.printf(Locale.ROOT, "%d samples of the measured thread%n-- by part (innermost frame of a part)%n", all);
        print(byPart, all, perDepartment, Integer.MAX_VALUE);
        System.out.println("-- by frame (innermost frame of a part)");
        print(byFrame, all, perDepartment, frames);
        System.out.println("-- the library's frames, wherever they are on the stack");
        Map<String, Long> library = new HashMap<>();
        total.forEach((f, n) -> {
            if (f.startsWith("dev/rubric/engine/") || f.startsWith("dev/rubric/api/")) {
                library.put(f, n);
            }
        });
        print(library, all, perDepartment, frames);
    }

    private static String partOf(String frame) {
        for (Map.Entry<String, String> p : PARTS.entrySet()) {
            if (frame.startsWith(p.getKey())) {
                return p.getValue();
            }
        }
        return null;
    }

    private static void print(Map<String, Long> counts, long all, double perDepartment, int limit) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit).forEach(e -> {
            double share = 100.0 * e.getValue() / all;
            String name = e.getKey().replace('\t', ' ');
            if (perDepartment > 0) {
                System.out.printf(Locale.ROOT, "%5.1f%% %7.1f µs  %s%n", share, perDepartment * share / 100, name);
            } else {
                System.out.printf(Locale.ROOT, "%5.1f%%  %s%n", share, name);
            }
        });
    }
}
