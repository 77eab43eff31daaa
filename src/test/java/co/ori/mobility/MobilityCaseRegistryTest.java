package co.ori.mobility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The mobility case registry on the real (H2) database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MobilityCaseRegistryTest {

  @Autowired
  MobilityCaseRegistry registry;

  private static MobilityCase outgoing(String id, String person, String period, MobilityCase.Status status) {
    return new MobilityCase("unal", id, null, "student-outgoing-mobility", MobilityCase.Direction.OUTGOING,
        false, person, "Laura Gómez", "Ingeniería Civil", "PROFESIONAL", "CURSAR_ASIGNATURAS",
        "Universidad de Chile", "Chile", "INTERNACIONAL", "PRESENCIAL", "CNV-2026-0007", null, period,
        LocalDate.of(2027, 2, 1), LocalDate.of(2027, 6, 30), null, status, null, null);
  }

  @Test
  void savesUpdatesAndCountsApplicationsOfAPersonInAPeriod() {
    String person = "CC-" + System.nanoTime();
    registry.save(outgoing("MES-T-1-" + person, person, "2027-1", MobilityCase.Status.APPLIED));
    registry.save(outgoing("MES-T-2-" + person, person, "2027-1", MobilityCase.Status.APPLIED));
    registry.save(outgoing("MES-T-3-" + person, person, "2027-2", MobilityCase.Status.APPLIED));

    assertThat(registry.findByPerson("unal", person, "2027-1", MobilityCase.Direction.OUTGOING,
        EnumSet.allOf(MobilityCase.Status.class), "MES-T-1-" + person)).hasSize(1);
    assertThat(registry.findByPerson("unal", person, "2027-1", MobilityCase.Direction.OUTGOING,
        MobilityCase.Status.ACCEPTED_OR_LATER, null)).isEmpty();

    MobilityCase accepted = registry.updateStatus("unal", "MES-T-2-" + person, MobilityCase.Status.ACCEPTED);
    assertThat(accepted.status()).isEqualTo(MobilityCase.Status.ACCEPTED);
    assertThat(accepted.createdAt()).isNotNull();
    assertThat(registry.findByPerson("unal", person, "2027-1", MobilityCase.Direction.OUTGOING,
        MobilityCase.Status.ACCEPTED_OR_LATER, null)).extracting(MobilityCase::id)
        .containsExactly("MES-T-2-" + person);
    assertThat(registry.findByAgreement("unal", "CNV-2026-0007", "2027-2")).extracting(MobilityCase::id)
        .contains("MES-T-3-" + person).doesNotContain("MES-T-2-" + person);
    assertThat(registry.find("cesmag", "2027-1", null)).noneMatch(c -> c.personId().equals(person));
  }

  @Test
  void refusesAStatusChangeOfAnUnknownCase() {
    assertThatThrownBy(() -> registry.updateStatus("unal", "NO-EXISTE", MobilityCase.Status.ACCEPTED))
        .isInstanceOf(NoSuchElementException.class);
  }
}
