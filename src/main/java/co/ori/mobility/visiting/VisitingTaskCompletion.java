package co.ori.mobility.visiting;

import static co.ori.agreements.AgreementValues.optionalText;
import static co.ori.agreements.AgreementValues.requiredBoolean;
import static co.ori.agreements.AgreementValues.requiredDate;
import static co.ori.agreements.AgreementValues.requiredEnum;
import static co.ori.agreements.AgreementValues.requiredText;
import static co.ori.mobility.visiting.VisitingFrameworkCheck.DAY;

import co.ori.agreements.AgreementValues;
import co.ori.support.InvalidVariableException;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Task listener {@code camunda:delegateExpression="${visitingTaskCompletion}"} on the
 * {@code complete} event of every user task of {@code visiting-professor}
 * ({@code procedures.md} §2.g.2): checks the task's output variables, including the rules a
 * Camunda Form cannot express, and normalizes them (form radio {@code "true"}/{@code "false"}
 * to Boolean, form dates {@code yyyy-MM-dd} to {@code Date} at the start of the day in
 * America/Bogota). A problem is an {@link InvalidVariableException} naming the variable: the
 * completion is rolled back and Tasklist (or REST, HTTP 400) shows the Spanish message.
 */
@Component("visitingTaskCompletion")
public class VisitingTaskCompletion implements TaskListener {

  /** Identity documents accepted for SIRE (002 art. 40 par. num. 1). */
  public static final List<String> VISITOR_DOCUMENT_TYPES =
      List.of("CEDULA_EXTRANJERIA", "DOCUMENTO_EXTRANJERO", "TARJETA_ANDINA");
  /** Migratory documents accepted for SIRE (002 art. 40 par. num. 2). */
  public static final List<String> MIGRATORY_DOCUMENT_TYPES =
      List.of("CARNE_DIPLOMATICO", "PEP", "PPT", "VISA", "PASAPORTE");
  /** Values of {@code approvedSupport} (002 art. 40.4). */
  public static final List<String> APPROVED_SUPPORTS = List.of("AIR_TICKETS", "STAY", "BOTH");

  /** Document and card numbers: letters, digits, dots and hyphens. */
  static final Pattern DOCUMENT_NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,39}");

  private static final int REF = 1000;
  private static final int LONG = 4000;

  /**
   * Checks and normalizes the outputs of the completed task, by task definition key.
   *
   * @throws InvalidVariableException naming the first bad variable
   */
  @Override
  public void notify(DelegateTask task) {
    switch (task.getTaskDefinitionKey()) {
      case "Task_ApproveWorkPlan" -> approveWorkPlan(task);
      case "Task_RecordHomeEndorsement" -> VisitingProfessorSteps.applyEndorsement(task);
      case "Task_ReviewSupport" -> reviewSupport(task);
      case "Task_DecideSupportBudget" -> decideSupportBudget(task);
      case "Task_SendInvitationDocuments" -> sendInvitationDocuments(task);
      case "Task_InformMigrationRules" -> informMigrationRules(task);
      case "Task_DeliverSireDocuments" -> deliverSireDocuments(task);
      case "Task_ProvideAcademicInformation" -> provideAcademicInformation(task);
      case "Task_CulturalAdaptation" -> culturalAdaptation(task);
      case "Task_IssueIdCard" -> issueIdCard(task);
      default -> throw new IllegalStateException("No completion rules for task "
          + task.getTaskDefinitionKey() + " of visiting-professor");
    }
  }

  /**
   * V3 (002 art. 40.3): {@code workPlanApproved}; {@code workPlanNotes} required when not
   * approved, then {@code workPlanRejection} explains it for the notification.
   */
  private void approveWorkPlan(DelegateTask task) {
    boolean approved = requiredBoolean("workPlanApproved", task.getVariable("workPlanApproved"));
    task.setVariable("workPlanApproved", approved);
    String notes = optionalText("workPlanNotes", task.getVariable("workPlanNotes"), LONG);
    if (!approved) {
      if (notes == null) {
        throw new InvalidVariableException("workPlanNotes",
            "es obligatorio cuando no se aprueba el plan de trabajo: explique el motivo al coordinador");
      }
      task.setVariable("workPlanRejection",
          "La dirección de programa no aprobó el plan de trabajo. Observaciones: " + notes);
    }
  }

  /**
   * V5 (002 art. 40.4, "excepcionalmente ... según el proyecto y la disponibilidad
   * presupuestal"): {@code supportRecommended}; {@code supportRecommendationNotes} required when
   * not recommended, then {@code supportApproved} is false and {@code supportDecisionText}
   * explains it.
   */
  private void reviewSupport(DelegateTask task) {
    boolean recommended = requiredBoolean("supportRecommended", task.getVariable("supportRecommended"));
    task.setVariable("supportRecommended", recommended);
    String notes = optionalText("supportRecommendationNotes", task.getVariable("supportRecommendationNotes"), LONG);
    if (!recommended) {
      if (notes == null) {
        throw new InvalidVariableException("supportRecommendationNotes",
            "es obligatorio cuando no se recomienda el apoyo: explique el motivo");
      }
      task.setVariable("supportApproved", false);
      task.setVariable("supportDecisionText", "La vicerrectoría del área no recomendó el apoyo solicitado ("
          + VisitingProfessorSteps.supportText((String) task.getVariable("supportRequested")) + "). Observaciones: "
          + notes + "\nLos costos de la movilidad los asume el participante y/o la institución de origen"
          + " (Acuerdo 106 de 2023, art. 40 num. 4).");
    }
  }

  /**
   * V5 (002 art. 40.4): {@code supportApproved}; when approved, {@code approvedSupport} (within
   * what was requested) and an optional {@code approvedAmount} (pesos, not negative); when not,
   * {@code budgetNotes} is required. {@code supportDecisionText} explains the decision, with the
   * stay window of T22 when the stay is supported.
   */
  private void decideSupportBudget(DelegateTask task) {
    boolean approved = requiredBoolean("supportApproved", task.getVariable("supportApproved"));
    task.setVariable("supportApproved", approved);
    String notes = optionalText("budgetNotes", task.getVariable("budgetNotes"), LONG);
    String requested = (String) task.getVariable("supportRequested");
    if (!approved) {
      if (notes == null) {
        throw new InvalidVariableException("budgetNotes",
            "es obligatorio cuando no se aprueba el apoyo: explique el motivo");
      }
      task.setVariable("supportDecisionText", "La vicerrectoría administrativa y financiera no aprobó el apoyo"
          + " solicitado (" + VisitingProfessorSteps.supportText(requested) + "). Observaciones: " + notes
          + "\nLos costos de la movilidad los asume el participante y/o la institución de origen"
          + " (Acuerdo 106 de 2023, art. 40 num. 4).");
      return;
    }
    String granted = requiredEnum("approvedSupport", task.getVariable("approvedSupport"), APPROVED_SUPPORTS);
    if (!"BOTH".equals(requested) && !granted.equals(requested)) {
      throw new InvalidVariableException("approvedSupport", "solo puede aprobarse lo solicitado ("
          + VisitingProfessorSteps.supportText(requested) + ")");
    }
    BigDecimal amount = amount(task.getVariable("approvedAmount"));
    task.setVariable("approvedAmount", amount == null ? null : amount.doubleValue());
    StringBuilder text = new StringBuilder("Apoyo aprobado: ")
        .append(VisitingProfessorSteps.supportText(granted));
    if (amount != null) {
      NumberFormat pesos = NumberFormat.getNumberInstance(Locale.forLanguageTag("es-CO"));
      text.append(", por $").append(pesos.format(amount)).append(" (pesos colombianos)");
    }
    text.append('.');
    if (!"AIR_TICKETS".equals(granted)) {
      text.append("\nEstadía cubierta ").append(task.getVariable("stayWindowText"))
          .append(" (Acuerdo 106 de 2023, art. 40 num. 4).");
    }
    if (notes != null) {
      text.append("\nObservaciones: ").append(notes);
    }
    task.setVariable("supportDecisionText", text.toString());
  }

  /** V6 (002 art. 41.1): {@code invitationDocumentsRef}, {@code invitationSentDate} (not in the future). */
  private void sendInvitationDocuments(DelegateTask task) {
    requiredText("invitationDocumentsRef", task.getVariable("invitationDocumentsRef"), REF);
    setPastDate(task, "invitationSentDate");
    optionalText("invitationNotes", task.getVariable("invitationNotes"), LONG);
  }

  /** V7 (002 art. 41.5): {@code migrationInfoSentDate} (not in the future), optional notes. */
  private void informMigrationRules(DelegateTask task) {
    setPastDate(task, "migrationInfoSentDate");
    optionalText("migrationInfoNotes", task.getVariable("migrationInfoNotes"), LONG);
  }

  /**
   * V8 (002 art. 40 par., procedures.md §4.6 rows 2–4): {@code visitorDocumentType}
   * ({@link #VISITOR_DOCUMENT_TYPES}), {@code visitorDocumentNumber}, {@code visitorDocumentRef},
   * {@code migratoryDocumentType} ({@link #MIGRATORY_DOCUMENT_TYPES}),
   * {@code migratoryDocumentRef}, optional {@code additionalSireDocsRef}.
   */
  private void deliverSireDocuments(DelegateTask task) {
    requiredEnum("visitorDocumentType", task.getVariable("visitorDocumentType"), VISITOR_DOCUMENT_TYPES);
    documentNumber(task, "visitorDocumentNumber");
    task.setVariable("visitorDocumentRef", requiredText("visitorDocumentRef", task.getVariable("visitorDocumentRef"), REF));
    requiredEnum("migratoryDocumentType", task.getVariable("migratoryDocumentType"), MIGRATORY_DOCUMENT_TYPES);
    task.setVariable("migratoryDocumentRef",
        requiredText("migratoryDocumentRef", task.getVariable("migratoryDocumentRef"), REF));
    String more = optionalText("additionalSireDocsRef", task.getVariable("additionalSireDocsRef"), REF);
    task.setVariable("additionalSireDocsRef", more);
  }

  /** V10 a (002 art. 41.2): {@code academicInfoDeliveredDate} (not in the future), optional notes. */
  private void provideAcademicInformation(DelegateTask task) {
    setPastDate(task, "academicInfoDeliveredDate");
    optionalText("academicInfoNotes", task.getVariable("academicInfoNotes"), LONG);
  }

  /** V10 b (002 art. 41.3): {@code culturalSupportNotes} (what was offered), optional {@code culturalMentorName}. */
  private void culturalAdaptation(DelegateTask task) {
    requiredText("culturalSupportNotes", task.getVariable("culturalSupportNotes"), LONG);
    optionalText("culturalMentorName", task.getVariable("culturalMentorName"), 200);
  }

  /** V10 c (002 art. 41.6, T23): {@code idCardNumber}, {@code idCardIssuedDate} (not in the future). */
  private void issueIdCard(DelegateTask task) {
    documentNumber(task, "idCardNumber");
    setPastDate(task, "idCardIssuedDate");
  }

  private static void documentNumber(DelegateTask task, String name) {
    String number = requiredText(name, task.getVariable(name), 40);
    if (!DOCUMENT_NUMBER.matcher(number).matches()) {
      throw new InvalidVariableException(name, "solo admite letras, números, puntos y guiones: '" + number + "'");
    }
    task.setVariable(name, number);
  }

  private static void setPastDate(DelegateTask task, String name) {
    LocalDate day = requiredDate(name, task.getVariable(name));
    if (day.isAfter(AgreementValues.toLocalDate(ClockUtil.getCurrentTime()))) {
      throw new InvalidVariableException(name, "no puede ser una fecha futura (" + day.format(DAY) + ")");
    }
    task.setVariable(name, AgreementValues.toDate(day));
  }

  /** An optional amount in pesos: a number (or numeric text) not below zero. */
  private static BigDecimal amount(Object value) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      return null;
    }
    BigDecimal amount;
    try {
      amount = value instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(value.toString().strip());
    } catch (NumberFormatException e) {
      throw new InvalidVariableException("approvedAmount", "debe ser un valor en pesos, no '" + value + "'");
    }
    if (amount.signum() < 0) {
      throw new InvalidVariableException("approvedAmount", "no puede ser negativo (" + amount + ")");
    }
    return amount;
  }
}
