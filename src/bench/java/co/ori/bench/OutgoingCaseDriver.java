package co.ori.bench;

import co.ori.agreements.Agreement;
import co.ori.agreements.AgreementRegistry;
import co.ori.agreements.AgreementScope;
import co.ori.agreements.AgreementStatus;
import co.ori.agreements.InstrumentType;
import co.ori.mobility.Call;
import co.ori.mobility.CallRegistry;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;

/**
 * Complete {@code student-outgoing-mobility} cases, the three institutions' main profiles in turn
 * (procedures.md §2.c): CESMAG exchange (002 art. 9–13, international, 5 months), UNAL "cursar
 * asignaturas" through a DRE call (003 Parte 1, with academic act, nomination by the DRE, figure
 * AP, definitive learning agreement and council recognition) and UFPS semester exchange (004 art.
 * 5–11, national, committee, definitive subjects, return report). Each case: application,
 * eligibility (all rules pass), learning agreement, endorsement, documents, presentation, the
 * host's {@code HostAccepted} message (correlated by business key), enrolment, pre-departure
 * documents, arrival, the in-progress steps, the end of the stay (timer executed when the
 * mobility ends), transcript, recognition, grades → {@code EndEvent_MobilityCompleted}; mails run
 * as jobs. Values are what the Camunda Forms submit (dates {@code yyyy-MM-dd}, radios
 * {@code "true"}). Every case is a new student (document number), so no rule on earlier
 * applications interferes; the agreements and the UNAL call have places for every case.
 */
final class OutgoingCaseDriver implements CaseDriver {

  static final String KEY = CaseThroughput.OUTGOING;
  private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");
  private static final String[] TENANTS = {"cesmag", "unal", "ufps"};
  private String unalCallId;

  @Override
  public String processKey() {
    return KEY;
  }

  @Override
  public String description() {
    return "student-outgoing-mobility mixed 1/3 each: CESMAG exchange, UNAL course mobility (DRE call), "
        + "UFPS semester exchange; application to EndEvent_MobilityCompleted";
  }

  @Override
  public void prepare(InProcessApp app) {
    AgreementRegistry agreements = app.bean(AgreementRegistry.class);
    LocalDate today = today();
    agreement(agreements, "cesmag", "Universidad de Guadalajara", "México", today);
    String unalAgreement = agreement(agreements, "unal", "Universidad de Chile", "Chile", today);
    agreement(agreements, "ufps", "Universidad de Antioquia", "Colombia", today);
    unalCallId = "CONV-DRE-BENCH";
    app.bean(CallRegistry.class).register("unal", new Call(unalCallId, "unal", "Universidad de Chile", "Chile",
        period(today.plusDays(150)), 100_000, today.minusDays(10), today.plusDays(30), unalAgreement, null,
        "Convocatoria de movilidad saliente (benchmark)", Map.of()));
  }

  private static String agreement(AgreementRegistry agreements, String tenant, String host, String country,
      LocalDate today) {
    String id = "CONV-" + tenant.toUpperCase() + "-BENCH";
    agreements.register(tenant, new Agreement(id, tenant, InstrumentType.CONVENIO_ESPECIFICO, "MOVILIDAD", null,
        null, host, country, null, "Colombia".equals(country) ? AgreementScope.NACIONAL : AgreementScope.INTERNACIONAL,
        "ORI", today.minusYears(1), today.minusYears(1), today.plusYears(3), false, false,
        AgreementStatus.ACTIVE, 100_000, false, null));
    return id;
  }

  private static String tenant(int index) {
    return TENANTS[index % TENANTS.length];
  }

  @Override
  public String start(CaseContext context, int index) {
    String tenant = tenant(index);
    Map<String, Object> v = switch (tenant) {
      case "cesmag" -> cesmagExchange(index);
      case "unal" -> unalCourses(index);
      default -> ufpsSemester(index);
    };
    return context.start(context.engine().getRuntimeService().createProcessInstanceByKey(KEY)
        .processDefinitionTenantId(tenant).setVariables(v));
  }

  @Override
  public Map<String, Object> complete(CaseContext context, Task task) {
    String tenant = task.getTenantId();
    String today = today().toString();
    Map<String, Object> v = new HashMap<>();
    switch (task.getTaskDefinitionKey()) {
      case "Task_PrepareLearningAgreement" -> {
        v.put("learningAgreement", "https://gd.example.edu.co/movilidad/acuerdo-aprendizaje.pdf");
        if ("ufps".equals(tenant)) {
          v.put("socializationPlan", "https://gd.ufps.edu.co/movilidad/plan-socializacion.pdf");
        }
      }
      case "Task_EndorseProgramDirector" -> {
        v.put("academicDecision", "APPROVED");
        v.put("cesmag".equals(tenant) ? "homologationProjectSigned" : "minAcademicLoadMet", "true");
      }
      case "Task_EndorseCurricularCommittee" -> v.put("academicDecision", "APPROVED");
      case "Task_IssueAcademicAct" -> v.put("academicActRef", "Oficio DAC-" + context.index());
      case "Task_RegisterAcademicAct" -> {
        v.put("actRegistryRef", "SIA " + context.index());
        v.put("paymentReceiptIssued", "true");
      }
      case "Task_SubmitApplicationDocuments" -> v.put("applicationDocuments",
          "Pasaporte: https://gd.example.edu.co/pasaporte.pdf");
      case "Task_ReviewApplicationDocuments" -> v.put("docsComplete", "true");
      case "Task_SendFileToDre" -> v.put("dreFileRef", "Expediente ORI-" + context.index());
      case "Task_NominateStudent", "Task_PresentStudent" -> {
        v.put("presentationLetter", "https://gd.example.edu.co/movilidad/postulacion.pdf");
        v.put("nominationDate", today);
      }
      case "Task_RecordHostDecision", "Task_RecordHostDecisionUnal" -> {
        // O16: the office records the host's acceptance in Tasklist
        v.put("hostDecision", "ACCEPTED");
        v.put("acceptanceLetter", "https://host.example.edu/aceptacion.pdf");
        v.put("hostDecisionDate", today);
      }
      case "Task_EnrolForMobility" -> v.put("tuitionReceipt", "Recibo " + context.index());
      case "Task_RegisterEnrolment", "Task_VerifyEnrolment" -> v.put("enrolled", "true");
      case "Task_SubmitPreDepartureDocuments" -> {
        v.put("preDepartureDocuments", "Seguro médico: https://gd.example.edu.co/seguro.pdf");
        v.put("commitmentLetter", "https://gd.example.edu.co/carta-compromiso.pdf");
      }
      case "Task_ReviewPreDepartureDocuments" -> {
        v.put("preDepartureComplete", "true");
        if ("cesmag".equals(tenant)) {
          v.put("healthCertificatesPresent", "true");
        }
      }
      case "Task_ConfirmArrival" -> {
        v.put("arrivalCertificateDate", today);
        v.put("arrivalCertificate", "https://gd.example.edu.co/llegada.pdf");
        v.put("arrivalInsurance", "https://gd.example.edu.co/seguro-internacional.pdf");
      }
      case "Task_RegisterFigureAp" -> v.put("figureRegistered", "true");
      case "Task_SubmitDefinitiveLaUnal", "Task_SubmitDefinitiveSubjectsUfps" -> v.put("definitiveLearningAgreement",
          "Acuerdo definitivo " + context.index());
      case "Task_ApproveDefinitiveLaDirector", "Task_ApproveDefinitiveSubjectsCommittee" -> v.put("laDecision", "APPROVED");
      case "Task_EndorseDefinitiveLaCouncil" -> v.put("councilActRef", "Acta CF " + context.index());
      case "Task_SubmitPeriodicReport" -> v.put("periodicReport", "Informe mensual");
      case "Task_SubmitReturnReport" -> v.put("returnReport", "Informe de regreso " + context.index());
      case "Task_ReviewReturnReport" -> v.put("returnReportAccepted", "true");
      case "Task_RecordHostTranscript" -> {
        v.put("hostTranscript", "https://gd.example.edu.co/certificado-notas.pdf");
        v.put("hostGradesText", switch (tenant) {
          case "cesmag" -> "ISI-301; Bases de datos; L1; Bases de datos I; 85; 0; 60; 100\n"
              + "ISI-302; Redes; L2; Redes I; 90; 0; 60; 100";
          case "unal" -> "C1; Algoritmos; L1; Algoritmos; 6,2; 1; 4; 7";
          default -> "A1; Compiladores; L1; Compiladores; 4,5; 0; 3; 5\nA2; Redes; L2; Redes; 4,0; 0; 3; 5";
        });
      }
      case "Task_HomologateCesmag", "Task_RecognizeFacultyCouncil", "Task_HomologationFormUfps" -> {
        v.put("homologationApproved", "true");
        v.put("homologationActRef", "Acta de homologación " + context.index());
      }
      case "Task_StartRecognitionUnal" -> v.put("recognitionRequestRef", "Solicitud SF-" + context.index());
      case "Task_EndorseEquivalenceUfps" -> v.put("equivalenceEndorsed", "true");
      case "Task_RecordGrades" -> {
        v.put("gradesRecorded", "true");
        v.put("recordRef", "Registro " + context.index());
      }
      default -> throw new IllegalStateException(context.businessKey() + ": the benchmark driver does not know task "
          + task.getTaskDefinitionKey() + " (" + task.getName() + ")");
    }
    return v;
  }

  @Override
  public boolean outsideWorld(CaseContext context) {
    if (context.hasMessageSubscription("HostAccepted")) {
      context.correlate("HostAccepted", Map.of("acceptanceLetter", "https://host.example.edu/aceptacion.pdf"));
      return true;
    }
    for (String endOfStay : List.of("TimerEvent_MobilityStart", "TimerEvent_AwaitMobilityEnd", "BoundaryEvent_MobilityEnded")) {
      if (context.hasTimer(endOfStay)) {
        context.fireTimer(endOfStay);
        return true;
      }
    }
    return false;
  }

  @Override
  public String expectedEnd(int index) {
    return "EndEvent_MobilityCompleted";
  }

  // ---- start variables (as the application form / REST start sends them) ----------------------

  private static LocalDate today() {
    return LocalDate.now(BOGOTA);
  }

  private static String period(LocalDate day) {
    return day.getYear() + (day.getMonthValue() <= 6 ? "-1" : "-2");
  }

  private static String courses(int n, String plan) {
    List<String> items = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      items.add("{\"hostCode\":\"H" + i + "\",\"hostName\":\"Asignatura de destino " + i + "\",\"hostCredits\":4,"
          + "\"homeCode\":\"L" + i + "\",\"homeName\":\"Asignatura local " + i + "\",\"homeCredits\":3,"
          + "\"prerequisitesMet\":true,\"hostPlan\":\"" + plan + "\"}");
    }
    return "[" + String.join(",", items) + "]";
  }

  private static Map<String, Object> common(String institution, int index, LocalDate start, LocalDate end) {
    Map<String, Object> v = new HashMap<>();
    v.put("institution", institution);
    v.put("fullName", "Camila Andrea Rosero " + index);
    v.put("studentId", "2021" + index);
    v.put("documentType", "CC");
    v.put("documentNumber", String.format("90%08d", index));
    v.put("email", "estudiante" + index + "@estudiantes.example.edu.co");
    v.put("phone", "3001234567");
    v.put("birthDate", "2002-03-15");
    v.put("nationality", "CO");
    v.put("programId", "ISIS");
    v.put("programName", "Ingeniería de Sistemas");
    v.put("programLevel", "PROFESIONAL");
    v.put("enrolmentStatus", "MATRICULADO");
    v.put("cumulativeGpa", 4.3);
    v.put("modality", "PRESENCIAL");
    v.put("physicalTravel", true);
    v.put("startDate", start.toString());
    v.put("endDate", end.toString());
    v.put("targetPeriod", period(start));
    v.put("hostSpanishSpeaking", true);
    v.put("hostLanguage", "es");
    v.put("hostRequiresLanguageCert", false);
    v.put("supportRequested", false);
    v.put("healthProgram", false);
    return v;
  }

  private static Map<String, Object> cesmagExchange(int index) {
    LocalDate start = today().plusDays(120);
    Map<String, Object> v = common("CESMAG", index, start, start.plusMonths(5).minusDays(1));
    v.put("category", "INTERCAMBIO");
    v.put("route", "CONVOCATORIA_EXTERNA");
    v.put("highestSemesterFullyPassed", 6);
    v.put("conductReferencesCount", 2);
    v.put("scope", "INTERNACIONAL");
    v.put("hostInstitution", "Universidad de Guadalajara");
    v.put("hostCountry", "México");
    v.put("hostCity", "Guadalajara");
    v.put("letterOfIntent", "https://gd.unicesmag.edu.co/movilidad/carta-intencion.pdf");
    v.put("proposedCourses", courses(4, "Ingeniería en Computación"));
    v.put("initiator", "cesmag.student");
    return v;
  }

  private Map<String, Object> unalCourses(int index) {
    LocalDate start = today().plusDays(150);
    Map<String, Object> v = common("UNAL", index, start, start.plusMonths(5).minusDays(1));
    v.put("unalModality", "CURSAR_ASIGNATURAS");
    v.put("campus", "ANDINA:Bogotá");
    v.put("route", "UNAL_CALL");
    v.put("creditsApprovedPct", 55.0);
    v.put("cumulativeGpa", 4.0);
    v.put("scope", "INTERNACIONAL");
    v.put("hostInstitution", "Universidad de Chile");
    v.put("hostCountry", "Chile");
    v.put("hostCity", "Santiago");
    v.put("financialBackingLetter", "https://gd.unal.edu.co/movilidad/respaldo-financiero.pdf");
    v.put("proposedCourses", courses(3, "Ingeniería Civil en Computación"));
    v.put("callId", unalCallId);
    v.put("initiator", "unal.student");
    return v;
  }

  private static Map<String, Object> ufpsSemester(int index) {
    LocalDate start = ufpsSemesterStart();
    Map<String, Object> v = common("UFPS", index, start, start.plusMonths(5).minusDays(1));
    v.put("ufpsType", "SEM_INTERCAMBIO");
    v.put("campus", "CUCUTA");
    v.put("route", "UFPS_CALL");
    v.put("programDurationSemesters", 10);
    v.put("highestSemesterFullyPassed", 5);
    v.put("creditsApprovedPct", 52.0);
    v.put("financialClearance", true);
    v.put("supportProgram", "NONE");
    v.put("scope", "NACIONAL");
    v.put("hostInstitution", "Universidad de Antioquia");
    v.put("hostCountry", "Colombia");
    v.put("hostCity", "Medellín");
    v.put("proposedCourses", courses(5, "Ingeniería de Sistemas UdeA"));
    v.put("initiator", "ufps.student");
    return v;
  }

  /** First UFPS period whose art. 44 document deadline is ahead and that starts ≥ 7 months from today. */
  private static LocalDate ufpsSemesterStart() {
    LocalDate today = today();
    for (int year = today.getYear(); ; year++) {
      LocalDate first = LocalDate.of(year, 2, 1);
      if (!LocalDate.of(year - 1, 11, 7).isBefore(today.plusDays(7)) && !first.isBefore(today.plusMonths(7))) {
        return first;
      }
      LocalDate second = LocalDate.of(year, 8, 2);
      if (!LocalDate.of(year, 5, 7).isBefore(today.plusDays(7)) && !second.isBefore(today.plusMonths(7))) {
        return second;
      }
    }
  }
}
