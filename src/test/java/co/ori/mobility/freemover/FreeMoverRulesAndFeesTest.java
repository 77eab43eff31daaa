package co.ori.mobility.freemover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The UN-FM rules (DMN {@code processes/decisions/unal/free-mover-eligibility.dmn}, §3.2) at
 * their boundaries on the standalone DMN engine, the §7.4 fee formulas and the UNAL calendar of
 * {@link FreeMoverSettings}.
 */
class FreeMoverRulesAndFeesTest {

  static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  static final DmnDecision DECISION;

  static {
    try (var in = FreeMoverRulesAndFeesTest.class.getClassLoader()
        .getResourceAsStream("processes/decisions/unal/free-mover-eligibility.dmn")) {
      DECISION = DMN.parseDecision("free-mover-eligibility", in);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Object> failed(String fact, Object value, String direction, boolean foreign) {
    var vars = Variables.createVariables();
    for (String f : FreeMover.FACTS) {
      vars.putValue(f, null);
    }
    vars.putValue("direction", direction).putValue("extensionsRequested", 0).putValue("isForeign", foreign)
        .putValue("studentStatusCertified", true);
    if (fact.equals("outsideAgreementCertified")) {
      vars.putValue("outsideAgreementCertified", value);
    } else {
      vars.putValue("outsideAgreementCertified", true);
      vars.putValue(fact, value);
    }
    return DMN.evaluateDecisionTable(DECISION, vars).collectEntries("failedRule");
  }

  @ParameterizedTest(name = "{0}={1} ({2}, foreign {3}) -> {4}")
  @CsvSource({
      // UN-FM-07: one extension allowed, the second refused (003 Parte 3 §7)
      "extensionsRequested, 1, INCOMING, false, ''",
      "extensionsRequested, 2, INCOMING, false, UN-FM-07",
      "extensionsRequested, 2, OUTGOING, false, UN-FM-07",
      "studentStatusCertified, true, OUTGOING, false, ''",
      "studentStatusCertified, false, OUTGOING, false, UN-FM-01",
      "councilAval, true, OUTGOING, false, ''",
      "councilAval, false, OUTGOING, false, UN-FM-02",
      "councilAval, false, INCOMING, false, ''",
      "tuitionAndFigureOk, false, OUTGOING, false, UN-FM-03",
      "hostChargesPaid, false, OUTGOING, false, UN-FM-03",
      "outsideAgreementCertified, false, INCOMING, false, UN-FM-04",
      "outsideAgreementCertified, false, OUTGOING, false, ''",
      "agreementInForce, true, INCOMING, false, UN-FM-04",
      "agreementInForce, false, INCOMING, false, ''",
      "individualAgreementSigned, false, INCOMING, false, UN-FM-05",
      "individualAgreementSigned, true, INCOMING, false, ''",
      "feesPaid, false, INCOMING, false, UN-FM-06",
      "insurancePresented, false, INCOMING, false, UN-FM-06",
      "migrationRequirementsMet, false, INCOMING, true, UN-FM-08",
      "migrationRequirementsMet, false, INCOMING, false, ''"})
  void ruleAtItsBoundary(String fact, String value, String direction, boolean foreign, String expected) {
    Object typed = fact.equals("extensionsRequested") ? (Object) Integer.valueOf(value) : Boolean.valueOf(value);
    List<Object> result = failed(fact, typed, direction, foreign);
    assertThat(result).isEqualTo(expected.isEmpty() ? List.of() : List.of(expected));
  }

  @Test
  void unknownFactsDoNotFail() {
    var vars = Variables.createVariables();
    FreeMover.FACTS.forEach(f -> vars.putValue(f, null));
    vars.putValue("direction", "INCOMING").putValue("extensionsRequested", 0);
    assertThat(DMN.evaluateDecisionTable(DECISION, vars).collectEntries("failedRule")).isEmpty();
  }

  static FreeMoverSettings settings() {
    return new FreeMoverSettings("02-01", "06-30", "08-01", "12-15",
        Map.of("2027-2", new FreeMoverSettings.Period(LocalDate.of(2027, 8, 2), LocalDate.of(2027, 12, 11))),
        new FreeMoverSettings.Fees(new FreeMoverSettings.Undergraduate(100.0, 20.0, 3.0),
            new FreeMoverSettings.Postgraduate(400.0, 50.0, 6.0)), "P30D", 30, 60);
  }

  @Test
  void feesFollowTheUndergraduateAndPostgraduateFormulas() {
    FreeMoverFees fees = new FreeMoverFees(settings());
    FreeMoverFees.Liquidation pregrado = fees.liquidate("PROFESIONAL", 1000.0);
    assertThat(pregrado.postgraduate()).isFalse();
    assertThat(pregrado.total()).isEqualTo(100 + 20 + 3 + 1000.0);
    assertThat(pregrado.components()).containsOnlyKeys("Bienestar", "Sistematización", "Póliza de seguro estudiantil",
        "Derechos de matrícula (Consejo de Facultad)");
    FreeMoverFees.Liquidation posgrado = fees.liquidate("DOCTORADO", 2000.0);
    assertThat(posgrado.postgraduate()).isTrue();
    assertThat(posgrado.total()).isEqualTo(400 + 50 + 6 + 2000.0);
    assertThat(posgrado.text()).contains("Derechos administrativos: $ 400", "Total: $ 2.456");
    assertThat(fees.liquidate("ESPECIALIZACION", 0.0).total()).isEqualTo(456.0);
    assertThatThrownBy(() -> fees.liquidate("PROFESIONAL", -1.0)).hasMessageContaining("academicFeeValue");
    assertThatThrownBy(() -> fees.liquidate("BACHILLER", 1.0)).hasMessageContaining("programLevel");
  }

  @Test
  void periodsComeFromTheCalendarOrItsExactDates() {
    FreeMoverSettings s = settings();
    assertThat(s.period("2027-1").end()).isEqualTo(LocalDate.of(2027, 6, 30));
    assertThat(s.period("2027-2").end()).isEqualTo(LocalDate.of(2027, 12, 11));
    assertThat(s.period("2028-2").end()).isEqualTo(LocalDate.of(2028, 12, 15));
    assertThat(FreeMoverSettings.next("2027-2")).isEqualTo("2028-1");
    assertThat(FreeMoverSettings.next("2027-1")).isEqualTo("2027-2");
    assertThatThrownBy(() -> s.period("2027-3")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void stayTypesFollowTheThreeAndSixMonthBoundaries() {
    LocalDate start = LocalDate.of(2027, 2, 1);
    assertThat(FreeMover.stayType(start, LocalDate.of(2027, 4, 30))).isEqualTo("CORTA");
    assertThat(FreeMover.stayType(start, LocalDate.of(2027, 5, 1))).isEqualTo("MEDIA");
    assertThat(FreeMover.stayType(start, LocalDate.of(2027, 7, 30))).isEqualTo("MEDIA");
    assertThat(FreeMover.stayType(start, LocalDate.of(2027, 7, 31))).isEqualTo("LARGA");
  }
}
