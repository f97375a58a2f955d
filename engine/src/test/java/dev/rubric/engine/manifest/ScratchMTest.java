package dev.rubric.engine.manifest;
import org.junit.jupiter.api.Test;
import java.nio.charset.StandardCharsets;
class ScratchMTest {
  void show(String name, String yaml) {
    System.out.println("=== " + name);
    ManifestReader.Result r = ManifestReader.read(yaml.getBytes(StandardCharsets.UTF_8));
    r.problems().forEach(p -> System.out.println("  " + p));
    if (r.manifest() != null) System.out.println("  OK " + r.manifest());
  }
  @Test void explore() {
    show("unknown", "id: t\nverison: \"1\"\ncategories:\n  - id: a\n    max: 10\n");
    show("catnomax", "id: t\ncategories:\n  - id: a\n    name: A\n  - id: b\n    max: 5\n");
    show("shadowed", "id: t\ncategories:\n  - id: a\n    max: 100\ngrades:\n  - { id: A, min: 60 }\n  - { id: B, min: 80 }\n  - { id: C }\n");
    show("outside", "id: t\ncategories:\n  - id: a\n    max: 100\ngrades:\n  - { id: A, min: 120 }\n  - { id: C }\n");
    show("effect", "id: t\ncategories:\n  - id: a\n    max: 100\nveto:\n  effect: cap:Z\ngrades:\n  - { id: A, min: 60 }\n  - { id: C }\n");
    show("quota", "id: t\ncategories:\n  - id: a\n    max: 100\ngrades:\n  - { id: A, min: 60, quota: 1.5 }\n  - { id: C }\n");
    show("version", "id: t\nversion: 2026.1\ncategories:\n  - id: a\n    max: 100\n");
    show("dup", "id: t\ncategories:\n  - id: a\n    max: 100\n    max: 50\nid: u\n");
    show("invalid", "id: t\ncategories:\n  - id: a\n   max: 100\n");
    show("invalid2", "id: t\ncategories: [\n");
    show("all", "id: t\nverison: \"1\"\ncategories:\n  - id: a\n    max: 100\ngrades:\n  - { id: A, min: 60, quota: 2 }\n  - { id: B, min: 70 }\n  - { id: C }\n");
  }
}
