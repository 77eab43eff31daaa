package co.ori.mobility.funding;

import static co.ori.agreements.AgreementValues.optionalDate;
import static co.ori.agreements.AgreementValues.optionalText;
import static co.ori.agreements.AgreementValues.requiredBoolean;
import static co.ori.agreements.AgreementValues.requiredDate;
import static co.ori.agreements.AgreementValues.requiredEnum;
import static co.ori.agreements.AgreementValues.requiredText;

import co.ori.agreements.AgreementValues;
import co.ori.support.InvalidVariableException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Task listener {@code camunda:delegateExpression="${ufpsSupportTaskCompletion}"} on the
 * {@code complete} event of every user task of {@code ufps-financial-support} ({@code procedures.md}
 * §7.2 F3–F8, §6.3): checks and normalizes the outputs, including the cross-field rules a Camunda
 * Form cannot express. Radio values {@code "true"}/{@code "false"} become Boolean, form dates
 * {@code yyyy-MM-dd} become {@code Date} (start of day, America/Bogota), amounts become Double
 * (pesos). A problem is thrown as an {@link InvalidVariableException} naming the variable: the
 * completion is rolled back and Tasklist (or REST, HTTP 400) shows the message.
 */
@Component("ufpsSupportTaskCompletion")
public class UfpsSupportTaskCompletion implements TaskListener {

  /** Values of {@code unitRecommendation} (F4, art. 30). */
  public static final List<String> RECOMMENDATIONS = List.of("FAVORABLE", "UNFAVORABLE");
  /** Values of {@code socioEconomicPriority} (F4, art. 30). */
  public static final List<String> PRIORITIES = List.of("ALTA", "MEDIA", "BAJA");
  /** Origin of the air tickets unless the student asks otherwise in writing (art. 25–28). */
  public static final String CUCUTA = "Cúcuta";

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  /**
   * Checks and normalizes the outputs of the completed task, by task definition key.
   *
   * @throws InvalidVariableException naming the first bad variable
   */
  @Override
  public void notify(DelegateTask task) {
    switch (task.getTaskDefinitionKey()) {
      case "Task_VerifyDocuments" -> verifyDocuments(task);
      case "Task_UnitRecommendation" -> {
        task.setVariable("unitRecommendation", requiredEnum("unitRecommendation", task.getVariable("unitRecommendation"), RECOMMENDATIONS));
        task.setVariable("recommendationNotes", requiredText("recommendationNotes", task.getVariable("recommendationNotes"), SupportValues.LONG));
      }
      case "Task_SocioEconomicStudy" -> {
        task.setVariable("socioEconomicStudy", requiredText("socioEconomicStudy", task.getVariable("socioEconomicStudy"), SupportValues.REF));
        task.setVariable("socioEconomicPriority", requiredEnum("socioEconomicPriority", task.getVariable("socioEconomicPriority"), PRIORITIES));
        task.setVariable("socioEconomicSummary", optionalText("socioEconomicSummary", task.getVariable("socioEconomicSummary"), SupportValues.LONG));
      }
      case "Task_EvaluationSelection" -> selection(task);
      case "Task_AdministrativeApproval" -> approval(task);
      case "Task_RegisterPayment" -> payment(task);
      case "Task_CouncilSanctions" -> {
        task.setVariable("councilDecision", requiredText("councilDecision", task.getVariable("councilDecision"), SupportValues.LONG));
        task.setVariable("banFinancialSupport", requiredBoolean("banFinancialSupport", task.getVariable("banFinancialSupport")));
        task.setVariable("councilOrdersRefund", requiredBoolean("councilOrdersRefund", task.getVariable("councilOrdersRefund")));
      }
      case "Task_RefundOrder" -> refund(task);
      default -> throw new IllegalStateException("No completion rules for task " + task.getTaskDefinitionKey()
          + " of ufps-financial-support");
    }
  }

  private static void verifyDocuments(DelegateTask task) {
    boolean verified = requiredBoolean("docsVerified", task.getVariable("docsVerified"));
    task.setVariable("docsVerified", verified);
    String notes = optionalText("docsNotes", task.getVariable("docsNotes"), SupportValues.LONG);
    if (!verified && notes == null) {
      throw new InvalidVariableException("docsNotes", "indique los trámites o documentos que faltan (art. 34 num. 4)");
    }
    task.setVariable("docsNotes", notes == null ? "" : notes);
    if (!verified) {
      return;
    }
    // the form edits docsSupportStart/docsSupportEnd (prefilled as yyyy-MM-dd); REST may send supportStart/supportEnd
    LocalDate start = optionalDate("docsSupportStart", task.getVariable("docsSupportStart"));
    LocalDate end = optionalDate("docsSupportEnd", task.getVariable("docsSupportEnd"));
    start = start != null ? start : optionalDate("supportStart", task.getVariable("supportStart"));
    end = end != null ? end : optionalDate("supportEnd", task.getVariable("supportEnd"));
    if (start == null || end == null) {
      throw new InvalidVariableException(start == null ? "docsSupportStart" : "docsSupportEnd",
          "es obligatoria: el periodo del apoyo se define por la carta de aceptación o los tiquetes (art. 33)");
    }
    if (end.isBefore(start)) {
      throw new InvalidVariableException("docsSupportEnd", "no puede ser anterior al inicio del apoyo (" + DAY.format(start) + ")");
    }
    if (end.isAfter(start.plusYears(UfpsSupportRequestRules.MAX_YEARS))) {
      throw new InvalidVariableException("docsSupportEnd", "el apoyo no puede durar más de " + UfpsSupportRequestRules.MAX_YEARS + " años");
    }
    task.setVariable("supportStart", AgreementValues.toDate(start));
    task.setVariable("supportEnd", AgreementValues.toDate(end));
    task.setVariable("supportPeriodLabel", DAY.format(start) + " a " + DAY.format(end));
    task.setVariable("supportEndLabel", DAY.format(end));
    if (Boolean.TRUE.equals(task.getVariable("airfareIncluded"))) {
      BigDecimal quote = SupportValues.optionalAmount("airfareQuote", task.getVariable("airfareQuote"));
      if (quote == null || quote.signum() <= 0) {
        throw new InvalidVariableException("airfareQuote", "indique el valor de la cotización de los tiquetes ida y regreso"
            + " (pesos); el programa los cubre (art. 25-28)");
      }
      task.setVariable("airfareQuote", quote.doubleValue());
      String origin = optionalText("airfareOrigin", task.getVariable("airfareOrigin"), 100);
      origin = origin == null ? CUCUTA : origin;
      task.setVariable("airfareOrigin", origin);
      if (!SupportValues.countryKey(origin).equals(SupportValues.countryKey(CUCUTA))
          && optionalText("airfareOriginRequest", task.getVariable("airfareOriginRequest"), SupportValues.REF) == null) {
        throw new InvalidVariableException("airfareOriginRequest", "un origen distinto de Cúcuta requiere la solicitud"
            + " escrita y justificada del estudiante (art. 25-28)");
      }
    } else {
      task.setVariable("airfareQuote", 0.0);
    }
  }

  private static void selection(DelegateTask task) {
    boolean selected = requiredBoolean("selected", task.getVariable("selected"));
    task.setVariable("selected", selected);
    String notes = optionalText("selectionNotes", task.getVariable("selectionNotes"), SupportValues.LONG);
    if (selected) {
      Integer ranking = AgreementValues.optionalInteger("ranking", task.getVariable("ranking"), 1, 10_000);
      if (ranking == null) {
        throw new InvalidVariableException("ranking", "indique el puesto del estudiante en la selección (1 o más)");
      }
      task.setVariable("ranking", ranking);
    } else if (notes == null) {
      throw new InvalidVariableException("selectionNotes", "indique el motivo de la no selección; se informa al estudiante");
    }
    task.setVariable("selectionNotes", notes == null ? "" : notes);
    task.setVariable("selectionMinute", optionalText("selectionMinute", task.getVariable("selectionMinute"), SupportValues.REF));
  }

  private static void approval(DelegateTask task) {
    boolean approved = requiredBoolean("approved", task.getVariable("approved"));
    task.setVariable("approved", approved);
    String notes = optionalText("approvalNotes", task.getVariable("approvalNotes"), SupportValues.LONG);
    task.setVariable("committeeAct", optionalText("committeeAct", task.getVariable("committeeAct"), SupportValues.REF));
    if (!approved) {
      if (notes == null) {
        throw new InvalidVariableException("approvalNotes", "indique el motivo; se informa al estudiante");
      }
      task.setVariable("approvalNotes", notes);
      return;
    }
    task.setVariable("approvalNotes", notes == null ? "" : notes);
    BigDecimal amount = SupportValues.optionalAmount("approvedAmount", task.getVariable("approvedAmount"));
    if (amount == null || amount.signum() <= 0) {
      throw new InvalidVariableException("approvedAmount", "indique el valor aprobado en pesos (mayor que 0, art. 30)");
    }
    BigDecimal proposed = new BigDecimal(task.getVariable("proposedAmount").toString());
    boolean committee = Boolean.TRUE.equals(task.getVariable("amountSetByCommittee"));
    if (!committee && amount.compareTo(proposed) > 0) {
      throw new InvalidVariableException("approvedAmount", "no puede superar la cuantía que da la norma para este programa ("
          + SupportValues.pesos(proposed) + ")");
    }
    task.setVariable("approvedAmount", amount.doubleValue());
  }

  private static void payment(DelegateTask task) {
    task.setVariable("paymentRef", requiredText("paymentRef", task.getVariable("paymentRef"), SupportValues.REF));
    LocalDate paidOn = requiredDate("paidOn", task.getVariable("paidOn"));
    LocalDate today = AgreementValues.toLocalDate(ClockUtil.getCurrentTime());
    if (paidOn.isAfter(today)) {
      throw new InvalidVariableException("paidOn", "no puede ser posterior a hoy (" + DAY.format(today) + ")");
    }
    task.setVariable("paidOn", AgreementValues.toDate(paidOn));
  }

  private static void refund(DelegateTask task) {
    BigDecimal amount = SupportValues.optionalAmount("refundAmount", task.getVariable("refundAmount"));
    BigDecimal paid = new BigDecimal(task.getVariable("paidAmount").toString());
    if (amount == null || amount.signum() <= 0 || amount.compareTo(paid) > 0) {
      throw new InvalidVariableException("refundAmount", "debe ser mayor que 0 y no mayor que lo pagado ("
          + SupportValues.pesos(paid) + ", art. 19 par. 2)");
    }
    task.setVariable("refundAmount", amount.doubleValue());
    task.setVariable("refundOrderRef", requiredText("refundOrderRef", task.getVariable("refundOrderRef"), SupportValues.REF));
    task.setVariable("refundNotes", optionalText("refundNotes", task.getVariable("refundNotes"), SupportValues.LONG));
  }
}
