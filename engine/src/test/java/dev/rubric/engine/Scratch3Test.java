package dev.rubric.engine;
import dev.rubric.api.*;
import dev.rubric.engine.json.ResultJson;
import org.junit.jupiter.api.Test;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.*;
class Scratch3Test {
  Rubric r = Rubrics.load("classpath:rubrics/hygiene");
  void facts(String name, String json) {
    System.out.println("=== " + name);
    try {
      List<Subject> s = r.readFacts(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "facts.json");
      System.out.println("  OK " + s);
    } catch (RubricException e) { System.out.println(e.getMessage()); }
  }
  @Test void explore() {
    facts("unknowntype", "[{\"id\":\"K1\",\"facts\":[{\"type\":\"Award\",\"id\":\"a\",\"level\":1},{\"type\":\"Findng\",\"id\":\"f\"}]}]");
    facts("unknownprop", "[{\"id\":\"K1\",\"facts\":[{\"type\":\"Award\",\"id\":\"a\",\"level\":1},{\"type\":\"Finding\",\"id\":\"f\",\"aera\":\"x\"}]}]");
    facts("wrongtype", "[{\"id\":\"K1\",\"facts\":[{\"type\":\"Award\",\"id\":\"a\",\"level\":\"high\"}]}]");
    facts("wrongtype2", "[{\"id\":\"K1\",\"facts\":[{\"type\":\"Award\",\"id\":\"a\",\"level\":1.5}]}]");
    facts("baddate", "[{\"id\":\"K1\",\"facts\":[{\"type\":\"TargetTask\",\"id\":\"T\",\"title\":\"x\",\"deadline\":\"2026-02-30\",\"status\":\"IN_PROGRESS\"}]}]");
    facts("model-unknownprop", "[{\"id\":\"K1\",\"facts\":[{\"type\":\"TargetTask\",\"id\":\"T\",\"title\":\"x\",\"deadlin\":\"2026-02-10\",\"status\":\"IN_PROGRESS\"}]}]");
    facts("dupids", "[{\"id\":\"K1\",\"facts\":[]},{\"id\":\"K1\",\"facts\":[]}]");
    facts("malformed", "[{\"id\":\"K1\",\n \"facts\": [}]");
    facts("empty", "[]");
    facts("fqcn", "{\"id\":\"K1\",\"facts\":[{\"type\":\"dev.rubric.model.TargetTask\",\"id\":\"T\",\"title\":\"x\",\"deadline\":\"2026-02-10\",\"status\":\"IN_PROGRESS\"}]}");
    facts("decimal", "{\"id\":\"K1\",\"facts\":[{\"type\":\"Finding\",\"id\":\"f\",\"area\":\"hygiene\",\"points\":0.1}]}");
    List<Subject> s = r.readFacts(new ByteArrayInputStream("{\"id\":\"K1\",\"name\":\"Kitchen\",\"facts\":[{\"type\":\"Finding\",\"id\":\"f1\",\"area\":\"hygiene\",\"points\":7.5},{\"type\":\"Finding\",\"id\":\"f2\",\"area\":\"hygiene\",\"points\":7.5},{\"type\":\"Award\",\"id\":\"a\",\"level\":1},{\"type\":\"Incident\",\"id\":\"i\"}]}".getBytes()), "x");
    Evaluation e = r.evaluate(s.get(0));
    System.out.println(ResultJson.toJson(r.info(), e));
  }
}
