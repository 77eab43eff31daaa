package co.ori.mobility.outgoing;

import co.ori.agreements.AgreementValues;
import co.ori.mobility.MobilityCaseLifecycle;
import co.ori.support.BusinessCalendar;
import co.ori.support.IsoDurations;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Milestones of {@code processes/student-outgoing-mobility.bpmn} that only orchestrate what the
 * rules bean {@code studentOutgoing} ({@link StudentOutgoingMobility}) and the mobility case
 * registry ({@code mobilityCases}) already do, as the bean {@code studentOutgoingSteps}: acceptance
 * (O17), start of the stay (O21), postponement (O20, 004 art. 45-46), extension (M10, §2.h.3 X5)
 * and the closing summary (O26). Runs in the engine's transaction: a failure rolls the step back
 * (an incident for service tasks).
 */
@Component("studentOutgoingSteps")
public class StudentOutgoingSteps {

  /** Activity ids of the timers at the end of the stay (M12), rescheduled by extensions. */
  static final List<String> END_TIMERS = List.of("BoundaryEvent_MobilityEnded", "TimerEvent_AwaitMobilityEnd");

  private final StudentOutgoingMobility studentOutgoing;
  private final MobilityCaseLifecycle mobilityCases;
  private final BusinessCalendar businessCalendar;
  private final String periodicReportInterval;

  /**
   * @param periodicReportInterval ISO-8601 period between UFPS periodic activity reports (M7,
   *     004 art. 36.5; procedures.md §5 T48 PROPOSED, default {@code P1M}), property
   *     {@code ori.student-mobility.timers.periodic-report}
   * @throws IllegalArgumentException when the period is not a positive ISO-8601 duration
   */
  public StudentOutgoingSteps(StudentOutgoingMobility studentOutgoing, MobilityCaseLifecycle mobilityCases,
      BusinessCalendar businessCalendar,
      @Value("${ori.student-mobility.timers.periodic-report:P1M}") String periodicReportInterval) {
    this.studentOutgoing = studentOutgoing;
    this.mobilityCases = mobilityCases;
    this.businessCalendar = businessCalendar;
    IsoDurations.requirePositive("ori.student-mobility.timers.periodic-report", periodicReportInterval);
    this.periodicReportInterval = periodicReportInterval;
  }

  /**
   * O17 (002 art. 10.7, CES-SO-10; 004 art. 8 par. 2 and 9.1, UF-SO-11; 003 Parte 1 §2.14): the
   * host admitted the student (message {@code HostAccepted}, or no host admission for the category,
   * or the UFPS application came with the acceptance letter). Sets {@code hostAdmitted = true},
   * {@code mobilityStage = AFTER_ACCEPTANCE_BEFORE_START}, records the admission gates of the
   * tenant in {@code failedRules} and moves the case to {@code ACCEPTED}.
   */
  public void recordAcceptance(DelegateExecution execution) {
    execution.setVariable("hostAdmitted", true);
    execution.setVariable("mobilityStage", "AFTER_ACCEPTANCE_BEFORE_START");
    if (execution.getVariable("acceptanceLetter") == null) {
      execution.setVariable("acceptanceLetter", "");
    }
    String institution = String.valueOf(execution.getVariable("institution"));
    if ("CESMAG".equals(institution) && "INTERCAMBIO".equals(execution.getVariable("category"))) {
      studentOutgoing.recordGate(execution, "CES-SO-10", true);
    }
    if ("UFPS".equals(institution)) {
      studentOutgoing.recordGate(execution, "UF-SO-11", true);
    }
    mobilityCases.status(execution, "ACCEPTED");
  }

  /**
   * O21 start (procedures.md §2.c.3): {@code mobilityStage = DURING}, {@code extensionCount}
   * (0 unless set), {@code periodicReportInterval} for M7, case {@code IN_PROGRESS}.
   */
  public void startMobility(DelegateExecution execution) {
    execution.setVariable("mobilityStage", "DURING");
    if (execution.getVariable("extensionCount") == null) {
      execution.setVariable("extensionCount", 0);
    }
    execution.setVariable("periodicReportInterval", periodicReportInterval);
    mobilityCases.status(execution, "IN_PROGRESS");
  }

  /**
   * O20 postponement (004 art. 45-46, procedures.md §5 T52): {@code startDate} and
   * {@code endDate} take {@code newStartDate} and {@code newEndDate} (checked by the task), the
   * deadlines are recomputed by {@code studentOutgoing.deriveFacts} while the facts of the
   * application ({@code applicationDate}, {@code processStartDate}, {@code isMinorAtApplication})
   * keep their values; {@code postponements} + 1. The model then re-evaluates {@code stay-type}.
   */
  public void reschedule(DelegateExecution execution) {
    Object applicationDate = execution.getVariable("applicationDate");
    Object processStartDate = execution.getVariable("processStartDate");
    Object minorAtApplication = execution.getVariable("isMinorAtApplication");
    execution.setVariable("startDate", execution.getVariable("newStartDate"));
    execution.setVariable("endDate", execution.getVariable("newEndDate"));
    studentOutgoing.deriveFacts(execution);
    execution.setVariable("applicationDate", applicationDate);
    execution.setVariable("processStartDate", processStartDate);
    execution.setVariable("isMinorAtApplication", minorAtApplication);
    Object count = execution.getVariable("postponements");
    execution.setVariable("postponements", count instanceof Integer n ? n + 1 : 1);
  }

  /**
   * M10 / procedures.md §2.h.3 X5 (002 art. 9.1; 003 Parte 1 §3.3; 004 art. 47): {@code endDate}
   * = {@code newEndDate}, {@code extensionCount} + 1; {@code mobilityEndTimer} (end of the new
   * last day), {@code returnReportDueDate} (same number of business days after the end) and
   * {@code transcriptChaseDate} (same number of days after the end) move with the end, and the
   * pending end-of-stay timer (M12) is rescheduled. UFPS: the financial support is not extended
   * (004 art. 47 par.; {@code supportExtended = false}).
   *
   * @throws IllegalStateException when the stay has no pending end timer (a modelling error)
   */
  public void applyExtension(DelegateExecution execution) {
    LocalDate oldEnd = AgreementValues.toLocalDate((Date) execution.getVariable("endDate"));
    LocalDate newEnd = AgreementValues.requiredDate("newEndDate", execution.getVariable("newEndDate"));
    Date newEndDate = AgreementValues.toDate(newEnd);
    execution.setVariable("endDate", newEndDate);
    Object count = execution.getVariable("extensionCount");
    execution.setVariable("extensionCount", count instanceof Integer n ? n + 1 : 1);
    Date endTimer = businessCalendar.endOfDay(newEndDate);
    execution.setVariable("mobilityEndTimer", endTimer);
    if (execution.getVariable("returnReportDueDate") instanceof Date due) {
      int businessDays = businessDaysBetween(oldEnd, AgreementValues.toLocalDate(due));
      execution.setVariable("returnReportDueDate", businessCalendar.addBusinessDays(newEndDate, businessDays));
    }
    if (execution.getVariable("transcriptChaseDate") instanceof Date chase) {
      long days = ChronoUnit.DAYS.between(oldEnd, AgreementValues.toLocalDate(chase));
      execution.setVariable("transcriptChaseDate", businessCalendar.daysAfter(endTimer, (int) days));
    }
    if ("UFPS".equals(execution.getVariable("institution"))) {
      execution.setVariable("supportExtended", false);
    }
    List<Job> timers = END_TIMERS.stream().flatMap(activity -> execution.getProcessEngineServices()
        .getManagementService().createJobQuery().processInstanceId(execution.getProcessInstanceId())
        .activityId(activity).timers().list().stream()).toList();
    if (timers.isEmpty()) {
      throw new IllegalStateException("No pending end-of-stay timer " + END_TIMERS
          + " for " + execution.getProcessBusinessKey());
    }
    timers.forEach(j -> execution.getProcessEngineServices().getManagementService().setJobDuedate(j.getId(), endTimer));
  }

  /**
   * O26: the texts of the closing mail: {@code recognitionSummary} ({@code recognitionText} of
   * O24, or a note that the category has no homologation) and {@code sanctionsSummary}
   * ({@code postMobilityBansText} of O25, or "Ninguna").
   */
  public void closeCase(DelegateExecution execution) {
    Object recognition = execution.getVariable("recognitionText");
    execution.setVariable("recognitionSummary", recognition == null || recognition.toString().isBlank()
        ? "Esta categoría de movilidad no tiene homologación de asignaturas." : recognition.toString());
    Object bans = execution.getVariable("postMobilityBansText");
    execution.setVariable("sanctionsSummary", bans == null || bans.toString().isBlank()
        ? "Ninguna." : bans.toString());
  }

  private int businessDaysBetween(LocalDate from, LocalDate to) {
    int n = 0;
    for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
      if (businessCalendar.isBusinessDay(d)) {
        n++;
      }
    }
    return n;
  }
}
