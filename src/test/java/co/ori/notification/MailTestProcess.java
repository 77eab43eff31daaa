package co.ori.notification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test helper: deploys the test-only models {@code bpmn/mail-test.bpmn} and
 * {@code bpmn/mail-crash-test.bpmn} to tenant {@code umc},
 * starts it, finds its send job and reads {@code mail_outbox}.
 */
final class MailTestProcess {

  static final String TENANT = "umc";

  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final JdbcClient jdbc;

  MailTestProcess(RepositoryService repositoryService, RuntimeService runtimeService,
      ManagementService managementService, JdbcClient jdbc) {
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.jdbc = jdbc;
    repositoryService.createDeployment()
        .name("mail-test")
        .tenantId(TENANT)
        .enableDuplicateFiltering(false)
        .addClasspathResource("bpmn/mail-test.bpmn")
        .addClasspathResource("bpmn/mail-crash-test.bpmn")
        .deploy();
  }

  /** A fresh business key, so each test reads only its own outbox rows. */
  static String newBusinessKey() {
    return "AGR-TEST-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Starts mail-test with the variables the approval template needs (unless overridden). */
  ProcessInstance start(String businessKey, String recipients, Map<String, Object> overrides) {
    return start("mail-test", businessKey, recipients, overrides);
  }

  /** Starts {@code processKey} (mail-test or mail-crash-test) like {@link #start}. */
  ProcessInstance start(String processKey, String businessKey, String recipients,
      Map<String, Object> overrides) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("recipients", recipients);
    variables.put("partnerName", "Universidad de Salamanca");
    variables.put("reviewNotes", "Revisión sin observaciones; continúe con la intención.");
    variables.putAll(overrides);
    variables.values().removeIf(v -> v == null);
    return runtimeService.createProcessInstanceByKey(processKey)
        .processDefinitionTenantId(TENANT)
        .businessKey(businessKey)
        .setVariables(variables)
        .execute();
  }

  /** The asynchronous send job of the instance. */
  Job sendJob(ProcessInstance instance) {
    return managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
  }

  boolean isRunning(ProcessInstance instance) {
    return runtimeService.createProcessInstanceQuery()
        .processInstanceId(instance.getId()).count() == 1;
  }

  /** Outbox rows of one business key (column names are case-insensitive keys). */
  List<Map<String, Object>> outbox(String businessKey) {
    return jdbc.sql("SELECT * FROM mail_outbox WHERE business_key = ? ORDER BY created_at")
        .param(businessKey)
        .query().listOfRows();
  }
}
