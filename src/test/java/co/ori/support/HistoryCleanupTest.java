package co.ori.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * History time to live and cleanup (issue 8, application.yaml {@code historyCleanup*}): every
 * procedure declares {@code camunda:historyTimeToLive}; with the removal-time based strategy an
 * ended case gets removal time = end + TTL, and the engine's history cleanup job deletes it once
 * that time has passed, while a case that ended later and a running case stay.
 *
 * <p>Real engine and H2 (profile {@code test}, job executor off: the cleanup job is executed
 * explicitly). The engine clock is moved with {@link ClockUtil} and reset in {@code finally}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HistoryCleanupTest {

  private static final String KEY = "agreement-formalization";
  private static final String TENANT = "umc";

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;
  @Autowired ProcessEngineConfiguration configuration;

  @Test
  void theEngineRunsRemovalTimeBasedCleanupInTheNightWindow() {
    ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) configuration;
    assertThat(engine.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
    assertThat(engine.getHistoryRemovalTimeStrategy()).isEqualTo("end");
    assertThat(engine.getHistoryCleanupBatchWindowStartTime()).isEqualTo("22:00");
    assertThat(engine.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
    assertThat(engine.isHistoryCleanupEnabled()).isTrue();
  }

  @Test
  void everyDeployedProcedureHasAHistoryTimeToLive() {
    List<ProcessDefinition> definitions = repositoryService.createProcessDefinitionQuery()
        .latestVersion().list();
    assertThat(definitions).isNotEmpty();
    assertThat(definitions).allSatisfy(d -> assertThat(d.getHistoryTimeToLive())
        .as("historyTimeToLive of %s (tenant %s)", d.getKey(), d.getTenantId())
        .isNotNull().isPositive());
  }

  @Test
  void anEndedCaseIsRemovedAfterItsTimeToLiveAndRecentCasesStay() {
    int ttlDays = repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY)
        .tenantIdIn(TENANT).latestVersion().singleResult().getHistoryTimeToLive();
    Instant now = Instant.now();
    try {
      // a case that ends now: removal time = end + TTL
      ProcessInstance old = start();
      endAsNotApproved(old);
      HistoricProcessInstance oldHistory = historic(old);
      assertThat(oldHistory.getEndTime()).isNotNull();
      assertThat(oldHistory.getRemovalTime())
          .isCloseTo(Date.from(oldHistory.getEndTime().toInstant().plus(Duration.ofDays(ttlDays))), 60_000);

      // one day after the old case's removal time: a case ends then, another is still running
      ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofDays(ttlDays + 1L))));
      ProcessInstance recent = start();
      endAsNotApproved(recent);
      ProcessInstance running = start();
      assertThat(historic(recent).getRemovalTime()).isAfter(ClockUtil.getCurrentTime());

      Job cleanup = historyService.cleanUpHistoryAsync(true);
      assertThat(cleanup).as("history cleanup job").isNotNull();
      managementService.executeJob(cleanup.getId());

      assertThat(historyService.createHistoricProcessInstanceQuery()
          .processInstanceId(old.getId()).count()).as("ended case past its TTL").isZero();
      assertThat(historyService.createHistoricActivityInstanceQuery()
          .processInstanceId(old.getId()).count()).isZero();
      assertThat(historyService.createHistoricVariableInstanceQuery()
          .processInstanceId(old.getId()).count()).isZero();
      assertThat(historyService.createHistoricProcessInstanceQuery()
          .processInstanceId(recent.getId()).count()).as("case ended recently").isOne();
      assertThat(historyService.createHistoricProcessInstanceQuery()
          .processInstanceId(running.getId()).count()).as("running case").isOne();
      runtimeService.deleteProcessInstance(running.getId(), "fin de la prueba");
    } finally {
      ClockUtil.reset();
    }
  }

  private ProcessInstance start() {
    Map<String, Object> v = new HashMap<>();
    v.put("requestingUnitId", "Facultad de Ingeniería");
    v.put("requestingUnitType", "FACULTY");
    v.put("instrumentType", "CONVENIO_MARCO");
    v.put("scope", "NACIONAL");
    v.put("partnerName", "Universidad historia " + UUID.randomUUID());
    v.put("partnerCountry", "Colombia");
    v.put("partnerCity", "Barranquilla");
    v.put("partnerType", "IES");
    v.put("partnerContactName", "María Fernanda Ríos");
    v.put("partnerContactEmail", "relaciones@aliada.edu.co");
    v.put("needDescription", "Cooperación en movilidad docente y proyectos de investigación conjuntos.");
    v.put("initiator", "umc.faculty-requester");
    return runtimeService.createProcessInstanceByKey(KEY).processDefinitionTenantId(TENANT)
        .setVariables(v).execute();
  }

  /** Review not approved → mail (asyncBefore + asyncAfter) → end event "Solicitud no aprobada". */
  private void endAsNotApproved(ProcessInstance instance) {
    String task = taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("Task_ReviewRequest").singleResult().getId();
    taskService.complete(task, Map.of("requestApproved", false,
        "reviewNotes", "La solicitud no cumple los requisitos."));
    for (int i = 0; i < 5; i++) {
      List<Job> jobs = managementService.createJobQuery().processInstanceId(instance.getId())
          .executable().list();
      if (jobs.isEmpty()) {
        break;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
    assertThat(historic(instance).getEndTime()).as("case ended").isNotNull();
  }

  private HistoricProcessInstance historic(ProcessInstance instance) {
    return historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(instance.getId()).singleResult();
  }
}
