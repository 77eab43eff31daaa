package co.ori.mobility.funding;

import co.ori.agreements.AgreementValues;
import co.ori.mobility.Ban;
import co.ori.mobility.BanRegistry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * The Java steps of {@code processes/ufps-financial-support.bpmn} ({@code procedures.md} §7.1–7.2,
 * §6.3 U1–U9; 004 art. 19, 24–34, 41, 47), as the bean {@code ufpsSupport}, e.g.
 * {@code ${ufpsSupport.prepare(execution)}}. Every method runs in the engine's transaction; a
 * failure rolls the step back.
 *
 * <p>Variables it writes: {@code personId}, {@code studentMailTo}, {@code supportStart},
 * {@code supportEnd}, {@code hasFinancialSupportBan}, {@code hasUnjustifiedWithdrawalBan},
 * {@code priorSemesterSupport}, {@code regionCountryKey}, {@code partnerCountryKey}, labels (F2);
 * {@code excluded}, {@code exclusionRules}, {@code exclusionText}; the amount rule
 * ({@code airfareIncluded}, {@code monthlyRateSmmlv}, …); {@code proposedAmount} and
 * {@code proposedSchedule} (F7); {@code paymentSchedule}, {@code instalmentCount},
 * {@code supportApprovedAmount}; {@code paidAmount}; on loss {@code lossCause},
 * {@code councilRequired}, {@code refundRequired}; and the results {@code supportOutcome} (String)
 * and {@code supportApprovedAmount} (Double, pesos) that the calling procedures map out.
 */
@Component("ufpsSupport")
public class UfpsSupport {

  /** Values of {@code supportOutcome}, the result returned to the calling procedures. */
  public static final List<String> OUTCOMES = List.of("APPROVED_AND_PAID", "EXCLUDED", "NOT_SELECTED",
      "NOT_APPROVED", "LOST");
  /** Source rule of the ban recorded for an unjustified renunciation (U7). */
  public static final String U7_SOURCE = "004 art. 32 par. 2 (U7)";
  /** Source rule of the ban decided by the Consejo Académico (U4). */
  public static final String U4_SOURCE = "004 art. 41 par. 1 (U4)";

  /** Exclusion rules of the DMN {@code ufps-support-exclusions}, with their Spanish reasons. */
  public static final Map<String, String> EXCLUSION_RULES = Map.of(
      "UF-FS-01", "Tiene una sanción vigente que le impide recibir apoyos económicos de la UFPS (art. 19 par. 1).",
      "UF-FS-02", "Ya recibió una beca o apoyo económico de programas de movilidad estudiantil internacional por semestre de la UFPS (art. 32 par. 2).",
      "UF-FS-03", "Desistió sin causa justificada de un programa de internacionalización de la UFPS (art. 32 par. 2).",
      "UF-FS-04", "El programa solicitado no corresponde a esta movilidad: Beca UFPS y Beca ORII son de movilidad saliente internacional (art. 27-28), BRACOL es con Brasil (art. 25) y PILA con Argentina o México (art. 26).");

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final BanRegistry bans;
  private final JdbcSupportGrantRegistry grants;
  private final FinancialSupportSettings settings;

  /**
   * @param bans the bans registry (procedures.md §6.4)
   * @param grants approved supports and instalments (V7)
   * @param settings SMMLV per year
   */
  public UfpsSupport(BanRegistry bans, JdbcSupportGrantRegistry grants, FinancialSupportSettings settings) {
    this.bans = bans;
    this.grants = grants;
    this.settings = settings;
  }

  /**
   * F2 inputs (004 art. 19 par. 1, 32 par. 2, 33): support period (default: the mobility dates),
   * the student's mail recipient ({@code studentMailTo} from the caller, else {@code email}, else
   * the ORII), bans in force ({@code UFPS_FINANCIAL_SUPPORT} → U1, {@code UFPS_SUPPORT_EXCLUDED} →
   * U7) on today's date or the target period, earlier international semester supports received (U8),
   * the country keys of the decision tables, and labels.
   */
  public void prepare(DelegateExecution execution) {
    String tenant = execution.getTenantId();
    String personId = text(execution, "documentNumber");
    execution.setVariable("personId", personId);
    execution.setVariable("supportCaseId", execution.getProcessBusinessKey());
    if (blank(execution.getVariable("studentMailTo"))) {
      Object email = execution.getVariable("email");
      execution.setVariable("studentMailTo", blank(email) ? "group:ori-staff" : ((String) email).strip());
    }
    if (execution.getVariable("supportStart") == null) {
      execution.setVariable("supportStart", execution.getVariable("startDate"));
      execution.setVariable("supportEnd", execution.getVariable("endDate"));
    }
    LocalDate today = AgreementValues.toLocalDate(ClockUtil.getCurrentTime());
    String period = execution.getVariable("targetPeriod") instanceof String p ? p : null;
    execution.setVariable("hasFinancialSupportBan", banned(tenant, personId, Ban.Scope.UFPS_FINANCIAL_SUPPORT, today, period));
    execution.setVariable("hasUnjustifiedWithdrawalBan", banned(tenant, personId, Ban.Scope.UFPS_SUPPORT_EXCLUDED, today, period));
    List<SupportGrant> earlier = grants.receivedSemesterInternational(tenant, personId, execution.getProcessBusinessKey());
    execution.setVariable("priorSemesterSupport", !earlier.isEmpty());
    execution.setVariable("priorSupportText", String.join(", ", earlier.stream()
        .map(g -> g.id() + " (" + SupportProgram.valueOf(g.supportProgram()).label() + ")").toList()));

    String direction = text(execution, "direction");
    String host = (String) execution.getVariable("hostCountry");
    String home = (String) execution.getVariable("homeCountry");
    boolean outgoing = "OUTGOING".equals(direction);
    execution.setVariable("partnerCountry", outgoing ? host : home);
    execution.setVariable("partnerCountryKey", SupportValues.countryKey(outgoing ? host : home));
    execution.setVariable("regionCountryKey", outgoing ? SupportValues.countryKey(host) : "COLOMBIA");

    SupportProgram program = SupportProgram.valueOf(text(execution, "supportProgram"));
    execution.setVariable("supportProgramLabel", program.label());
    execution.setVariable("directionLabel", SupportValues.DIRECTIONS.get(direction));
    execution.setVariable("scopeLabel", SupportValues.SCOPES.get(text(execution, "scope")));
    execution.setVariable("supportApprovedAmount", 0.0);
    execution.setVariable("paidAmount", 0.0);
    periodLabels(execution);
  }

  /**
   * F2 → gateway: turns the rule ids collected by the DMN {@code ufps-support-exclusions}
   * ({@code exclusionRuleIds}, removed afterwards) into {@code excluded}, {@code exclusionRules}
   * (Json array, no duplicates, in table order) and {@code exclusionText}.
   *
   * @throws IllegalStateException when the result is missing or names an unknown rule
   */
  public void recordExclusions(DelegateExecution execution) {
    Object raw = execution.getVariable("exclusionRuleIds");
    if (!(raw instanceof List<?> list)) {
      throw new IllegalStateException("The DMN ufps-support-exclusions returned no list: " + raw);
    }
    LinkedHashSet<String> ids = new LinkedHashSet<>();
    for (Object id : list) {
      if (!EXCLUSION_RULES.containsKey(String.valueOf(id))) {
        throw new IllegalStateException("Unknown exclusion rule " + id);
      }
      ids.add(String.valueOf(id));
    }
    execution.removeVariable("exclusionRuleIds");
    execution.setVariable("excluded", !ids.isEmpty());
    execution.setVariable("exclusionRules", Spin.JSON(new ArrayList<>(ids)));
    execution.setVariable("exclusionText", String.join("\n", ids.stream()
        .map(id -> "- " + id + ": " + EXCLUSION_RULES.get(id)).toList()));
  }

  /**
   * Flattens the results of the DMN {@code ufps-support-region} ({@code regionResult}) and
   * {@code ufps-support-amount} ({@code amountRule}) into variables and a Spanish label.
   *
   * @throws IllegalStateException when a table has no result (the exclusions let through only
   *     programmes the amount table covers)
   */
  public void recordAmountRule(DelegateExecution execution) {
    Map<String, Object> region = map(execution.getVariable("regionResult"), "ufps-support-region");
    Map<String, Object> rule = map(execution.getVariable("amountRule"), "ufps-support-amount");
    execution.removeVariable("regionResult");
    execution.removeVariable("amountRule");
    execution.setVariable("region", region.get("region"));
    execution.setVariable("regionLabel", region.get("regionLabel"));
    boolean airfare = Boolean.TRUE.equals(rule.get("airfareIncluded"));
    Object rate = rule.get("monthlyRateSmmlv");
    boolean committee = Boolean.TRUE.equals(rule.get("amountSetByCommittee"));
    execution.setVariable("airfareIncluded", airfare);
    execution.setVariable("monthlyRateSmmlv", rate == null ? null : ((Number) rate).doubleValue());
    execution.setVariable("rateIsMaximum", Boolean.TRUE.equals(rule.get("rateIsMaximum")));
    execution.setVariable("legalDeductions", Boolean.TRUE.equals(rule.get("legalDeductions")));
    execution.setVariable("amountSetByCommittee", committee);
    execution.setVariable("amountRuleSource", rule.get("ruleSource"));
    List<String> parts = new ArrayList<>();
    if (airfare) {
      parts.add("tiquetes aéreos ida y regreso desde Cúcuta (según cotización)");
    }
    if (rate != null) {
      parts.add((Boolean.TRUE.equals(rule.get("rateIsMaximum")) ? "máximo " : "") + SupportValues.decimal(
          new BigDecimal(rate.toString())) + " SMMLV por mes o fracción proporcional (hospedaje y alimentación)");
    }
    if (committee) {
      parts.add("cuantía que fija el Comité Administrativo");
    }
    if (Boolean.TRUE.equals(rule.get("legalDeductions"))) {
      parts.add("sujeto a descuentos de ley");
    }
    execution.setVariable("amountRuleLabel", String.join(" + ", parts) + " (" + rule.get("ruleSource") + ")");
  }

  /**
   * F7 proposal (004 art. 25–27, 33; §9 Q30): the amount the regulation gives for the support
   * period, with each monthly instalment at the SMMLV of its due date's year, plus the airfare quote.
   * Writes {@code proposedAmount} (Double, pesos), {@code proposedSchedule} (Json),
   * {@code supportMonths} (Double), {@code proposalText} and {@code proposedAmountLabel}.
   *
   * @throws IllegalStateException when a year has no SMMLV configured (incident)
   */
  public void propose(DelegateExecution execution) {
    List<SupportSchedule.Instalment> proposal = proposal(execution);
    BigDecimal total = SupportSchedule.total(proposal);
    LocalDate start = day(execution, "supportStart");
    LocalDate end = day(execution, "supportEnd");
    execution.setVariable("supportMonths", SupportSchedule.months(start, end).doubleValue());
    execution.setVariable("proposedAmount", total.doubleValue());
    execution.setVariable("proposedSchedule", json(proposal));
    boolean committee = Boolean.TRUE.equals(execution.getVariable("amountSetByCommittee"));
    execution.setVariable("proposedAmountLabel", SupportValues.pesos(total)
        + (committee ? " + cuantía que fija el Comité Administrativo" : "")
        + (Boolean.TRUE.equals(execution.getVariable("rateIsMaximum")) ? " (máximo)" : ""));
    execution.setVariable("proposalText", scheduleText(proposal));
  }

  /**
   * F7 after F6: the approved schedule (airfare first, the rest over the months, §7.1), recorded
   * in {@code ufps_support_grant}/{@code ufps_support_payment}. Writes {@code paymentSchedule}
   * (Json), {@code instalmentCount}, {@code supportApprovedAmount} (Double, pesos),
   * {@code approvedAmountLabel}, {@code scheduleText}.
   */
  public void schedule(DelegateExecution execution) {
    BigDecimal approved = SupportValues.optionalAmount("approvedAmount", execution.getVariable("approvedAmount"));
    LocalDate start = day(execution, "supportStart");
    LocalDate end = day(execution, "supportEnd");
    List<SupportSchedule.Instalment> schedule = SupportSchedule.approved(proposal(execution), start, end, approved);
    String tenant = execution.getTenantId();
    String direction = text(execution, "direction");
    String scope = text(execution, "scope");
    String type = execution.getVariable("ufpsType") instanceof String t ? t : null;
    String program = text(execution, "supportProgram");
    boolean semesterInternational = "OUTGOING".equals(direction) && "INTERNACIONAL".equals(scope)
        && (type != null ? type.startsWith("SEM_") : List.of("BRACOL", "PILA", "BECA_UFPS", "BECA_ORII").contains(program));
    grants.grant(new SupportGrant(tenant, execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
        text(execution, "documentNumber"), text(execution, "fullName"), program, direction, scope, type,
        semesterInternational, (String) execution.getVariable("targetPeriod"), (String) execution.getVariable("agreementId"),
        (String) execution.getVariable("partnerCountry"), (String) execution.getVariable("region"), start, end,
        approved, BigDecimal.ZERO, SupportGrant.Status.GRANTED, null, null, null), schedule);
    execution.setVariable("paymentSchedule", json(schedule));
    execution.setVariable("instalmentCount", schedule.size());
    execution.setVariable("supportApprovedAmount", SupportSchedule.total(schedule).doubleValue());
    execution.setVariable("approvedAmountLabel", SupportValues.pesos(SupportSchedule.total(schedule)));
    execution.setVariable("scheduleText", scheduleText(schedule));
  }

  /**
   * F8, first step of each iteration: reads instalment {@code loopCounter} of
   * {@code paymentSchedule} into local variables {@code instalmentNumber}, {@code instalmentDueDate}
   * (start of the due day, America/Bogota), {@code instalmentAmount} (Double) and {@code instalmentLabel}.
   */
  public void instalment(DelegateExecution execution) {
    int index = ((Number) execution.getVariable("loopCounter")).intValue();
    SpinJsonNode item = ((SpinJsonNode) execution.getVariable("paymentSchedule")).elements().get(index);
    LocalDate due = LocalDate.parse(item.prop("dueDate").stringValue());
    execution.setVariableLocal("instalmentNumber", item.prop("number").numberValue().intValue());
    execution.setVariableLocal("instalmentDueDate", AgreementValues.toDate(due));
    execution.setVariableLocal("instalmentAmount", item.prop("amount").numberValue().doubleValue());
    execution.setVariableLocal("instalmentLabel", "Cuota " + item.prop("number").numberValue().intValue() + " de "
        + execution.getVariable("instalmentCount") + ": " + item.prop("conceptLabel").stringValue()
        + (item.hasProp("coveredFrom") && !item.prop("coveredFrom").isNull()
            ? " del " + DAY.format(LocalDate.parse(item.prop("coveredFrom").stringValue())) + " al "
                + DAY.format(LocalDate.parse(item.prop("coveredTo").stringValue())) : "")
        + ", " + SupportValues.pesos(new BigDecimal(item.prop("amount").numberValue().toString()))
        + ", pago desde el " + DAY.format(due));
  }

  /** F8: marks the iteration's instalment paid ({@code paymentRef}, {@code paidOn}) and adds it to {@code paidAmount}. */
  public void recordPayment(DelegateExecution execution) {
    int number = ((Number) execution.getVariable("instalmentNumber")).intValue();
    BigDecimal amount = grants.markPaid(execution.getTenantId(), execution.getProcessBusinessKey(), number,
        day(execution, "paidOn"), text(execution, "paymentRef"));
    BigDecimal paid = BigDecimal.valueOf(((Number) execution.getVariable("paidAmount")).doubleValue()).add(amount);
    execution.setVariable("paidAmount", paid.doubleValue());
  }

  /**
   * U9 · X5 · 004 art. 47 par.: the mobility was extended ({@code newEndDate} of the message
   * {@code MobilityExtended}); the support is not: {@code extendedEndDate} is recorded and the
   * schedule and {@code supportEnd} stay as approved.
   */
  public void recordExtension(DelegateExecution execution) {
    LocalDate newEnd = AgreementValues.optionalDate("newEndDate", execution.getVariable("newEndDate"));
    execution.setVariable("extendedEndDate", newEnd == null ? null : AgreementValues.toDate(newEnd));
    execution.setVariable("extendedEndLabel", newEnd == null ? "sin fecha informada" : DAY.format(newEnd));
  }

  /** F10: every instalment paid; the support is closed (PAID) and stays on record for U8. */
  public void close(DelegateExecution execution) {
    grants.close(execution.getTenantId(), execution.getProcessBusinessKey());
    execution.setVariable("paidAmountLabel", SupportValues.pesos(paid(execution)));
  }

  /**
   * U3 (004 art. 34): stops the payments (pending instalments CANCELLED, support LOST) and records
   * the cause. Message variables: {@code lossCause} (1–6 or code), {@code lossReason} (required),
   * {@code justifiedCause} (Boolean; force majeure is always justified; default false otherwise),
   * {@code wasteEvidenced} (Boolean, default false: U2). Records the ban
   * {@code UFPS_SUPPORT_EXCLUDED} (open-ended, U7) for a voluntary renunciation without justified
   * cause. Sets {@code councilRequired} (support received and cause not justified: U4, art. 41 par. 1)
   * and {@code refundRequired} (U2: waste evidenced by the host and money received; §9 Q32).
   *
   * @throws co.ori.support.InvalidVariableException naming {@code lossCause} or {@code lossReason}
   */
  public void recordLoss(DelegateExecution execution) {
    LossCause cause = LossCause.parse(execution.getVariable("lossCause"));
    String reason = AgreementValues.requiredText("lossReason", execution.getVariable("lossReason"), SupportValues.LONG);
    Boolean given = AgreementValues.optionalBoolean("justifiedCause", execution.getVariable("justifiedCause"));
    boolean justified = cause == LossCause.FUERZA_MAYOR || Boolean.TRUE.equals(given);
    boolean waste = Boolean.TRUE.equals(AgreementValues.optionalBoolean("wasteEvidenced", execution.getVariable("wasteEvidenced")));
    String tenant = execution.getTenantId();
    String key = execution.getProcessBusinessKey();
    grants.stop(tenant, key, SupportGrant.Status.LOST, cause.number());
    BigDecimal paid = grants.findById(tenant, key).map(SupportGrant::paidAmount).orElse(BigDecimal.ZERO);
    execution.setVariable("lossCause", cause.number());
    execution.setVariable("lossCauseCode", cause.name());
    execution.setVariable("lossCauseLabel", cause.label());
    execution.setVariable("lossReason", reason);
    execution.setVariable("justifiedCause", justified);
    execution.setVariable("wasteEvidenced", waste);
    execution.setVariable("paidAmount", paid.doubleValue());
    execution.setVariable("paidAmountLabel", SupportValues.pesos(paid));
    List<String> consequences = new ArrayList<>();
    consequences.add("- Se suspenden los pagos pendientes del apoyo (art. 34).");
    if (cause == LossCause.RENUNCIA_VOLUNTARIA && !justified) {
      Ban ban = bans.record(tenant, new Ban(null, tenant, text(execution, "documentNumber"), Ban.Scope.UFPS_SUPPORT_EXCLUDED,
          List.of(), null, U7_SOURCE, execution.getProcessInstanceId(),
          "Desistió sin causa justificada del apoyo " + key + ": no podrá aplicar ni beneficiarse de programas con apoyo económico complementario.",
          null, null, null));
      execution.setVariable("exclusionBanId", ban.id());
      consequences.add("- No podrá aplicar ni beneficiarse de programas con apoyo económico complementario de la UFPS (art. 32 par. 2).");
    }
    boolean received = paid.signum() > 0;
    execution.setVariable("councilRequired", received && !justified);
    execution.setVariable("refundRequired", received && waste);
    if (received && !justified) {
      consequences.add("- El Consejo Académico determinará las sanciones aplicables (art. 41 par. 1).");
    }
    if (received && waste) {
      consequences.add("- Debe devolver a la Universidad los valores pagados por desaprovechamiento de la movilidad (art. 19 par. 2).");
    }
    execution.setVariable("consequencesText", String.join("\n", consequences));
  }

  /**
   * U4 (004 art. 41 par. 1): applies the Consejo Académico's decision: ban
   * {@code UFPS_FINANCIAL_SUPPORT} (open-ended) when {@code banFinancialSupport}; a refund when
   * {@code councilOrdersRefund} (§9 Q32).
   */
  public void applyCouncilDecision(DelegateExecution execution) {
    String tenant = execution.getTenantId();
    List<String> consequences = new ArrayList<>(List.of(text(execution, "consequencesText").split("\n")));
    consequences.add("- Decisión del Consejo Académico: " + text(execution, "councilDecision"));
    if (Boolean.TRUE.equals(execution.getVariable("banFinancialSupport"))) {
      Ban ban = bans.record(tenant, new Ban(null, tenant, text(execution, "documentNumber"), Ban.Scope.UFPS_FINANCIAL_SUPPORT,
          List.of(), null, U4_SOURCE, execution.getProcessInstanceId(),
          "Sanción del Consejo Académico por incumplimiento sin causa justificada del apoyo " + execution.getProcessBusinessKey(),
          null, null, null));
      execution.setVariable("councilBanId", ban.id());
      consequences.add("- No podrá recibir apoyos económicos de la UFPS (sanción del Consejo Académico).");
    }
    if (Boolean.TRUE.equals(execution.getVariable("councilOrdersRefund")) && !Boolean.TRUE.equals(execution.getVariable("refundRequired"))) {
      execution.setVariable("refundRequired", true);
      consequences.add("- Debe devolver a la Universidad los valores pagados (decisión del Consejo Académico).");
    }
    execution.setVariable("consequencesText", String.join("\n", consequences));
  }

  /** U2: records the refund order ({@code refundAmount}, {@code refundOrderRef}) on the support. */
  public void recordRefund(DelegateExecution execution) {
    BigDecimal amount = SupportValues.optionalAmount("refundAmount", execution.getVariable("refundAmount"));
    grants.recordRefund(execution.getTenantId(), execution.getProcessBusinessKey(), amount, text(execution, "refundOrderRef"));
    execution.setVariable("consequencesText", text(execution, "consequencesText")
        + "\n- Orden de reintegro " + text(execution, "refundOrderRef") + " por " + SupportValues.pesos(amount) + ".");
  }

  /**
   * Start listener of every outcome end event: {@code supportOutcome} (one of {@link #OUTCOMES}).
   * The documents-incomplete end also records {@code lossCause} 4 (art. 34.4).
   */
  public void outcome(DelegateExecution execution, String outcome) {
    if (!OUTCOMES.contains(outcome)) {
      throw new IllegalArgumentException("Unknown support outcome " + outcome);
    }
    execution.setVariable("supportOutcome", outcome);
    if ("EndEvent_DocumentsIncomplete".equals(execution.getCurrentActivityId())) {
      execution.setVariable("lossCause", LossCause.DOCUMENTOS_INCOMPLETOS.number());
    }
  }

  /**
   * Process end listener: when the case ends while its support is still being paid (the calling
   * procedure interrupted it: withdrawal, §2.h.4), the pending instalments are cancelled and the
   * support becomes WITHDRAWN. Normal ends leave nothing open, so nothing changes.
   */
  public void ended(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    if (key != null) {
      grants.stop(execution.getTenantId(), key, SupportGrant.Status.WITHDRAWN, null);
    }
  }

  /** Removes variables a repeated step must not find from an earlier pass. */
  public void clear(DelegateExecution execution, String names) {
    for (String name : names.split(",")) {
      execution.removeVariable(name.strip());
    }
  }

  // ---------------------------------------------------------------------------------------------

  private List<SupportSchedule.Instalment> proposal(DelegateExecution execution) {
    Object rate = execution.getVariable("monthlyRateSmmlv");
    BigDecimal airfare = Boolean.TRUE.equals(execution.getVariable("airfareIncluded"))
        ? SupportValues.optionalAmount("airfareQuote", execution.getVariable("airfareQuote")) : null;
    LocalDate today = AgreementValues.toLocalDate(ClockUtil.getCurrentTime());
    return SupportSchedule.proposal(day(execution, "supportStart"), day(execution, "supportEnd"),
        rate == null ? null : new BigDecimal(rate.toString()), airfare, today, settings::forYear);
  }

  private static SpinJsonNode json(List<SupportSchedule.Instalment> instalments) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (SupportSchedule.Instalment i : instalments) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("number", i.number());
      row.put("concept", i.concept().name());
      row.put("conceptLabel", i.concept().label());
      row.put("dueDate", i.dueDate().toString());
      row.put("coveredFrom", i.coveredFrom() == null ? null : i.coveredFrom().toString());
      row.put("coveredTo", i.coveredTo() == null ? null : i.coveredTo().toString());
      row.put("monthFraction", i.monthFraction() == null ? null : i.monthFraction().doubleValue());
      row.put("smmlvYear", i.smmlvYear());
      row.put("smmlv", i.smmlv() == null ? null : i.smmlv().doubleValue());
      row.put("smmlvEstimated", i.smmlvEstimated());
      row.put("amount", i.amount().doubleValue());
      rows.add(row);
    }
    return Spin.JSON(rows);
  }

  private static String scheduleText(List<SupportSchedule.Instalment> instalments) {
    if (instalments.isEmpty()) {
      return "- Sin cuotas calculadas: la cuantía la fija el Comité Administrativo.";
    }
    List<String> lines = new ArrayList<>();
    for (SupportSchedule.Instalment i : instalments) {
      StringBuilder line = new StringBuilder("- Cuota ").append(i.number()).append(": ").append(i.concept().label());
      if (i.coveredFrom() != null) {
        line.append(" del ").append(DAY.format(i.coveredFrom())).append(" al ").append(DAY.format(i.coveredTo()));
        line.append(" (").append(SupportValues.decimal(i.monthFraction())).append(" mes)");
      }
      line.append(", ").append(SupportValues.pesos(i.amount())).append(", pago desde el ").append(DAY.format(i.dueDate()));
      if (i.smmlvYear() != null) {
        line.append("; SMMLV ").append(i.smmlvYear()).append(" ").append(SupportValues.pesos(i.smmlv()))
            .append(i.smmlvEstimated() ? " (estimado: aún no hay SMMLV de " + i.dueDate().getYear() + ")" : "");
      }
      lines.add(line.toString());
    }
    lines.add("Total: " + SupportValues.pesos(SupportSchedule.total(instalments)));
    return String.join("\n", lines);
  }

  private void periodLabels(DelegateExecution execution) {
    LocalDate start = day(execution, "supportStart");
    LocalDate end = day(execution, "supportEnd");
    execution.setVariable("supportPeriodLabel", DAY.format(start) + " a " + DAY.format(end));
    execution.setVariable("docsSupportStart", start.toString());
    execution.setVariable("docsSupportEnd", end.toString());
    execution.setVariable("supportEndLabel", DAY.format(end));
  }

  private boolean banned(String tenant, String personId, Ban.Scope scope, LocalDate today, String period) {
    return bans.isBanned(tenant, personId, scope, today, null)
        || period != null && bans.isBanned(tenant, personId, scope, null, period);
  }

  private static BigDecimal paid(DelegateExecution execution) {
    Object paid = execution.getVariable("paidAmount");
    return paid == null ? BigDecimal.ZERO : new BigDecimal(paid.toString());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value, String decision) {
    if (!(value instanceof Map<?, ?> m) || m.isEmpty()) {
      throw new IllegalStateException("The DMN " + decision + " returned no result: " + value);
    }
    return (Map<String, Object>) m;
  }

  static LocalDate day(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    if (value instanceof Date date) {
      return AgreementValues.toLocalDate(date);
    }
    return AgreementValues.requiredDate(name, value);
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    if (!(value instanceof String s)) {
      throw new IllegalStateException("Variable " + name + " is missing");
    }
    return s;
  }

  private static boolean blank(Object value) {
    return !(value instanceof String s) || s.isBlank();
  }
}
