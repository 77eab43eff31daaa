package co.ori.bench;

import co.ori.agreements.Agreement;
import co.ori.agreements.AgreementRegistry;
import co.ori.agreements.AgreementScope;
import co.ori.agreements.AgreementStatus;
import co.ori.agreements.InstrumentType;
import co.ori.mobility.Call;
import co.ori.mobility.CallRegistry;
import co.ori.mobility.outgoing.OutgoingApplications;
import java.time.LocalDate;
import java.time.ZoneId;
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
        OutgoingApplications.period(today.plusDays(150)), 100_000, today.minusDays(10), today.plusDays(30), unalAgreement, null,
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
    Map<String, Object> v = application(tenant, index);
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

  /**
   * The start variables of case {@code index}: the process tests' eligible application of the
   * tenant ({@code OutgoingApplications}), one distinct student per case.
   */
  private Map<String, Object> application(String tenant, int index) {
    String document = String.format("90%08d", index);
    Map<String, Object> v = switch (tenant) {
      case "cesmag" -> OutgoingApplications.cesmagExchange(index, document);
      case "unal" -> OutgoingApplications.unalCourses(index, document);
      default -> OutgoingApplications.ufpsSemester(index, document);
    };
    v.put("fullName", "Camila Andrea Rosero " + index);
    v.put("email", "estudiante" + index + "@estudiantes.example.edu.co");
    if ("unal".equals(tenant)) {
      v.put("callId", unalCallId);
    }
    v.put("initiator", tenant + ".student");
    return v;
  }
}
