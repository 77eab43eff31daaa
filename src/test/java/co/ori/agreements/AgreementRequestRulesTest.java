package co.ori.agreements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.ori.support.InvalidVariableException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.Test;

/** The start rules of agreement-formalization (procedures.md §2.a.1), without an engine. */
class AgreementRequestRulesTest {

  private final AgreementRequestRules rules = new AgreementRequestRules();

  static Map<String, Object> marco() {
    Map<String, Object> v = new HashMap<>();
    v.put("requestingUnitId", "Facultad de Ingeniería");
    v.put("requestingUnitType", "FACULTY");
    v.put("instrumentType", "CONVENIO_MARCO");
    v.put("scope", "NACIONAL");
    v.put("partnerName", "Universidad del Atlántico");
    v.put("partnerCountry", "Colombia");
    v.put("partnerCity", "Barranquilla");
    v.put("partnerType", "IES");
    v.put("partnerContactName", "María Ríos");
    v.put("partnerContactEmail", "relaciones@uatlantico.edu.co");
    v.put("needDescription", "Cooperación académica y movilidad.");
    return v;
  }

  static Map<String, Object> especifico() {
    Map<String, Object> v = marco();
    v.put("instrumentType", "CONVENIO_ESPECIFICO");
    v.put("specificPurpose", "INVESTIGACION");
    v.put("proposedContent", Spin.JSON(Map.of("project", "Red de sensores", "objective", "Medir la calidad del aire",
        "activities", List.of("Instalación", "Análisis"), "executionTime", "2 años", "visitsSchedule", "Semestral",
        "responsibles", List.of("Grupo GIA"), "expectedResults", "Un artículo")));
    return v;
  }

  private InvalidVariableException refused(Map<String, Object> v) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> rules.validate(v));
    assertThat(thrown).isInstanceOf(InvalidVariableException.class);
    return (InvalidVariableException) thrown;
  }

  @Test
  void aCompleteMarcoRequestIsAcceptedAndNormalized() {
    Map<String, Object> v = marco();
    v.put("partnerName", "  Universidad del Atlántico ");
    v.put("proposedValidityMonths", 24L);
    rules.validate(v);
    assertThat(v.get("partnerName")).isEqualTo("Universidad del Atlántico");
    assertThat(v.get("proposedValidityMonths")).isEqualTo(24);
    assertThat(v).doesNotContainKey("proposedContent");
    assertThat(rules.processKey()).isEqualTo("agreement-formalization");
  }

  @Test
  void everyRequiredVariableIsNamedWhenMissing() {
    for (String name : List.of("requestingUnitId", "requestingUnitType", "instrumentType", "scope", "partnerName",
        "partnerCountry", "partnerCity", "partnerType", "partnerContactName", "partnerContactEmail",
        "needDescription")) {
      Map<String, Object> v = marco();
      v.remove(name);
      assertThat(refused(v).getVariable()).as(name).isEqualTo(name);
      v.put(name, "   ");
      assertThat(refused(v).getVariable()).as(name + " blank").isEqualTo(name);
    }
  }

  @Test
  void unknownEnumValuesAreRefusedListingTheAllowedOnes() {
    Map<String, Object> v = marco();
    v.put("instrumentType", "CONVENIO_RARO");
    assertThat(refused(v)).hasMessageContaining("instrumentType")
        .hasMessageContaining("CONVENIO_MARCO, CONVENIO_ESPECIFICO, ALIANZA");
    v = marco();
    v.put("partnerType", "ONG");
    assertThat(refused(v)).hasMessageContaining("IES, PUBLICA, PRIVADA, MIXTA, RED");
    v = marco();
    v.put("requestingUnitType", "faculty");
    assertThat(refused(v).getVariable()).isEqualTo("requestingUnitType");
    v = marco();
    v.put("scope", "REGIONAL");
    assertThat(refused(v).getVariable()).isEqualTo("scope");
  }

  @Test
  void wrongTypesAndFormatsAreRefused() {
    Map<String, Object> v = marco();
    v.put("proposedValidityMonths", "abc");
    assertThat(refused(v)).hasMessageContaining("proposedValidityMonths").hasMessageContaining("Integer");
    v = marco();
    v.put("proposedValidityMonths", 121);
    assertThat(refused(v).getVariable()).isEqualTo("proposedValidityMonths");
    v = marco();
    v.put("proposedValidityMonths", 1.5d);
    assertThat(refused(v).getVariable()).isEqualTo("proposedValidityMonths");
    v = marco();
    v.put("partnerContactEmail", "relaciones(at)aliada.edu.co");
    assertThat(refused(v).getVariable()).isEqualTo("partnerContactEmail");
    v = marco();
    v.put("partnerName", 42);
    assertThat(refused(v)).hasMessageContaining("partnerName").hasMessageContaining("String");
    v = marco();
    v.put("partnerName", "x".repeat(301));
    assertThat(refused(v)).hasMessageContaining("300");
  }

  @Test
  void scopeMustMatchThePartnerCountryExceptForNetworks() {
    Map<String, Object> v = marco();
    v.put("partnerCountry", "México");
    assertThat(refused(v).getVariable()).isEqualTo("scope");
    v.put("scope", "INTERNACIONAL");
    rules.validate(v);
    v = marco();
    v.put("scope", "INTERNACIONAL");
    assertThat(refused(v).getVariable()).isEqualTo("scope");
    v.put("partnerType", "RED");
    rules.validate(v);
  }

  @Test
  void anEspecificoNeedsPurposeAndContent() {
    rules.validate(especifico());

    Map<String, Object> v = especifico();
    v.remove("specificPurpose");
    assertThat(refused(v).getVariable()).isEqualTo("specificPurpose");
    v = especifico();
    v.put("specificPurpose", "OTRO");
    assertThat(refused(v).getVariable()).isEqualTo("specificPurposeText");
    v.put("specificPurposeText", "Prácticas empresariales");
    rules.validate(v);
    v = especifico();
    v.remove("proposedContent");
    assertThat(refused(v).getVariable()).isEqualTo("proposedContent");
    v = especifico();
    v.put("proposedContent", Spin.JSON("{\"project\":\"P\",\"objective\":\"O\",\"activities\":[],"
        + "\"executionTime\":\"1 año\",\"responsibles\":[\"R\"],\"expectedResults\":\"X\"}"));
    assertThat(refused(v)).hasMessageContaining("activities");
    v = especifico();
    v.put("proposedContent", "{not json");
    assertThat(refused(v).getVariable()).isEqualTo("proposedContent");
    v = especifico();
    v.put("parentAgreementId", "CNV 2024/1");
    assertThat(refused(v).getVariable()).isEqualTo("parentAgreementId");
  }

  @Test
  void especificoFieldsDoNotApplyToOtherInstruments() {
    Map<String, Object> v = marco();
    v.put("specificPurpose", "MOVILIDAD");
    assertThat(refused(v)).hasMessageContaining("specificPurpose").hasMessageContaining("CONVENIO_ESPECIFICO");
    v = marco();
    v.put("parentAgreementId", "CNV-2024-0001");
    assertThat(refused(v).getVariable()).isEqualTo("parentAgreementId");
  }

  @Test
  void theContentIsBuiltFromTheFlatFormFieldsNamingTheMissingOne() {
    Map<String, Object> v = especifico();
    v.remove("proposedContent");
    v.put("proposedProject", "Movilidad");
    v.put("proposedObjective", "Intercambio");
    v.put("proposedActivities", "Convocatoria\n\n* Selección");
    v.put("proposedExecutionTime", "3 años");
    v.put("proposedExpectedResults", "10 estudiantes");
    assertThat(refused(v).getVariable()).isEqualTo("proposedResponsibles");
    v.put("proposedResponsibles", "Decano");
    rules.validate(v);
    SpinJsonNode content = (SpinJsonNode) v.get("proposedContent");
    assertThat(content.prop("activities").elements()).extracting(SpinJsonNode::stringValue)
        .containsExactly("Convocatoria", "Selección");
    assertThat(content.prop("responsibles").elements()).extracting(SpinJsonNode::stringValue).containsExactly("Decano");
  }

  @Test
  void colombiaIsRecognizedInItsUsualSpellings() {
    assertThat(AgreementRequestRules.isColombia("colombia")).isTrue();
    assertThat(AgreementRequestRules.isColombia(" COLOMBIA ")).isTrue();
    assertThat(AgreementRequestRules.isColombia("CO")).isTrue();
    assertThat(AgreementRequestRules.isColombia("República de Colombia")).isTrue();
    assertThat(AgreementRequestRules.isColombia("Perú")).isFalse();
  }

  @Test
  void tenantTimerOverridesFallBackToDefaultsAndBuiltIns() {
    AgreementTimerSettings.Timers umc = new AgreementTimerSettings.Timers(null, null, null, null, 120, null, null, null);
    AgreementTimerSettings.Timers defaults = new AgreementTimerSettings.Timers("P45D", null, null, null, null, null, null, null);
    AgreementTimerSettings settings = new AgreementTimerSettings(defaults, Map.of("umc", umc));
    assertThat(settings.forTenant("umc").expiryAlertDays()).isEqualTo(120);
    assertThat(settings.forTenant("umc").partnerResponseWait()).isEqualTo("P45D");
    assertThat(settings.forTenant("umc").partnerReminders()).isEqualTo(2);
    assertThat(settings.forTenant("cesmag").expiryAlertDays()).isEqualTo(90);
    assertThatThrownBy(() -> new AgreementTimers(new AgreementTimerSettings(
        new AgreementTimerSettings.Timers("30 días", null, null, null, null, null, null, null), null),
        new co.ori.support.BusinessCalendar()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("partner-response-wait");
  }
}
