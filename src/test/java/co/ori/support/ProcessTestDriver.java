package co.ori.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What every process test does with the engine, with the job executor off (profile {@code test}):
 * find a case's open task or job by its BPMN id, complete or execute it as Tasklist or the job
 * executor would, and read the mails the case recorded in {@code mail_outbox}. Each procedure's
 * driver extends it with its own start data and steps.
 */
public abstract class ProcessTestDriver {

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
}
