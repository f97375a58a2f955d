package dev.rubric.api;

import dev.rubric.model.ServiceCase;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EvidenceTest {

    private static final ServiceCase CASE = new ServiceCase("SC-7", "营业执照变更", LocalDate.of(2026, 3, 2), 5,
            LocalDate.of(2026, 3, 12), false, true);

    @Test
    void evidenceOfAModelFactShowsEveryComponentInDeclarationOrder() {
        Evidence e = Evidence.ofModelFact(CASE);

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("id", "SC-7");
        expected.put("matter", "营业执照变更");
        expected.put("received", LocalDate.of(2026, 3, 2));
        expected.put("promisedDays", 5);
        expected.put("finished", LocalDate.of(2026, 3, 12));
        expected.put("passedOn", false);
        expected.put("complaintVerified", true);
        assertThat(e.type()).isEqualTo("ServiceCase");
        assertThat(e.id()).isEqualTo("SC-7");
        assertThat(e.properties()).containsExactlyEntriesOf(expected);
        assertThat(e.properties().get("promisedDays")).isEqualTo(5);
        assertThat(e.properties().get("nothing")).isNull();
        assertThat(e.properties().containsKey("finished")).isTrue();
    }

    @Test
    void evidenceOfAModelFactEqualsTheSameEvidenceCopiedIntoArrays() {
        Evidence copied = Evidence.of("ServiceCase", "SC-7",
                new String[]{"id", "matter", "received", "promisedDays", "finished", "passedOn", "complaintVerified"},
                new Object[]{"SC-7", "营业执照变更", LocalDate.of(2026, 3, 2), 5, LocalDate.of(2026, 3, 12), false, true}, 7);

        assertThat(Evidence.ofModelFact(CASE)).isEqualTo(copied).hasSameHashCodeAs(copied);
    }

    @Test
    void evidenceOfAModelFactCannotBeChanged() {
        assertThatThrownBy(() -> Evidence.ofModelFact(CASE).properties().put("id", "SC-8"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    record Elsewhere(String id) {
    }

    @Test
    void onlyRecordsOfTheFactModelAreReadWhenAskedFor() {
        assertThatThrownBy(() -> Evidence.ofModelFact(new Elsewhere("x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dev.rubric.api.EvidenceTest$Elsewhere is not a record of the fact model (dev.rubric.model)");
    }
}
