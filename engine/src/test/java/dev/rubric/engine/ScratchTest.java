package dev.rubric.engine;

import dev.rubric.api.*;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;
import java.util.*;

class ScratchTest {
    @TempDir Path tmp;

    static final String M = """
        id: t
        categories:
          - id: hygiene
            max: 25
        grades:
          - { id: A, min: 20 }
          - { id: B }
        """;
    static final String HEAD = """
        package t;
        import dev.rubric.api.CategoryScore;
        global dev.rubric.api.ScoreSheet score;
        declare Inspection
          id : String
          hygiene : int
          structural : int
        end
        """;

    void tryLoad(String name, String manifest, String drl) {
        System.out.println("==== " + name);
        try {
            Rubric r = RubricFolder.at(tmp.resolve(name)).manifest(manifest).file("r.drl", drl).load();
            System.out.println("loaded " + r);
        } catch (RubricException e) {
            System.out.println(e.getMessage());
        }
    }

    @Test
    void explore() {
        tryLoad("syntax", M, HEAD + "rule \"X\" @id(\"X\") @category(\"hygiene\")\nwhen\n  $i : Inspection( hygiene > )\nthen\n score.deduct(1, \"x\");\nend\n");
        tryLoad("unknownclass", M, HEAD + "rule \"X\" @id(\"X\") @category(\"hygiene\")\nwhen\n  $i : Inspectoin( hygiene > 0 )\nthen\n score.deduct(1, \"x\");\nend\n");
        tryLoad("unknownprop", M, HEAD + "rule \"X\" @id(\"X\") @category(\"hygiene\")\nwhen\n  $i : Inspection( hygeine > 0 )\nthen\n score.deduct(1, \"x\");\nend\n");
        tryLoad("nocat", M, HEAD + "rule \"X\" @id(\"X\")\nwhen\n  $i : Inspection( hygiene > 0 )\nthen\n score.deduct(1, \"x\");\nend\n");
        tryLoad("unknowncat", M, HEAD + "rule \"X\" @id(\"X\") @category(\"hygeine\")\nwhen\n  $i : Inspection( hygiene > 0 )\nthen\n score.deduct(1, \"x\");\nend\n");
        tryLoad("dupid", M, HEAD + "rule \"X\" @id(\"X\") @category(\"hygiene\")\nwhen\n  $i : Inspection( hygiene > 0 )\nthen\n score.deduct(1, \"x\");\nend\nrule \"Y\" @id(\"X\") @category(\"hygiene\")\nwhen\n  $i : Inspection( hygiene > 0 )\nthen\n score.deduct(1, \"x\");\nend\n");
        tryLoad("maxnan", M, HEAD + "rule \"X\" @id(\"X\") @category(\"hygiene\") @max(\"two\")\nwhen\n  $i : Inspection( hygiene > 0 )\nthen\n score.deduct(1, \"x\");\nend\n");
        tryLoad("grading", M, HEAD + "rule \"X\" @id(\"X\") @category(\"hygiene\")\n agenda-group \"grading\"\nwhen\n  CategoryScore( score < 5 )\nthen\n score.deduct(1, \"x\");\nend\n");
        tryLoad("limit", M, HEAD + "rule \"X\" @id(\"X\")\n agenda-group \"grading\"\nwhen\n  CategoryScore( score < 5 )\nthen\n score.limitGrade(\"C\", \"x\");\nend\n");
    }
}
