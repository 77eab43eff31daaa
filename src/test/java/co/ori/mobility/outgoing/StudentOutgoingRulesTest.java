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
 * The intake rules of outgoing student mobility ({@code procedures.md} §3.1.a, §3.2, §3.3), each
 * shown failing on its boundary and passing just inside it, through the real path: the start
 * variables validated by {@link StudentOutgoingRequestRules}, the facts derived by
 * {@link StudentOutgoingEligibility} (engine clock), the tenant's {@code stay-type} and
 * {@code student-outgoing-eligibility} tables evaluated by the engine's DecisionService, and the
 * agreement, call, case and bans registries on H2. Each case uses its own student and host, so
 * cases do not see each other's registry rows.
 */
class StudentOutgoingRulesTest extends StudentOutgoingFixtures {

  @Test
  void theBaseApplicationsAreEligible() {
    assertThat(failed(cesmagExchange())).isEmpty();
    assertThat(failed(cesmagSports())).isEmpty();
    assertThat(failed(unal())).isEmpty();
    assertThat(failed(ufpsSemester())).isEmpty();
    assertThat(failed(ufpsShort())).isEmpty();
  }

  @Test
  void derivedFactsAndStayTypeBoundaries() {
    Map<String, Object> v = cesmagExchange();
    v.put("startDate", "2027-03-01");
    v.put("endDate", "2027-05-31"); // exactly three months: "inferior o igual a tres (3) meses"
    Map<String, Object> facts = evaluate(v).facts();
    assertThat(facts).containsEntry("stayWholeMonths", 3).containsEntry("stayExtraDays", 0)
        .containsEntry("stayType", "CORTA").containsEntry("durationDays", 92).containsEntry("leadTimeDays", 28)
        .containsEntry("ageAtStart", 21).containsEntry("isMinor", false).containsEntry("academicPeriods", 1)
        .containsEntry("agreementActive", true).containsEntry("applicationsInPeriod", 1);
    v.put("endDate", "2027-06-01"); // one day more
    assertThat(evaluate(v).facts()).containsEntry("stayType", "MEDIA");
    v.put("endDate", "2027-08-31"); // exactly six months: LARGA
    assertThat(evaluate(v).facts()).containsEntry("stayType", "LARGA").containsEntry("academicPeriods", 2);
    v.put("endDate", "2027-08-30");
    assertThat(evaluate(v).facts()).containsEntry("stayType", "MEDIA");
    Map<String, Object> u = ufpsSemester();
    assertThat(evaluate(u).facts()).containsEntry("ufpsFamily", "SEMESTER").containsEntry("leadTimeMonths", 6)
        .containsEntry("withdrawalEvaluator", "ORI_STAFF").containsEntry("returnReportRequired", true)
        .containsEntry("docsDeadlinePassed", false);
  }

  @TestFactory
  Stream<DynamicTest> cesmagExchangeRules() {
    return cases(this::cesmagExchange,
        rule("CES-SO-01", "exactamente 3 meses (CORTA) vs 3 meses y 1 día (MEDIA)",
            set("startDate", "2027-08-01", "endDate", "2027-10-31"), set("startDate", "2027-08-01", "endDate", "2027-11-01")),
        rule("CES-SO-01", "tres periodos académicos vs dos",
            set("endDate", "2028-07-01"), set("endDate", "2028-06-30")),
        rule("CES-SO-02", "cumple 18 años el día después del inicio vs el día del inicio",
            set("birthDate", "2009-08-02"), set("birthDate", "2009-08-01")),
        rule("CES-SO-02", "híbrida con desplazamiento, 17 años vs virtual (sin desplazamiento)",
            set("birthDate", "2009-08-02", "modality", "HIBRIDA"), set("birthDate", "2009-08-02", "modality", "VIRTUAL")),
        rule("CES-SO-03", "sanción disciplinaria el 01/01/2026 (año anterior) vs el 31/12/2025",
            set("sanctions", sanction("DISCIPLINARY", "2026-01-01", null)), set("sanctions", sanction("DISCIPLINARY", "2025-12-31", null))),
        rule("CES-SO-04", "profesional con 4.º semestre vs 5.º semestre aprobado",
            set("highestSemesterFullyPassed", 4), set("highestSemesterFullyPassed", 5)),
        rule("CES-SO-04", "tecnológico con 2.º vs 3.er semestre",
            set("programLevel", "TECNOLOGICO", "highestSemesterFullyPassed", 2), set("programLevel", "TECNOLOGICO", "highestSemesterFullyPassed", 3)),
        rule("CES-SO-04", "maestría con 1.er vs 2.º semestre",
            set("programLevel", "MAESTRIA", "highestSemesterFullyPassed", 1, "cumulativeGpa", 4.5),
            set("programLevel", "MAESTRIA", "highestSemesterFullyPassed", 2, "cumulativeGpa", 4.5)),
        rule("CES-SO-04", "especialización con 0 vs 1 semestre",
            set("programLevel", "ESPECIALIZACION", "highestSemesterFullyPassed", 0, "cumulativeGpa", 4.5),
            set("programLevel", "ESPECIALIZACION", "highestSemesterFullyPassed", 1, "cumulativeGpa", 4.5)),
        rule("CES-SO-05", "destino en inglés, certificado B1 vs B2 exigido",
            set("hostLanguage", "en", "hostMinLanguageLevel", "B2", "languageCertificate", "dms://ielts", "languageLevel", "B1"),
            set("hostLanguage", "en", "hostMinLanguageLevel", "B2", "languageCertificate", "dms://ielts", "languageLevel", "B2")),
        rule("CES-SO-05", "destino en inglés sin certificado vs con certificado",
            set("hostLanguage", "en"), set("hostLanguage", "en", "languageCertificate", "dms://toefl")),
        rule("CES-SO-06", "sin convenio con el destino vs con convenio vigente",
            set("hostInstitution", "Universidad Sin Convenio " + UUID.randomUUID()), set()),
        rule("CES-SO-07", "0 referencias de buena conducta vs 1",
            set("conductReferencesCount", 0), set("conductReferencesCount", 1)),
        rule("CES-SO-08", "solicitud 89 días antes del inicio vs 90 días",
            set("startDate", "2027-05-01", "endDate", "2027-09-30", "targetPeriod", "2027-1"),
            set("startDate", "2027-05-02", "endDate", "2027-09-30", "targetPeriod", "2027-1")),
        rule("CES-SO-09", "pregrado con promedio 3,99 vs 4,0",
            set("cumulativeGpa", 3.99), set("cumulativeGpa", 4.0)),
        rule("CES-SO-09", "maestría con promedio 4,29 vs 4,3",
            set("programLevel", "MAESTRIA", "highestSemesterFullyPassed", 2, "cumulativeGpa", 4.29),
            set("programLevel", "MAESTRIA", "highestSemesterFullyPassed", 2, "cumulativeGpa", 4.3)),
        rule("CES-SO-14", "doble titulación de 6 meses menos un día (MEDIA) vs exactamente 6 meses (LARGA)",
            set("category", "DOBLE_TITULACION", "agreementRequirementsMet", true, "endDate", "2028-01-30"),
            set("category", "DOBLE_TITULACION", "agreementRequirementsMet", true, "endDate", "2028-01-31")),
        rule("CES-SO-14", "doble titulación sin vs con requisitos del convenio",
            set("category", "DOBLE_TITULACION", "startDate", "2027-07-31", "endDate", "2028-01-31"),
            set("category", "DOBLE_TITULACION", "startDate", "2027-07-31", "endDate", "2028-01-31", "agreementRequirementsMet", true)),
        rule("CES-SO-16", "práctica de 6 meses (LARGA) vs 6 meses menos un día (MEDIA)",
            set("category", "PRACTICA_FORMATIVA", "startDate", "2027-07-01", "endDate", "2027-12-31"),
            set("category", "PRACTICA_FORMATIVA", "startDate", "2027-07-01", "endDate", "2027-12-30")),
        rule("CES-SO-16", "práctica en escenario clínico no conforme vs conforme",
            set("category", "PRACTICA_FORMATIVA", "clinicalSetting", true),
            set("category", "PRACTICA_FORMATIVA", "clinicalSetting", true, "settingCompliesMinEduMinSalud", true)),
        rule("CES-SO-33", "postulación interna con apoyo sin vs con viabilidad financiera",
            set("route", "POSTULACION_INTERNA", "supportRequested", true),
            set("route", "POSTULACION_INTERNA", "supportRequested", true, "financialViability", true)));
  }

  @TestFactory
  Stream<DynamicTest> cesmagOtherCategoryRules() {
    Stream<DynamicTest> extra = cases(() -> cesmagExtra("EXTRA_LINGUISTICO"),
        rule("CES-SO-17", "intercambio lingüístico de 6 meses (LARGA) vs 6 meses menos un día",
            set("startDate", "2027-06-01", "endDate", "2027-11-30"), set("startDate", "2027-06-01", "endDate", "2027-11-29")),
        rule("CES-SO-17", "intercambio lingüístico nacional vs internacional",
            set("scope", "NACIONAL", "hostCountry", "Colombia"), set()),
        rule("CES-SO-20", "menor sin vs con autorización de representantes legales",
            set("birthDate", "2009-06-02", "permissionToLeaveCountry", "dms://permiso"),
            set("birthDate", "2009-06-02", "permissionToLeaveCountry", "dms://permiso", "legalGuardianAuthorization", "dms://autorizacion")),
        rule("CES-SO-22", "menor en movilidad internacional sin vs con permiso de salida del país",
            set("birthDate", "2009-06-02", "legalGuardianAuthorization", "dms://autorizacion"),
            set("birthDate", "2009-06-02", "legalGuardianAuthorization", "dms://autorizacion", "permissionToLeaveCountry", "dms://permiso")),
        rule("CES-SO-23", "sin vs con formulario y carta de aval",
            set("mobilityForm", null), set()));
    Stream<DynamicTest> shortOnes = cases(() -> cesmagExtra("EXTRA_CONGRESO"),
        rule("CES-SO-18", "congreso de 3 meses y 1 día vs exactamente 3 meses",
            set("startDate", "2027-06-01", "endDate", "2027-09-01"), set("startDate", "2027-06-01", "endDate", "2027-08-31")),
        rule("CES-SO-21", "menor, movilidad regional de riesgo medio sin autorización vs riesgo bajo",
            set("birthDate", "2009-06-02", "scope", "REGIONAL", "hostCountry", "Colombia", "riskLevel", "MEDIUM"),
            set("birthDate", "2009-06-02", "scope", "REGIONAL", "hostCountry", "Colombia", "riskLevel", "LOW")),
        rule("CES-SO-21", "menor, movilidad nacional de riesgo bajo sin vs con autorización",
            set("birthDate", "2009-06-02", "scope", "NACIONAL", "hostCountry", "Colombia", "riskLevel", "LOW"),
            set("birthDate", "2009-06-02", "scope", "NACIONAL", "hostCountry", "Colombia", "riskLevel", "LOW",
                "legalGuardianAuthorization", "dms://autorizacion")));
    Stream<DynamicTest> event = cases(() -> cesmagExtra("EXTRA_EVENTO_INTERNACIONAL"),
        rule("CES-SO-19", "evento internacional de 3 meses y 1 día vs 3 meses",
            set("startDate", "2027-06-01", "endDate", "2027-09-01"), set("startDate", "2027-06-01", "endDate", "2027-08-31")),
        rule("CES-SO-19", "evento nacional vs internacional", set("scope", "NACIONAL", "hostCountry", "Colombia"), set()));
    Stream<DynamicTest> research = cases(() -> cesmagExtra("INV_EVENTO"),
        rule("CES-SO-25", "investigación de 3 meses y 1 día vs 3 meses",
            set("startDate", "2027-06-01", "endDate", "2027-09-01"), set("startDate", "2027-06-01", "endDate", "2027-08-31")));
    Stream<DynamicTest> outreach = cases(() -> cesmagExtra("PS_VINCULACION"),
        rule("CES-SO-26", "vinculación con la comunidad híbrida vs presencial", set("modality", "HIBRIDA"), set()));
    Stream<DynamicTest> volunteering = cases(() -> cesmagExtra("PS_VOLUNTARIADO"),
        rule("CES-SO-27", "voluntariado: 18 años el día después del inicio vs el día del inicio",
            set("birthDate", "2009-06-02", "permissionToLeaveCountry", "dms://p"), set("birthDate", "2009-06-01")),
        rule("CES-SO-27", "voluntariado de 3 meses y 1 día vs 3 meses",
            set("startDate", "2027-06-01", "endDate", "2027-09-01"), set("startDate", "2027-06-01", "endDate", "2027-08-31")));
    Stream<DynamicTest> sports = cases(this::cesmagSports,
        rule("CES-SO-28", "deportiva de 3 meses y 1 día vs 3 meses",
            set("startDate", "2027-04-10", "endDate", "2027-07-10"), set("startDate", "2027-04-10", "endDate", "2027-07-09")),
        rule("CES-SO-28", "deportiva virtual vs presencial", set("modality", "VIRTUAL"), set()),
        rule("CES-SO-29", "sin vs con pertenencia a la selección", set("teamMember", false), set()),
        rule("CES-SO-30", "pregrado con promedio 3,29 vs 3,3", set("cumulativeGpa", 3.29), set("cumulativeGpa", 3.3)),
        rule("CES-SO-30", "posgrado con promedio 3,99 vs 4,0",
            set("programLevel", "MAESTRIA", "cumulativeGpa", 3.99), set("programLevel", "MAESTRIA", "cumulativeGpa", 4.0)));
    return Stream.of(extra, shortOnes, event, research, outreach, volunteering, sports).flatMap(s -> s);
  }

  @TestFactory
  Stream<DynamicTest> unalRules() {
    return cases(this::unal,
        rule("UN-SO-01", "sin matrícula vs con reserva de cupo",
            set("enrolmentStatus", "NONE"), set("enrolmentStatus", "RESERVA_DE_CUPO")),
        rule("UN-SO-02", "sanción ya cumplida (pasada) vs ninguna",
            set("sanctions", sanction("ACADEMIC", "2020-01-10", "2020-06-30")), set()),
        rule("UN-SO-03", "39,9 % vs 40 % de créditos", set("creditsApprovedPct", 39.9), set("creditsApprovedPct", 40.0)),
        rule("UN-SO-05", "PAPA 3,49 vs 3,5", set("cumulativeGpa", 3.49), set("cumulativeGpa", 3.5)),
        rule("UN-SO-06", "destino en francés sin vs con certificado de suficiencia",
            set("hostLanguage", "fr"), set("hostLanguage", "fr", "languageCertificate", "dms://delf")),
        rule("UN-SO-06", "destino hispanohablante que exige certificado, sin vs con",
            set("hostRequiresLanguageCert", true), set("hostRequiresLanguageCert", true, "languageCertificate", "dms://c")),
        rule("UN-SO-07", "sin vs con carta de respaldo financiero",
            set("financialBackingLetter", null), set()),
        rule("UN-SO-07", "becado sin vs con certificado de la beca",
            set("scholarshipHeld", true), set("scholarshipHeld", true, "scholarshipCertificate", "dms://beca")),
        rule("UN-SO-13", "pasantía sin vs con carta de invitación del profesor tutor",
            set("unalModality", "PASANTIA"), set("unalModality", "PASANTIA", "hostTutorInvitationLetter", "dms://invitacion")));
  }

  @Test
  void unalCreditLimitExemptAgreementAcceptsLessThan40Percent() {
    Map<String, Object> v = unal();
    v.put("creditsApprovedPct", 39.9);
    v.put("callId", call("unal", v, null, TODAY.plusDays(20), Map.of("creditLimitExempt", true)).id());
    assertThat(failed(v)).doesNotContain("UN-SO-03");
  }

  @Test
  void unalCallOpenUntilItsClosingDayInclusive() {
    Map<String, Object> closingToday = unal();
    closingToday.put("callId", call("unal", closingToday, null, TODAY, Map.of()).id());
    assertThat(failed(closingToday)).doesNotContain("UN-SO-11");
    Map<String, Object> closedYesterday = unal();
    closedYesterday.put("callId", call("unal", closedYesterday, null, TODAY.minusDays(1), Map.of()).id());
    assertThat(failed(closedYesterday)).contains("UN-SO-11");
    Map<String, Object> unknown = unal();
    unknown.put("callId", "CALL-NO-EXISTE");
    assertThat(failed(unknown)).contains("UN-SO-11");
  }

  @Test
  void unalSecondApplicationInAPeriodIsAllowedAndTheThirdRefused() {
    Map<String, Object> v = unal();
    String person = (String) v.get("documentNumber");
    registerCase("unal", person, "2027-2", MobilityCase.Status.APPLIED);
    assertThat(evaluate(v).facts()).containsEntry("applicationsInPeriod", 2);
    assertThat(failed(v)).doesNotContain("UN-SO-08", "UN-SO-09");

    registerCase("unal", person, "2027-2", MobilityCase.Status.REJECTED);
    assertThat(failed(v)).as("third application of the period (a rejected one still counts)").contains("UN-SO-08");

    Map<String, Object> otherPeriod = new HashMap<>(v);
    otherPeriod.put("startDate", "2028-02-01");
    otherPeriod.put("endDate", "2028-06-15");
    otherPeriod.put("targetPeriod", "2028-1");
    assertThat(failed(otherPeriod)).as("another period").doesNotContain("UN-SO-08");
  }

  @Test
  void unalOnlyOneMobilityPerPeriodWhateverItsType() {
    Map<String, Object> v = unal();
    String person = (String) v.get("documentNumber");
    registerCase("unal", person, "2027-2", MobilityCase.Status.NOT_ELIGIBLE);
    assertThat(failed(v)).as("an ineligible application neither counts nor is a mobility").doesNotContain("UN-SO-08", "UN-SO-09");
    registerCase("unal", person, "2027-2", MobilityCase.Status.ACCEPTED);
    assertThat(failed(v)).contains("UN-SO-09").doesNotContain("UN-SO-08");
  }

  @TestFactory
  Stream<DynamicTest> ufpsSemesterRules() {
    return cases(this::ufpsSemester,
        rule("UF-SO-01", "con reserva de cupo vs matriculado", set("enrolmentStatus", "RESERVA_DE_CUPO"), set()),
        rule("UF-SO-02", "cumple 18 años mañana sin autorización vs hoy",
            set("birthDate", "2009-02-02"), set("birthDate", "2009-02-01")),
        rule("UF-SO-02", "menor al solicitar sin vs con autorización de padres o acudiente",
            set("birthDate", "2009-02-02"), set("birthDate", "2009-02-02", "legalGuardianAuthorization", "dms://autorizacion")),
        rule("UF-SO-03", "profesional de 10 semestres con 3.º vs 4.º aprobado",
            set("highestSemesterFullyPassed", 3), set("highestSemesterFullyPassed", 4)),
        rule("UF-SO-03", "profesional de 8 semestres con 2.º vs 3.º aprobado",
            set("programDurationSemesters", 8, "highestSemesterFullyPassed", 2), set("programDurationSemesters", 8, "highestSemesterFullyPassed", 3)),
        rule("UF-SO-03", "profesional de 12 semestres con 3.º vs 4.º (§9 Q26)",
            set("programDurationSemesters", 12, "highestSemesterFullyPassed", 3), set("programDurationSemesters", 12, "highestSemesterFullyPassed", 4)),
        rule("UF-SO-03", "tecnológico con 49,9 % vs 50 % de créditos",
            set("programLevel", "TECNOLOGICO", "programDurationSemesters", 6, "creditsApprovedPct", 49.9),
            set("programLevel", "TECNOLOGICO", "programDurationSemesters", 6, "creditsApprovedPct", 50.0)),
        rule("UF-SO-04", "sanción académica vigente hasta hoy vs hasta ayer",
            set("sanctions", sanction("ACADEMIC", "2026-08-01", "2027-02-01")), set("sanctions", sanction("ACADEMIC", "2026-08-01", "2027-01-31"))),
        rule("UF-SO-05", "sanción disciplinaria de 2015 (haber tenido) vs ninguna",
            set("sanctions", sanction("DISCIPLINARY", "2015-05-05", "2015-06-05")), set()),
        rule("UF-SO-06", "sin vs con paz y salvo", set("financialClearance", false), set()),
        rule("UF-SO-07", "semestre solicitado 6 meses menos un día antes vs exactamente 6 meses",
            set("startDate", "2027-07-31"), set("startDate", "2027-08-01")),
        rule("UF-SO-12", "3 vs 4 asignaturas a homologar",
            set("proposedCourses", courses(3, 1, true)), set("proposedCourses", courses(4, 1, true))),
        rule("UF-SO-12", "un prerrequisito no cumplido vs todos",
            set("proposedCourses", courses(4, 1, false)), set("proposedCourses", courses(4, 1, true))),
        rule("UF-SO-12", "4 vs 3 planes de estudio del destino",
            set("proposedCourses", courses(4, 4, true)), set("proposedCourses", courses(4, 3, true))),
        rule("UF-SO-14", "destino en portugués sin vs con certificado de segunda lengua",
            set("hostLanguage", "pt"), set("hostLanguage", "pt", "languageCertificate", "dms://celpe")),
        rule("UF-SO-15", "práctica seguida de trabajo de grado sin vs con anteproyecto aprobado",
            set("ufpsType", "SEM_PRACTICA", "followedByDegreeWork", true),
            set("ufpsType", "SEM_PRACTICA", "followedByDegreeWork", true, "anteproyectoApproved", true)),
        rule("UF-SO-18", "semestre sin convenio vs con convenio",
            set("hostInstitution", "Universidad Sin Convenio " + UUID.randomUUID()), set()));
  }

  @TestFactory
  Stream<DynamicTest> ufpsShortRules() {
    Stream<DynamicTest> course = cases(this::ufpsShort,
        rule("UF-SO-08", "corta solicitada un día menos de 2 meses antes vs exactamente 2 meses",
            set("startDate", "2027-03-31", "endDate", "2027-04-20"), set("startDate", "2027-04-01", "endDate", "2027-04-20")),
        rule("UF-SO-17", "curso de 6 meses y 1 día vs exactamente 6 meses",
            set("startDate", "2027-04-10", "endDate", "2027-10-10", "targetPeriod", "2027-1"),
            set("startDate", "2027-04-10", "endDate", "2027-10-09", "targetPeriod", "2027-1")),
        rule("UF-SO-18", "corta sin convenio por convocatoria vs por invitación directa",
            set("hostInstitution", "Universidad Sin Convenio " + UUID.randomUUID()),
            set("hostInstitution", "Universidad Sin Convenio " + UUID.randomUUID(), "route", "DIRECT_INVITATION")));
    Stream<DynamicTest> event = cases(() -> {
          Map<String, Object> v = ufpsShort();
          v.put("ufpsType", "CORTA_EVENTO");
          v.put("endDate", "2027-04-20");
          return v;
        },
        rule("UF-SO-16", "evento de 30 días vs 29 días",
            set("startDate", "2027-04-10", "endDate", "2027-05-09"), set("startDate", "2027-04-10", "endDate", "2027-05-08")),
        rule("UF-SO-16", "evento con vs sin asignaturas a homologar",
            set("proposedCourses", courses(1, 1, true)), set()));
    return Stream.concat(course, event);
  }

  @Test
  void ufpsSemesterDocumentsUntilTheFirstWeekOfNovemberOfThePreviousYear() {
    // 004 art. 44: semester I of 2028 → documents until 7 November 2027 (§9 Q28: days 1-7)
    setToday(LocalDate.of(2027, 11, 7));
    Map<String, Object> onTime = ufpsSemester();
    onTime.put("startDate", "2028-05-10");
    onTime.put("endDate", "2028-06-30");
    onTime.put("targetPeriod", "2028-1");
    StudentOutgoingEligibility.Result result = evaluate(onTime);
    assertThat(result.failedRules()).doesNotContain("UF-SO-09");
    assertThat(result.facts()).containsEntry("docsDeadlineLabel", "07/11/2027");
    setToday(LocalDate.of(2027, 11, 8));
    assertThat(failed(onTime)).contains("UF-SO-09");
    // semester II → first week of May of the same year
    setToday(LocalDate.of(2027, 2, 1));
    Map<String, Object> second = ufpsSemester();
    assertThat(evaluate(second).facts()).containsEntry("docsDeadlineLabel", "07/05/2027");
  }
}
