package co.ori.mobility.outgoing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.ori.support.InvalidVariableException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Start variables of {@code student-outgoing-mobility} (§2.c.1): a bad variable is refused naming
 * it (REST answers 400 with it, see the process test), well-formed values are normalized.
 */
class StudentOutgoingRequestRulesTest {

  final StudentOutgoingRequestRules rules = new StudentOutgoingRequestRules();

  @BeforeEach
  void fixClock() {
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(2027, 2, 1).atTime(LocalTime.NOON)
        .atZone(ZoneId.of("America/Bogota")).toInstant()));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static Map<String, Object> valid() {
    Map<String, Object> v = new HashMap<>();
    v.put("institution", "UFPS");
    v.put("studentId", "1151234");
    v.put("fullName", "Laura Pérez");
    v.put("documentType", "CC");
    v.put("documentNumber", "1090123456");
    v.put("birthDate", "2004-05-05");
    v.put("programName", "Ingeniería Civil");
    v.put("programLevel", "PROFESIONAL");
    v.put("programDurationSemesters", 10);
    v.put("highestSemesterFullyPassed", 5);
    v.put("creditsApprovedPct", "55,5");
    v.put("cumulativeGpa", 3.9);
    v.put("enrolmentStatus", "MATRICULADO");
    v.put("ufpsType", "SEM_ACADEMICO");
    v.put("hostInstitution", "Universidade de São Paulo");
    v.put("hostCountry", "Brasil");
    v.put("hostLanguage", "pt");
    v.put("scope", "INTERNACIONAL");
    v.put("modality", "PRESENCIAL");
    v.put("route", "UFPS_CALL");
    v.put("startDate", "2027-08-01");
    v.put("endDate", "2027-12-15");
    v.put("targetPeriod", "2027-2");
    v.put("proposedCourses", List.of(Map.of("hostName", "Cálculo", "hostPlan", "Engenharia", "prerequisitesMet", true)));
    return v;
  }

  @Test
  void aValidApplicationIsNormalized() {
    Map<String, Object> v = valid();
    rules.validate(v);
    assertThat(v.get("startDate")).isInstanceOf(Date.class);
    assertThat(v).containsEntry("creditsApprovedPct", 55.5).containsEntry("supportProgram", "NONE")
        .containsEntry("hostSpanishSpeaking", false).containsEntry("physicalTravel", true)
        .containsEntry("financialClearance", false).containsEntry("riskLevel", "HIGH");
    assertThat(v.get("proposedCourses")).isInstanceOf(SpinJsonNode.class);
    assertThat(((SpinJsonNode) v.get("sanctions")).elements()).isEmpty();
  }

  @Test
  void badVariablesAreNamed() {
    assertRefused("cumulativeGpa", v -> v.put("cumulativeGpa", 5.01));
    assertRefused("cumulativeGpa", v -> v.put("cumulativeGpa", -0.1));
    assertRefused("cumulativeGpa", v -> v.remove("cumulativeGpa"));
    assertRefused("creditsApprovedPct", v -> v.put("creditsApprovedPct", 100.5));
    assertRefused("endDate", v -> v.put("endDate", "2027-07-31"));
    assertRefused("startDate", v -> v.put("startDate", "2027-02-01"));
    assertRefused("targetPeriod", v -> v.put("targetPeriod", "2027-3"));
    assertRefused("targetPeriod", v -> v.put("targetPeriod", "2030-1"));
    assertRefused("institution", v -> v.put("institution", "UNIANDES"));
    assertRefused("ufpsType", v -> v.put("ufpsType", "INTERCAMBIO"));
    assertRefused("category", v -> v.put("category", "INTERCAMBIO"));
    assertRefused("programDurationSemesters", v -> v.remove("programDurationSemesters"));
    assertRefused("highestSemesterFullyPassed", v -> v.put("highestSemesterFullyPassed", 11));
    assertRefused("scope", v -> v.put("hostCountry", "Colombia"));
    assertRefused("documentNumber", v -> v.put("documentNumber", "10 90"));
    assertRefused("email", v -> v.put("email", "no-es-correo"));
    assertRefused("sanctions", v -> v.put("sanctions", "[{\"type\":\"OTHER\",\"date\":\"2020-01-01\"}]"));
    assertRefused("sanctions", v -> v.put("sanctions", "{\"type\":\"ACADEMIC\"}"));
    assertRefused("proposedCourses", v -> v.put("proposedCourses", "[{\"hostCredits\":3}]"));
    assertRefused("supportProgram", v -> {
      v.put("institution", "CESMAG");
      v.remove("ufpsType");
      v.put("category", "INTERCAMBIO");
      v.put("supportProgram", "BECA_UFPS");
    });
    assertRefused("callId", v -> {
      v.put("institution", "UNAL");
      v.remove("ufpsType");
      v.put("unalModality", "CURSAR_ASIGNATURAS");
    });
    assertRefused("languageLevel", v -> v.put("languageLevel", "B3"));
    assertRefused("physicalTravel", v -> {
      v.put("modality", "VIRTUAL");
      v.put("physicalTravel", true);
    });
    assertRefused("acceptanceLetter", v -> v.put("hasAcceptanceOrInvitation", true));
  }

  void assertRefused(String variable, java.util.function.Consumer<Map<String, Object>> change) {
    Map<String, Object> v = valid();
    change.accept(v);
    assertThatThrownBy(() -> rules.validate(v)).as(variable)
        .isInstanceOfSatisfying(InvalidVariableException.class, e -> assertThat(e.getVariable()).isEqualTo(variable));
  }
}
