package org.example.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service over real HTTP on the loopback interface, as a client meets it: it scores posted facts, answers
 * problems with the library's messages, reports its health, and serves a changed rubric without ever mixing two
 * versions in one answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WARM_FRIDGE = """
            {"id": "C1", "name": "North canteen", "facts": [ {"type": "org.example.canteen.Fridge", "id": "F-1", "temperature": 7.5} ]}
            """;

    @TempDir
    static Path dir;
    Path rubric;
    ConfigurableApplicationContext service;
    URI base;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void startTheServiceOnALoopbackPortWithACopyOfTheRubric() throws IOException {
        rubric = dir.resolve("rubric");
        try (Stream<Path> files = Files.walk(Path.of("rubric"))) {
            for (Path p : files.toList()) {
                Files.copy(p, rubric.resolve(Path.of("rubric").relativize(p).toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        service = SpringApplication.run(ServiceApplication.class, "--server.address=127.0.0.1", "--server.port=0",
                "--rubric.folder=" + rubric, "--rubric.poll-interval=100");
        base = URI.create("http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    void stop() {
        service.close();
    }

    private HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve("/evaluate")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String digest() throws IOException, InterruptedException {
        return JSON.readTree(get("/rubric").body()).path("digest").asText();
    }

    @Test
    void postedFactsAreScoredAndExplainedAsTheLibrarysJson() throws Exception {
        HttpResponse<String> response = post(WARM_FRIDGE);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode result = JSON.readTree(response.body()).path("results").get(0);
        assertThat(result.path("subject").path("id").asText()).isEqualTo("C1");
        assertThat(result.path("items").get(0).path("rule").asText()).isEqualTo("S1");
        assertThat(result.path("items").get(0).path("reason").asText()).startsWith("fridge F-1 at 7.5 °C");
        assertThat(result.path("items").get(0).path("source").asText()).matches("storage\\.drl:\\d+");
    }

    @Test
    void anArrayIsScoredAsACohortWithRanks() throws Exception {
        HttpResponse<String> response = post("[" + WARM_FRIDGE + ", {\"id\": \"C2\", \"facts\": []}]");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode results = JSON.readTree(response.body()).path("results");
        assertThat(results.get(0).path("subject").path("id").asText()).isEqualTo("C2");
        assertThat(results.get(0).path("rank").asInt()).isEqualTo(1);
        assertThat(results.get(1).path("rank").asInt()).isEqualTo(2);
    }

    @Test
    void factsTheRubricCannotUseAreUnprocessableWithTheLibrarysMessageAndPointer() throws Exception {
        HttpResponse<String> response = post("""
                {"id": "C1", "facts": [ {"type": "org.example.canteen.Fridge", "id": "F-1", "temprature": 7.5} ]}
                """);

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode problem = JSON.readTree(response.body()).path("problems").get(0);
        assertThat(problem.path("pointer").asText()).isEqualTo("/facts/0/temprature");
        assertThat(problem.path("message").asText()).contains("unknown property [temprature] of [Fridge]", "did you mean [temperature]?");
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequest() throws Exception {
        HttpResponse<String> response = post("{\"id\": \"C1\", \"facts\": [");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("problems").get(0).path("message").asText()).startsWith("the facts are not valid JSON");
    }

    @Test
    void healthIsUpAndNamesTheRubricServed() throws Exception {
        HttpResponse<String> response = get("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = JSON.readTree(response.body());
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("rubric").path("details").path("id").asText()).isEqualTo("canteen-hygiene");
        assertThat(health.path("components").path("rubric").path("details").path("digest").asText()).isEqualTo(digest());
    }

    @Test
    void aRubricThatNoLongerLoadsIsNotServedAndHealthSaysWhy() throws Exception {
        String served = digest();
        Path file = rubric.resolve("sourcing.drl");
        String good = Files.readString(file);
        try {
            deploy(file, good.replace("@category(\"sourcing\")", "@category(\"sorcing\")"));
            JsonNode details = null;
            for (int i = 0; i < 200; i++) {
                details = JSON.readTree(get("/actuator/health").body()).path("components").path("rubric").path("details");
                if (details.has("reloadFailed")) {
                    break;
                }
                Thread.sleep(50);
            }
            assertThat(details.path("reloadFailed").asText()).contains("sourcing.drl:8:1", "@category(\"sorcing\")", "did you mean [sourcing]?");
            assertThat(digest()).isEqualTo(served);
            assertThat(post(WARM_FRIDGE).statusCode()).isEqualTo(200);
        } finally {
            deploy(file, good);
        }
    }

    @Test
    void aReloadUnderConcurrentRequestsNeverMixesTwoVersionsInOneAnswer() throws Exception {
        // given: each version of the rule deducts its own points, so an answer shows which version scored it
        Map<String, Integer> pointsByDigest = new ConcurrentHashMap<>();
        pointsByDigest.put(digest(), 10); // the rubric as shipped deducts 10
        String cohort = "[" + WARM_FRIDGE + "," + WARM_FRIDGE.replace("C1", "C2").replace("F-1", "F-2") + "]";
        AtomicBoolean deploying = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<Integer>> answered = new ArrayList<>();
        try {
            for (int c = 0; c < 4; c++) {
                answered.add(clients.submit(() -> {
                    int answers = 0;
                    for (int i = 0; i < 2_000 && (deploying.get() || answers < 20); i++) {
                        HttpResponse<String> response = post(cohort);
                        assertThat(response.statusCode()).isEqualTo(200);
                        JsonNode json = JSON.readTree(response.body());
                        String digest = json.path("rubric").path("digest").asText();
                        for (JsonNode result : json.path("results")) {
                            Integer points = pointsByDigest.get(digest);
                            assertThat(points).as("a version the test deployed: %s", digest).isNotNull();
                            assertThat(result.path("items").get(0).path("points").asInt()).as("points of %s", digest).isEqualTo(-points);
                        }
                        answers++;
                    }
                    return answers;
                }));
            }
            // when: the rule changes several times while the clients post
            for (int points = 11; points <= 15; points++) {
                int p = points;
                Path file = rubric.resolve("storage.drl");
                String text = Files.readString(file).replaceAll("score\\.deduct\\(\\d+,", "score.deduct(" + p + ",");
                pointsByDigest.put(digestOf(text), p);
                deploy(file, text);
                for (int i = 0; i < 200 && !digest().equals(digestOf(text)); i++) {
                    Thread.sleep(25);
                }
                assertThat(digest()).as("version deducting %d served", p).isEqualTo(digestOf(text));
            }
            deploying.set(false);
            // then: every answer came from one version, whole
            long total = 0;
            for (Future<Integer> f : answered) {
                total += f.get(2, TimeUnit.MINUTES);
            }
            assertThat(total).isGreaterThanOrEqualTo(80);
        } finally {
            deploying.set(false);
            clients.shutdownNow();
        }
    }

    /** Replaces a file of the rubric at once, as a deployment does: written beside it, then moved over it. */
    private static void deploy(Path file, String text) throws IOException {
        Path next = file.resolveSibling(file.getFileName() + ".next");
        Files.writeString(next, text);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The digest the library gives the rubric folder once storage.drl holds {@code storageText}: load a copy and ask it. */
    private String digestOf(String storageText) throws IOException {
        Path copy = Files.createTempDirectory(dir, "copy");
        try (Stream<Path> files = Files.list(rubric)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                Files.copy(p, copy.resolve(p.getFileName()));
            }
        }
        Files.writeString(copy.resolve("storage.drl"), storageText);
        return dev.rubric.api.Rubrics.load(copy, dev.rubric.api.LoadOptions.restricted().allowing("org.example.canteen")).info().digest();
    }
}
