package co.ori.notification;

import co.ori.support.TenantCatalog;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * Send/service task behaviour {@code camunda:delegateExpression="${sendMail}"}: fills a mail
 * template with the case's variables and sends it through {@link MailService}.
 *
 * <p>Local input variables of the task ({@code camunda:inputParameter}):
 * <ul>
 *   <li>{@code mailTemplate} (String): template name, file {@code mail/<mailTemplate>.txt}
 *       (see {@link MailTemplates});</li>
 *   <li>{@code mailTo} (String): recipients, comma-separated (see {@link MailRecipients}).</li>
 * </ul>
 * Placeholders are filled from the process variables visible to the task plus the built-ins
 * {@code businessKey}, {@code tenantName} (from {@link TenantCatalog}) and
 * {@code processName}, which take precedence over variables of the same name.
 *
 * <p>Each mail carries a delivery key ({@link #deliveryKey}) so that a job that runs again
 * (retry, or after a crash) never sends the same mail twice (see {@link SmtpMailService}).
 *
 * <p>Every failure (unknown template, placeholder without value, no recipient, SMTP down) is
 * thrown, never swallowed: the task is modelled {@code camunda:asyncBefore="true"} with a
 * {@code camunda:failedJobRetryTimeCycle}, so it is retried and then becomes an incident in
 * Cockpit, with the case left waiting before the task.
 */
@Component("sendMail")
public class SendMailDelegate implements JavaDelegate {

  /** Local input variable with the template name. */
  public static final String MAIL_TEMPLATE = "mailTemplate";
  /** Local input variable with the recipients. */
  public static final String MAIL_TO = "mailTo";
  /** Process variable with the user id of the person who started the case. */
  public static final String INITIATOR = "initiator";

  private final MailTemplates templates;
  private final MailRecipients recipients;
  private final MailService mailService;
  private final TenantCatalog tenants;

  /** Creates the delegate. */
  public SendMailDelegate(MailTemplates templates, MailRecipients recipients,
      MailService mailService, TenantCatalog tenants) {
    this.templates = templates;
    this.recipients = recipients;
    this.mailService = mailService;
    this.tenants = tenants;
  }

  /**
   * Renders and sends the task's mail.
   *
   * @throws IllegalArgumentException when {@code mailTemplate} or {@code mailTo} is missing,
   *     the template is unknown or malformed, a placeholder has no value, or a recipient
   *     entry is invalid
   * @throws IllegalStateException when {@code mailTo} resolves to no address
   * @throws org.springframework.mail.MailException when the SMTP server fails
   * @throws MailDeliveryUncertainException when an earlier attempt of this mail was cut off
   *     during the hand-off to the SMTP server (never resent on its own)
   */
  @Override
  public void execute(DelegateExecution execution) {
    String template = requiredLocal(execution, MAIL_TEMPLATE);
    String mailTo = requiredLocal(execution, MAIL_TO);
    String tenantId = execution.getTenantId();
    Object initiator = execution.getVariable(INITIATOR);
    List<String> to = recipients.resolve(mailTo, tenantId,
        initiator == null ? null : initiator.toString());

    Map<String, Object> builtIns = new HashMap<>();
    putIfPresent(builtIns, "businessKey", execution.getProcessBusinessKey());
    putIfPresent(builtIns, "processName", processName(execution));
    if (tenantId != null) {
      tenants.find(tenantId).ifPresent(t -> putIfPresent(builtIns, "tenantName", t.name()));
    }
    MailTemplates.RenderedMail rendered = templates.render(template,
        name -> builtIns.containsKey(name) ? builtIns.get(name) : execution.getVariable(name));
    mailService.send(new Mail(tenantId, execution.getProcessBusinessKey(), template, to,
        rendered.subject(), rendered.body(), deliveryKey(execution)));
  }

  /**
   * The delivery key of the task's mail: {@code job:<job id>:<activity id>} when the task runs
   * in a job (send tasks are {@code asyncBefore}, so it is their own job: the same id on every
   * retry and after a crash, a new one each time the case reaches the task again), plus
   * {@code :<loopCounter>} inside a multi-instance activity; otherwise (a task run
   * synchronously in a user's request) {@code activity:<activity instance id>}.
   *
   * <p>The activity instance id alone is not stable: with {@code asyncBefore} it is created
   * when the job runs, so a job rolled back by a crash gets a new one on its next run.
   */
  static String deliveryKey(DelegateExecution execution) {
    CommandContext commandContext = Context.getCommandContext();
    JobEntity job = commandContext == null ? null : commandContext.getCurrentJob();
    if (job == null) {
      return "activity:" + execution.getActivityInstanceId();
    }
    Object loopCounter = execution.getVariableLocal("loopCounter");
    return "job:" + job.getId() + ":" + execution.getCurrentActivityId()
        + (loopCounter == null ? "" : ":" + loopCounter);
  }

  private static String requiredLocal(DelegateExecution execution, String name) {
    Object value = execution.getVariableLocal(name);
    if (value == null || value.toString().isBlank()) {
      throw new IllegalArgumentException("La tarea de envío de correo '"
          + execution.getCurrentActivityId() + "' no define la variable de entrada '" + name
          + "' (camunda:inputParameter)");
    }
    return value.toString().strip();
  }

  /** Name of the BPMN process that contains the task (from the cached model, no query). */
  private static String processName(DelegateExecution execution) {
    ModelElementInstance element = execution.getBpmnModelElementInstance();
    while (element != null && !(element instanceof Process)) {
      element = element.getParentElement();
    }
    if (element instanceof Process process) {
      return process.getName() != null ? process.getName() : process.getId();
    }
    return null;
  }

  private static void putIfPresent(Map<String, Object> values, String name, String value) {
    if (value != null) {
      values.put(name, value);
    }
  }
}
