package org.example.assessment;

import dev.rubric.api.Evaluation;
import dev.rubric.api.ItemKind;
import dev.rubric.api.ScoreItem;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AssessDepartmentTest {

    @Test
    void theLateTaskIsDeductedAndExplained() {
        Evaluation result = AssessDepartment.assess();

        ScoreItem late = result.items().stream()
                .filter(i -> i.kind() == ItemKind.DEDUCTION && i.evidence().stream().anyMatch(e -> "T-1".equals(e.id())))
                .findFirst().orElseThrow(() -> new AssertionError("no deduction cites task T-1: " + result.items()));
        assertTrue(late.reason().contains("年度工作要点落实"), late.reason());
        assertTrue(late.source().matches(".+\\.drl:\\d+"), late.source());
    }

    @Test
    void theResultIsWrittenAsJsonWithApiTypesAlone() {
        String json = AssessDepartment.json();

        assertTrue(json.contains("\"rubric\"") && json.contains("\"id\": \"D99\""), json);
    }

    @Test
    void everyPointIsExplained() {
        Evaluation result = AssessDepartment.assess();

        BigDecimal sum = result.items().stream().map(ScoreItem::points).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, result.base().add(sum).compareTo(result.total()), "base + items = total");
    }
}
