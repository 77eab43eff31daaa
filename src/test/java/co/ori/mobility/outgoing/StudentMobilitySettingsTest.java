package co.ori.mobility.outgoing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code ori.student-mobility}: tenant overrides, then defaults, then built-in values; bad values refused. */
class StudentMobilitySettingsTest {

  @Test
  void aTenantOverrideWinsOverTheDefaultsWhichWinOverTheBuiltInValues() {
    StudentMobilitySettings settings = new StudentMobilitySettings(120, null, null, null, null, null, null,
        Map.of("ufps", new StudentMobilitySettings.Terms(null, 3.5, null, null, null, 10, false)));
    StudentMobilitySettings.Terms ufps = settings.forTenant("ufps");
    assertThat(ufps.minPassingGrade()).isEqualTo(3.5);
    assertThat(ufps.docsFirstWeekDays()).isEqualTo(10);
    assertThat(ufps.sanctionsUpToApplication()).isFalse();
    assertThat(ufps.exchangeLeadDays()).isEqualTo(120);
    StudentMobilitySettings.Terms cesmag = settings.forTenant("cesmag");
    assertThat(cesmag.exchangeLeadDays()).isEqualTo(120);
    assertThat(cesmag.minPassingGrade()).isEqualTo(3.0);
    assertThat(cesmag.returnReportBusinessDays()).isEqualTo(15);
    assertThat(cesmag.sanctionsUpToApplication()).isTrue();
  }

  @Test
  void badValuesStopTheApplicationNamingTheProperty() {
    assertThatThrownBy(() -> new StudentMobilitySettings(-1, null, null, null, null, null, null, null))
        .hasMessageContaining("ori.student-mobility.exchange-lead-days");
    assertThatThrownBy(() -> new StudentMobilitySettings(null, null, null, null, null, null, null,
        Map.of("unal", new StudentMobilitySettings.Terms(null, 5.0, null, null, null, null, null))))
        .hasMessageContaining("ori.student-mobility.tenants.unal.min-passing-grade");
    assertThatThrownBy(() -> new StudentMobilitySettings(null, null, null, null, null, 0, null, null))
        .hasMessageContaining("docs-first-week-days");
  }
}
