package co.ori.mobility.outgoing;

import static org.assertj.core.api.Assertions.assertThat;

import co.ori.agreements.Agreement;
import co.ori.agreements.AgreementRegistry;
import co.ori.agreements.AgreementScope;
import co.ori.agreements.InstrumentType;
import co.ori.mobility.Call;
import co.ori.mobility.CallRegistry;
import co.ori.mobility.MobilityCase;
import co.ori.mobility.MobilityCaseRegistry;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Shared fixtures of the outgoing student rule tests: eligible base applications per institution
 * (CESMAG exchange and sports, UNAL under an open call, UFPS semester and short), registry rows,
 * the engine clock fixed at {@link #TODAY}, and the real evaluation path (start-variable rules →
 * facts → tenant tables through the DecisionService → registries on H2).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class StudentOutgoingFixtures {

  static final ZoneId BOGOTA = ZoneId.of("America/Bogota");
  /** "Today" of every case: Monday 1 February 2027 (application period 2027-1). */
  static final LocalDate TODAY = LocalDate.of(2027, 2, 1);

  @Autowired StudentOutgoingEligibility eligibility;
  @Autowired StudentOutgoingRequestRules requestRules;
  @Autowired AgreementRegistry agreements;
  @Autowired CallRegistry calls;
  @Autowired MobilityCaseRegistry cases;

  @BeforeEach
  void fixClock() {
    setToday(TODAY);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static void setToday(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(LocalTime.NOON).atZone(BOGOTA).toInstant()));
  }

  static Date date(LocalDate day) {
    return Date.from(day.atStartOfDay(BOGOTA).toInstant());
  }

  // ------------------------------------------------------------------ base applications (eligible)

  /** A CESMAG undergraduate exchange to a Spanish-speaking host with an agreement in force. */
  Map<String, Object> cesmagExchange() {
    Map<String, Object> v = common("CESMAG");
    v.put("category", "INTERCAMBIO");
    v.put("programLevel", "PROFESIONAL");
    v.put("highestSemesterFullyPassed", 6);
    v.put("cumulativeGpa", 4.2);
    v.put("conductReferencesCount", 2);
    v.put("route", "CONVOCATORIA_EXTERNA");
    v.put("startDate", "2027-08-01");
    v.put("endDate", "2027-12-15");
    v.put("targetPeriod", "2027-2");
    agreement("cesmag", v);
    return v;
  }

  /** A CESMAG sports mobility (CORTA, presencial, team member). */
  Map<String, Object> cesmagSports() {
    Map<String, Object> v = common("CESMAG");
    v.put("category", "DEPORTIVA");
    v.put("programLevel", "PROFESIONAL");
    v.put("highestSemesterFullyPassed", 2);
    v.put("cumulativeGpa", 3.5);
    v.put("teamMember", true);
    v.put("route", "CONVOCATORIA_EXTERNA");
    v.put("startDate", "2027-04-10");
    v.put("endDate", "2027-04-20");
    v.put("targetPeriod", "2027-1");
    return v;
  }

  /** A UNAL undergraduate application under an open call of a host with an agreement. */
  Map<String, Object> unal() {
    Map<String, Object> v = common("UNAL");
    v.put("unalModality", "CURSAR_ASIGNATURAS");
    v.put("programLevel", "PROFESIONAL");
    v.put("creditsApprovedPct", 55.0);
    v.put("cumulativeGpa", 4.0);
    v.put("route", "UNAL_CALL");
    v.put("financialBackingLetter", "dms://respaldo-financiero");
    v.put("startDate", "2027-08-01");
    v.put("endDate", "2027-12-15");
    v.put("targetPeriod", "2027-2");
    String agreementId = agreement("unal", v);
    v.put("callId", call("unal", v, agreementId, TODAY.plusDays(20), Map.of()).id());
    return v;
  }

  /** A UFPS semester exchange, applied 6 months ahead, under an agreement. */
  Map<String, Object> ufpsSemester() {
    Map<String, Object> v = common("UFPS");
    v.put("ufpsType", "SEM_INTERCAMBIO");
    v.put("programLevel", "PROFESIONAL");
    v.put("programDurationSemesters", 10);
    v.put("highestSemesterFullyPassed", 5);
    v.put("creditsApprovedPct", 50.0);
    v.put("cumulativeGpa", 3.8);
    v.put("financialClearance", true);
    v.put("route", "UFPS_CALL");
    v.put("startDate", "2027-08-01");
    v.put("endDate", "2027-12-15");
    v.put("targetPeriod", "2027-2");
    agreement("ufps", v);
    return v;
  }

  /** A UFPS short course, applied 2 months and 10 days ahead, under an agreement. */
  Map<String, Object> ufpsShort() {
    Map<String, Object> v = ufpsSemester();
    v.put("ufpsType", "CORTA_CURSO");
    v.put("startDate", "2027-04-10");
    v.put("endDate", "2027-05-10");
    v.put("targetPeriod", "2027-1");
    return v;
  }

  Map<String, Object> common(String institution) {
    Map<String, Object> v = new HashMap<>();
    String person = "CC" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    v.put("institution", institution);
    v.put("studentId", "EST-" + person);
    v.put("fullName", "Estudiante de Prueba");
    v.put("documentType", "CC");
    v.put("documentNumber", person);
    v.put("email", "estudiante@example.org");
    v.put("birthDate", "2005-03-10");
    v.put("programName", "Ingeniería de Sistemas");
    v.put("enrolmentStatus", "MATRICULADO");
    v.put("hostInstitution", "Universidad Anfitriona " + person);
    v.put("hostCountry", "México");
    v.put("hostLanguage", "es");
    v.put("scope", "INTERNACIONAL");
    v.put("modality", "PRESENCIAL");
    return v;
  }

  String agreement(String tenant, Map<String, Object> v) {
    return agreements.register(tenant, new Agreement(null, null, InstrumentType.CONVENIO_MARCO, null, null, null,
        (String) v.get("hostInstitution"), (String) v.get("hostCountry"), null, AgreementScope.INTERNACIONAL, null,
        null, TODAY.minusYears(1), TODAY.plusYears(3), false, false, null, 5, false, null)).id();
  }

  Call call(String tenant, Map<String, Object> v, String agreementId, LocalDate closing, Map<String, Object> overrides) {
    return calls.register(tenant, new Call(null, null, (String) v.get("hostInstitution"), (String) v.get("hostCountry"),
        (String) v.get("targetPeriod"), 3, TODAY.minusDays(30), closing, agreementId, null, null, overrides));
  }

  /** Validates the start variables as a REST start would, then evaluates the intake chain. */
  StudentOutgoingEligibility.Result evaluate(Map<String, Object> start) {
    Map<String, Object> v = new HashMap<>(start);
    requestRules.validate(v);
    return eligibility.evaluate(((String) v.get("institution")).toLowerCase(), v, null);
  }

  List<String> failed(Map<String, Object> start) {
    return evaluate(start).failedRules();
  }

  // ------------------------------------------------------------------ DSL

  record Case(String rule, String name, Consumer<Map<String, Object>> failing, Consumer<Map<String, Object>> passing) {}

  static Case rule(String rule, String name, Consumer<Map<String, Object>> failing, Consumer<Map<String, Object>> passing) {
    return new Case(rule, name, failing, passing);
  }

  Stream<DynamicTest> cases(Supplier<Map<String, Object>> base, Case... cases) {
    List<DynamicTest> tests = new ArrayList<>();
    for (Case c : cases) {
      tests.add(DynamicTest.dynamicTest(c.rule() + " " + c.name(), () -> {
        Map<String, Object> failing = base.get();
        c.failing().accept(failing);
        assertThat(failed(failing)).as("%s fails: %s", c.rule(), c.name()).contains(c.rule());
        Map<String, Object> passing = base.get();
        c.passing().accept(passing);
        assertThat(failed(passing)).as("%s passes just inside: %s", c.rule(), c.name()).doesNotContain(c.rule());
      }));
    }
    return tests.stream();
  }

  static Consumer<Map<String, Object>> set(Object... pairs) {
    return v -> {
      for (int i = 0; i < pairs.length; i += 2) {
        if (pairs[i + 1] == null) {
          v.remove((String) pairs[i]);
        } else {
          v.put((String) pairs[i], pairs[i + 1]);
        }
      }
    };
  }

  static String sanction(String type, String date, String until) {
    return "[{\"type\":\"" + type + "\",\"date\":\"" + date + "\"" + (until == null ? "" : ",\"activeUntil\":\"" + until + "\"") + "}]";
  }

  /** A CESMAG extracurricular application (short, international, form and endorsement given). */
  Map<String, Object> cesmagExtra(String category) {
    Map<String, Object> v = cesmagExchange();
    v.put("category", category);
    v.put("startDate", "2027-06-01");
    v.put("endDate", "2027-06-20");
    v.put("targetPeriod", "2027-1");
    v.put("mobilityForm", "dms://formulario");
    v.put("endorsementLetter", "dms://aval");
    return v;
  }

  void registerCase(String tenant, String person, String period, MobilityCase.Status status) {
    cases.save(new MobilityCase(tenant, "MES-T-" + UUID.randomUUID(), "pi-" + UUID.randomUUID(), "student-outgoing-mobility",
        MobilityCase.Direction.OUTGOING, false, person, "Estudiante", null, "PROFESIONAL", "CURSAR_ASIGNATURAS",
        "Otra Universidad", "Chile", "INTERNACIONAL", "VIRTUAL", null, null, period, LocalDate.of(2027, 8, 1),
        LocalDate.of(2027, 12, 1), null, status, null, null));
  }

  static String courses(int count, int plans, boolean prerequisites) {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        json.append(',');
      }
      json.append("{\"hostName\":\"Asignatura ").append(i).append("\",\"homeName\":\"Equivalente ").append(i)
          .append("\",\"hostPlan\":\"Plan ").append(i % plans).append("\",\"prerequisitesMet\":")
          .append(prerequisites || i > 0).append('}');
    }
    return json.append(']').toString();
  }
}
