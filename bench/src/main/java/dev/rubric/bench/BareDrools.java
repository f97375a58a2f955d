package dev.rubric.bench;

import dev.rubric.api.Period;
import dev.rubric.api.ScoreSheet;
import dev.rubric.api.Subject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The baseline without this library: the same DRL files compiled with {@link KieServices} and run on a
 * plain {@link KieSession} whose {@code score} global only sums points. No rule index, no attribution,
 * no evidence, no caps or clamps, no grading phase: what a user would write in an afternoon.
 */
public final class BareDrools {

    private static final AtomicLong BUILDS = new AtomicLong();

    private final KieBase kieBase;

    private BareDrools(KieBase kieBase) {
        this.kieBase = kieBase;
    }

    /**
     * Compiles every {@code .drl} file of a rubric.
     *
     * @param drl rule file name to DRL text; never null
     */
    public static BareDrools compile(Map<String, String> drl) {
        return compile(drl, false);
    }

    /**
     * Compiles every {@code .drl} file of a rubric with Drools' classic compiler, or with its executable model (the
     * compiler the library uses, without the library's verification and budget calls).
     *
     * @param drl             rule file name to DRL text; never null
     * @param executableModel whether to build the executable model
     */
    public static BareDrools compile(Map<String, String> drl, boolean executableModel) {
        KieServices ks = KieServices.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId id = ks.newReleaseId("dev.rubric.bench", "bare", "1.0." + BUILDS.incrementAndGet());
        kfs.generateAndWritePomXML(id);
        drl.forEach((name, text) -> kfs.write("src/main/resources/bare/" + name, text));
        KieBuilder builder = executableModel ? ks.newKieBuilder(kfs).buildAll(org.drools.model.codegen.ExecutableModelProject.class)
                : ks.newKieBuilder(kfs).buildAll();
        if (builder.getResults().hasMessages(Message.Level.ERROR)) {
            throw new IllegalStateException("the DRL does not compile on bare Drools: " + builder.getResults().getMessages());
        }
        KieBase base = ks.newKieContainer(id).getKieBase();
        ks.getRepository().removeKieModule(id);
        return new BareDrools(base);
    }

    /** Compiles the {@code .drl} files of a rubric folder on disk. */
    public static BareDrools compile(Path rubricFolder) {
        try (Stream<Path> files = Files.list(rubricFolder)) {
            Map<String, String> drl = files.filter(p -> p.toString().endsWith(".drl")).sorted()
                    .collect(Collectors.toMap(p -> p.getFileName().toString(), BareDrools::read, (a, b) -> a, java.util.LinkedHashMap::new));
            return compile(drl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fires the rules on one subject's facts and returns the sum of the points they moved. */
    public BigDecimal evaluate(Subject subject) {
        KieSession session = kieBase.newKieSession();
        try {
            SummingSheet sheet = new SummingSheet();
            session.setGlobal("score", sheet);
            session.insert(Period.unbounded()); // as the library does (contract §8): rules that count within the period need it
            for (Object fact : subject.facts()) {
                session.insert(fact);
            }
            session.fireAllRules();
            return sheet.total;
        } finally {
            session.dispose();
        }
    }

    /** A score sheet that keeps a running sum and nothing else. */
    static final class SummingSheet implements ScoreSheet {
        BigDecimal total = BigDecimal.ZERO;
        int vetoes;
        int limits;

        @Override
        public void deduct(Number points, String reason, Object... evidence) {
            total = total.subtract(decimal(points));
        }

        @Override
        public void add(Number points, String reason, Object... evidence) {
            total = total.add(decimal(points));
        }

        @Override
        public void veto(String reason, Object... evidence) {
            vetoes++;
        }

        @Override
        public void limitGrade(String grade, String reason, Object... evidence) {
            limits++;
        }

        private static BigDecimal decimal(Number n) {
            return n instanceof BigDecimal d ? d : n instanceof Integer || n instanceof Long ? BigDecimal.valueOf(n.longValue())
                    : new BigDecimal(n.toString());
        }
    }
}
