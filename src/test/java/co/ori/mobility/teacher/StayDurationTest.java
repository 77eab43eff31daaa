package co.ori.mobility.teacher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.ori.mobility.StayDuration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The "Stay computation" of {@code procedures.md} §1.2 (end date inclusive; exactly 3 months is
 * 3 months and 0 days, one more day is 3 months and 1 day) and the plain-language reasons of the
 * rule catalogue.
 */
class StayDurationTest {

  @ParameterizedTest(name = "{0} to {1} = {2} months + {3} days")
  @CsvSource({
      // one-day activity
      "2026-03-10, 2026-03-10, 0, 1",
      // exactly 3 months: 1 March to 31 May inclusive (CORTA by the stay-type table)
      "2026-03-01, 2026-05-31, 3, 0",
      // one day more: MEDIA
      "2026-03-01, 2026-06-01, 3, 1",
      // one day less than 6 months, then exactly 6 months (LARGA)
      "2026-03-01, 2026-08-30, 5, 30",
      "2026-03-01, 2026-08-31, 6, 0",
      // mid-month start: 15 January to 14 April is exactly 3 months
      "2026-01-15, 2026-04-14, 3, 0",
      // month-end start: 31 January + 3 months is 30 April (Java clamps to the month's last day)
      "2026-01-31, 2026-04-29, 3, 0",
      "2026-01-31, 2026-04-30, 3, 1",
      // leap year: 29 February 2028 + 6 months = 29 August 2028
      "2028-02-29, 2028-08-28, 6, 0",
      // multi-year training
      "2026-02-01, 2030-01-31, 48, 0"})
  void computesWholeMonthsAndExtraDays(LocalDate start, LocalDate end, int months, int days) {
    assertThat(StayDuration.of(start, end)).isEqualTo(new StayDuration(months, days));
  }

  @Test
  void anEndBeforeTheStartIsRefused() {
    assertThatThrownBy(() -> StayDuration.of(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyRuleHasAReasonAndArticleInSpanish() {
    Map<String, Object> facts = Map.of("mobilityClass", "MISION_ACADEMICA", "employmentType", "DHC",
        "stayType", "MEDIA", "scope", "NACIONAL", "modality", "HIBRIDA", "eventRole", "ASISTENTE");
    for (String id : TeacherOutgoingRuleCatalogue.RULES.keySet()) {
      assertThat(TeacherOutgoingRuleCatalogue.describe(id, facts::get))
          .startsWith(id + ": ").contains(" Fuente: Acuerdo 106 de 2023, art. ");
    }
    assertThat(TeacherOutgoingRuleCatalogue.describe("CES-TO-06", facts::get))
        .contains("«Misión académica» solo admite estancia corta (hasta 3 meses)")
        .contains("estancia media");
    assertThat(TeacherOutgoingRuleCatalogue.describeAll(List.of("CES-TO-06", "CES-TO-08"), facts::get))
        .startsWith("- CES-TO-06: ").contains("\n- CES-TO-08: ");
    assertThatThrownBy(() -> TeacherOutgoingRuleCatalogue.describe("CES-TO-99", facts::get))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CES-TO-99");
  }
}
