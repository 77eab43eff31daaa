package co.ori.mobility.sire;

import static co.ori.agreements.AgreementValues.optionalText;
import static co.ori.agreements.AgreementValues.requiredDate;
import static co.ori.agreements.AgreementValues.requiredText;

import co.ori.agreements.AgreementValues;
import co.ori.support.InvalidVariableException;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Task listener {@code camunda:delegateExpression="${sireTaskCompletion}"} on the {@code complete}
 * event of "Reportar en SIRE la llegada/salida" of {@code sire-report} ({@code procedures.md}
 * §2.h.2): {@code sireReceiptRef} (required: number or link of the SIRE receipt, the record of
 * the step), {@code sireReportDate} (required, not in the future; stored as {@code Date}),
 * optional {@code sireNotes}. A problem is an {@link InvalidVariableException} naming the
 * variable; the completion is rolled back and Tasklist shows the message.
 */
@Component("sireTaskCompletion")
public class SireTaskCompletion implements TaskListener {

  /**
   * Checks and normalizes the outputs of the SIRE task.
   *
   * @throws InvalidVariableException naming the first bad variable
   */
  @Override
  public void notify(DelegateTask task) {
    if (!"Task_ReportInSire".equals(task.getTaskDefinitionKey())) {
      throw new IllegalStateException("No completion rules for task "
          + task.getTaskDefinitionKey() + " of sire-report");
    }
    task.setVariable("sireReceiptRef", requiredText("sireReceiptRef", task.getVariable("sireReceiptRef"), 1000));
    LocalDate reported = requiredDate("sireReportDate", task.getVariable("sireReportDate"));
    if (reported.isAfter(AgreementValues.toLocalDate(ClockUtil.getCurrentTime()))) {
      throw new InvalidVariableException("sireReportDate", "no puede ser una fecha futura (" + reported + ")");
    }
    task.setVariable("sireReportDate", AgreementValues.toDate(reported));
    optionalText("sireNotes", task.getVariable("sireNotes"), 4000);
  }
}
