package co.ori.mobility.incoming;

import static org.assertj.core.api.Assertions.assertThat;

import co.ori.mobility.StayDuration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The date arithmetic of {@link StudentIncoming} at its boundaries: stay types (002 art. 6,
 * procedures.md §1.2), academic periods (002 art. 14.1), the UFPS document deadline (004 art. 44,
 * T40) and the semester report cycle (T33); and the rule catalogue covers every id the decision
 * tables can return.
 */
class StudentIncomingTermsTest {

  @Test
  void stayTypesAtTheirBoundaries() {
    LocalDate start = LocalDate.of(2027, 3, 1);
    assertThat(StudentIncoming.stayType(StayDuration.of(start, LocalDate.of(2027, 5, 31)))).isEqualTo("CORTA");
    assertThat(StudentIncoming.stayType(StayDuration.of(start, LocalDate.of(2027, 6, 1)))).isEqualTo("MEDIA");
    assertThat(StudentIncoming.stayType(StayDuration.of(start, LocalDate.of(2027, 8, 30)))).isEqualTo("MEDIA");
    assertThat(StudentIncoming.stayType(StayDuration.of(start, LocalDate.of(2027, 8, 31)))).isEqualTo("LARGA");
  }

  @Test
  void academicPeriodsTouchedByAStay() {
    assertThat(StudentIncoming.academicPeriods(LocalDate.of(2027, 2, 1), LocalDate.of(2027, 6, 30))).isEqualTo(1);
    assertThat(StudentIncoming.academicPeriods(LocalDate.of(2027, 2, 1), LocalDate.of(2027, 7, 1))).isEqualTo(2);
    assertThat(StudentIncoming.academicPeriods(LocalDate.of(2027, 2, 1), LocalDate.of(2028, 1, 10))).isEqualTo(3);
  }

  @Test
  void ufpsDocumentDeadlineIsTheEndOfNovemberOrMay() {
    assertThat(StudentIncoming.documentsDeadline("2027-1")).isEqualTo(LocalDate.of(2026, 11, 30));
    assertThat(StudentIncoming.documentsDeadline("2027-2")).isEqualTo(LocalDate.of(2027, 5, 31));
  }

  @Test
  void semesterReportsAtEachPeriodEndOfTheStay() {
    assertThat(StudentIncoming.semesterReportCycle(LocalDate.of(2027, 2, 1), LocalDate.of(2027, 6, 30)))
        .isEqualTo("R1/2027-06-30T00:00-05:00/P6M");
    assertThat(StudentIncoming.semesterReportCycle(LocalDate.of(2027, 2, 1), LocalDate.of(2027, 12, 31)))
        .isEqualTo("R2/2027-06-30T23:59-05:00/P6M");
    assertThat(StudentIncoming.semesterReportCycle(LocalDate.of(2027, 8, 1), LocalDate.of(2027, 9, 15)))
        .isEqualTo("R1/2027-09-15T00:00-05:00/P6M");
  }

  @Test
  void everyRuleHasASpanishReasonAndItsArticle() {
    for (String id : List.of("CES-SI-01", "CES-SI-09", "UN-SI-03", "UN-SI-06", "UF-SI-03", "UF-SI-09")) {
      String text = StudentIncomingRuleCatalogue.describe(id, name -> null);
      assertThat(text).startsWith(id + ": ").contains("Fuente: ");
    }
    assertThat(StudentIncomingRuleCatalogue.describe("UF-SI-07", n -> n.equals("receivedDateLabel") ? "01/12/2026"
        : "30/11/2026")).contains("se recibió el 01/12/2026").contains("Resolución 206 de 2020 de la UFPS, art. 44");
  }
}
