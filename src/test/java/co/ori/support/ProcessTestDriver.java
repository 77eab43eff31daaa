package co.ori.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What every process test does with the engine, with the job executor off (profile {@code test}):
 * find a case's open task or job by its BPMN id, complete or execute it as Tasklist or the job
 * executor would, and read the mails the case recorded in {@code mail_outbox}. Each procedure's
 * driver extends it with its own start data and steps.
 */
public abstract class ProcessTestDriver {

  /** The zone of every date the procedures compute (Colombia). */
  public static final ZoneId BOGOTA = ZoneId.of("America/Bogota");

  protected final RuntimeService runtimeService;
  protected final TaskService taskService;
  protected final ManagementService managementService;
  protected final JdbcClient jdbc;
  private final String tenantId;

  /** @param tenantId the tenant the driver's cases run in */
  protected ProcessTestDriver(RuntimeService runtimeService, TaskService taskService,
      ManagementService managementService, JdbcClient jdbc, String tenantId) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.managementService = managementService;
    this.jdbc = jdbc;
    this.tenantId = tenantId;
  }

  /** The single open task of the case with this task definition key (fails when none). */
  public Task task(ProcessInstance instance, String taskKey) {
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as("open task %s", taskKey).isNotNull();
    return task;
  }

  /** Completes the case's open task with this key. */
  public void complete(ProcessInstance instance, String taskKey, Map<String, Object> variables) {
    taskService.complete(task(instance, taskKey).getId(), variables);
  }

  /** The single job of the case at this activity (async continuation or timer; fails when none). */
  public Job job(ProcessInstance instance, String activityId) {
    Job job = managementService.createJobQuery().processInstanceId(instance.getId())
        .activityId(activityId).singleResult();
    assertThat(job).as("job at %s", activityId).isNotNull();
    return job;
  }

  /**
   * Executes the job at this activity; for a send task (asyncBefore + asyncAfter) also the
   * continuation after it, so the mail and the rest of the flow run as the job executor would.
   */
  public void executeJob(ProcessInstance instance, String activityId) {
    managementService.executeJob(job(instance, activityId).getId());
    Job after = managementService.createJobQuery().processInstanceId(instance.getId())
        .activityId(activityId).messages().singleResult();
    if (after != null) {
      managementService.executeJob(after.getId());
    }
  }

  /** A process variable of the case. */
  public Object variable(ProcessInstance instance, String name) {
    return runtimeService.getVariable(instance.getId(), name);
  }

  /** The mails recorded for a business key in the driver's tenant, oldest first. */
  public List<Map<String, Object>> mails(String businessKey) {
    return jdbc.sql("SELECT template, recipients, subject, body FROM mail_outbox "
            + "WHERE tenant_id = :tenant AND business_key = :key ORDER BY created_at, id")
        .param("tenant", tenantId).param("key", businessKey)
        .query().listOfRows();
  }

  /** The templates of the mails recorded for a business key, oldest first. */
  public List<String> mailTemplates(String businessKey) {
    return mails(businessKey).stream().map(m -> (String) m.get("template")).toList();
  }

  /**
   * Asserts that the call is refused with an {@link InvalidVariableException} naming the
   * variable. The engine wraps exceptions of listeners; the REST mapper finds the cause the same
   * way and answers 400.
   *
   * @return the exception, for further checks of its message
   */
  public static InvalidVariableException assertInvalid(ThrowingCallable call, String variable) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).as("refused naming %s", variable).isNotNull();
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof InvalidVariableException invalid) {
        assertThat(invalid.getVariable()).as("variable named by: %s", invalid.getMessage()).isEqualTo(variable);
        return invalid;
      }
    }
    throw new AssertionError("expected an InvalidVariableException naming " + variable + " but got " + thrown, thrown);
  }

  /** A day as Camunda Forms submit it ({@code yyyy-MM-dd}). */
  public static String formDate(LocalDate day) {
    return day.toString();
  }

  /** Today in Colombia. */
  public static LocalDate today() {
    return LocalDate.now(BOGOTA);
  }

  /** Start of a day in America/Bogota, as the processes store dates. */
  public static Date dayStart(LocalDate day) {
    return Date.from(day.atStartOfDay(BOGOTA).toInstant());
  }

  /** End of a day (23:59:59) in America/Bogota: deadlines of the business calendar. */
  public static Date dayEnd(LocalDate day) {
    return Date.from(day.atTime(23, 59, 59).atZone(BOGOTA).toInstant());
  }
}
