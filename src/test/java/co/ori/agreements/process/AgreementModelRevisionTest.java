package co.ori.agreements.process;

import static org.assertj.core.api.Assertions.assertThat;

import co.ori.agreements.AgreementRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A developer revises the agreement-formalization model and deploys it for tenant {@code umc}
 * over the engine REST API exactly as the README's "Deploying a revised model" says (multipart
 * {@code POST /engine-rest/deployment/create}, HTTP Basic); both versions coexist; the
 * administrator then moves the running cases with {@code POST /api/tenants/umc/migrations}
 * ({@link co.ori.support.ProcessMigrationController}). A case waiting in an activity the new
 * version no longer has is reported and stays on the old version.
 *
 * <p>The revised model is the real {@code processes/agreement-formalization.bpmn} changed by
 * this test (so it follows the real model): task A3 gets a new name, and task A7
 * {@code Task_SendIntention} gets a new id, which for the migration means it was removed.
 * The revision is deleted again afterwards (cascade), so other tests sharing the context keep
 * running on the real model.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AgreementModelRevisionTest {

  private static final String KEY = AgreementProcessDriver.KEY;
  private static final String TENANT = AgreementProcessDriver.TENANT;
  private static final String REVISED_REVIEW_NAME = "Revisar solicitud de convenio (modelo revisado)";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired AgreementRegistry registry;
  @Autowired JdbcClient jdbc;

  private AgreementProcessDriver driver;
  private final List<String> deployments = new ArrayList<>();

  @BeforeEach
  void setUp() {
    driver = new AgreementProcessDriver(runtimeService, taskService, managementService, registry, jdbc);
  }

  @AfterEach
  void removeRevision() {
    deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
  }

  @Test
  void revisedModelIsDeployedOverRestVersionsCoexistAndRunningCasesAreMigrated() throws Exception {
    ProcessDefinition v1 = latest();
    // A waits at A3, B is further on (A10 draft), C waits at A7, which the revision drops
    ProcessInstance a = driver.start("Universidad Revisión A");
    ProcessInstance b = driver.start("Universidad Revisión B");
    driver.approveAndSendIntention(b);
    driver.complete(b, "Task_RecordPartnerResponse", Map.of("partnerInterested", "true"));
    ProcessInstance c = driver.start("Universidad Revisión C");
    driver.complete(c, "Task_ReviewRequest", Map.of("requestApproved", "true", "reviewNotes", ""));
    driver.executeJob(c, "SendTask_NotifyApproved");
    driver.task(b, "Task_DraftAgreement");
    driver.task(c, "Task_SendIntention");

    // a developer deploys the revised model over REST, as from Camunda Modeler or curl
    ResponseEntity<String> deployed = deploy(revisedModel());
    assertThat(deployed.getStatusCode().value()).as(deployed.getBody()).isEqualTo(200);
    JsonNode deployment = JSON.readTree(deployed.getBody());
    deployments.add(deployment.get("id").asText());
    assertThat(deployment.get("tenantId").asText()).isEqualTo(TENANT);
    ProcessDefinition v2 = latest();
    assertThat(v2.getVersion()).isEqualTo(v1.getVersion() + 1);
    assertThat(deployment.get("deployedProcessDefinitions").has(v2.getId())).isTrue();
    // deploy-changed-only: the same file again deploys nothing new
    ResponseEntity<String> again = deploy(revisedModel());
    deployments.add(JSON.readTree(again.getBody()).get("id").asText());
    assertThat(latest().getId()).isEqualTo(v2.getId());

    // versions coexist: running cases stay on v1, a new case starts on v2
    for (ProcessInstance running : List.of(a, b, c)) {
      assertThat(definitionOf(running)).isEqualTo(v1.getId());
    }
    ProcessInstance d = driver.start("Universidad Revisión D");
    assertThat(d.getProcessDefinitionId()).isEqualTo(v2.getId());
    assertThat(driver.task(d, "Task_ReviewRequest").getName()).isEqualTo(REVISED_REVIEW_NAME);
    assertThat(driver.task(a, "Task_ReviewRequest").getName()).isNotEqualTo(REVISED_REVIEW_NAME);

    // only administrators may migrate
    ResponseEntity<String> refused = migrate("umc.cini-coordinator", false);
    assertThat(refused.getStatusCode().value()).isEqualTo(403);
    assertThat(refused.getBody()).contains("camunda-admin");

    // a dry run reports and changes nothing
    JsonNode dryRun = JSON.readTree(migrate("demo", true).getBody());
    assertThat(keys(dryRun.get("migrated"))).contains(a.getBusinessKey(), b.getBusinessKey())
        .doesNotContain(c.getBusinessKey(), d.getBusinessKey());
    assertThat(definitionOf(a)).isEqualTo(v1.getId());
    ResponseEntity<String> withTriggers = migrate("demo",
        "{\"processKey\": \"" + KEY + "\", \"updateEventTriggers\": true, \"dryRun\": true}");
    assertThat(withTriggers.getStatusCode().value()).as(withTriggers.getBody()).isEqualTo(200);
    assertThat(keys(JSON.readTree(withTriggers.getBody()).get("migrated")))
        .contains(a.getBusinessKey(), b.getBusinessKey());
    assertThat(migrate("demo", "{\"processKey\": \"no-existe\"}").getStatusCode().value())
        .isEqualTo(404);
    assertThat(migrate("demo", "{\"processKey\": \"" + KEY + "\", \"fromVersion\": "
        + v2.getVersion() + "}").getStatusCode().value()).as("fromVersion not older").isEqualTo(400);

    ResponseEntity<String> answer = migrate("demo", false);
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
    JsonNode report = JSON.readTree(answer.getBody());
    assertThat(report.get("targetVersion").asInt()).isEqualTo(v2.getVersion());
    assertThat(keys(report.get("migrated"))).contains(a.getBusinessKey(), b.getBusinessKey())
        .doesNotContain(c.getBusinessKey(), d.getBusinessKey());
    JsonNode notMigrated = null;
    for (JsonNode n : report.get("notMigrated")) {
      if (c.getBusinessKey().equals(n.get("businessKey").asText())) {
        notMigrated = n;
      }
    }
    assertThat(notMigrated).as("C reported as not migrated: %s", report).isNotNull();
    assertThat(notMigrated.get("processInstanceId").asText()).isEqualTo(c.getId());
    assertThat(notMigrated.get("fromVersion").asInt()).isEqualTo(v1.getVersion());
    assertThat(notMigrated.get("reasons").toString()).contains("Task_SendIntention");

    // migrated cases are on v2 and go on; C stays on v1 and goes on there
    assertThat(definitionOf(a)).isEqualTo(v2.getId());
    assertThat(definitionOf(b)).isEqualTo(v2.getId());
    assertThat(definitionOf(c)).isEqualTo(v1.getId());
    // the open task moves with its case (Camunda keeps the task's own attributes, e.g. its name)
    assertThat(driver.task(a, "Task_ReviewRequest").getProcessDefinitionId()).isEqualTo(v2.getId());
    driver.complete(a, "Task_ReviewRequest", Map.of("requestApproved", "true", "reviewNotes", ""));
    driver.executeJob(a, "SendTask_NotifyApproved");
    assertThat(driver.task(a, "Task_SendIntentionLetter")).isNotNull();
    driver.complete(b, "Task_DraftAgreement",
        Map.of("draftAgreementRef", "https://dms.umc.edu.co/convenios/borrador-revision"));
    assertThat(driver.task(b, "Task_ReviewAgreement")).isNotNull();
    driver.complete(c, "Task_SendIntention",
        Map.of("intentionSentDate", AgreementProcessDriver.formDate(AgreementProcessDriver.today())));
    assertThat(driver.task(c, "Task_RecordPartnerResponse")).isNotNull();
  }

  /** The real model with A3 renamed and A7's id changed (the old A7 no longer exists). */
  private static byte[] revisedModel() throws Exception {
    String model = new String(new ClassPathResource("processes/" + KEY + ".bpmn")
        .getContentAsByteArray(), StandardCharsets.UTF_8);
    String revised = model
        .replace("name=\"Revisar solicitud de convenio\"", "name=\"" + REVISED_REVIEW_NAME + "\"")
        .replace("\"Task_SendIntention\"", "\"Task_SendIntentionLetter\"");
    assertThat(revised).contains(REVISED_REVIEW_NAME).doesNotContain("\"Task_SendIntention\"");
    return revised.getBytes(StandardCharsets.UTF_8);
  }

  /** {@code POST /engine-rest/deployment/create} as the README's curl example. */
  private ResponseEntity<String> deploy(byte[] bpmn) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", "ori-" + TENANT);
    form.add("deployment-source", "ori-tenant-deployer");
    form.add("deploy-changed-only", "true");
    form.add("tenant-id", TENANT);
    form.add("data", new ByteArrayResource(bpmn) {
      @Override
      public String getFilename() {
        return "processes/" + KEY + ".bpmn";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth("demo", "demo")
        .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(form, headers), String.class);
  }

  private ResponseEntity<String> migrate(String user, boolean dryRun) {
    return migrate(user, "{\"processKey\": \"" + KEY + "\", \"dryRun\": " + dryRun + "}");
  }

  private ResponseEntity<String> migrate(String user, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, "demo").postForEntity("/api/tenants/" + TENANT + "/migrations",
        new HttpEntity<>(body, headers), String.class);
  }

  private ProcessDefinition latest() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY)
        .tenantIdIn(TENANT).latestVersion().singleResult();
  }

  private String definitionOf(ProcessInstance instance) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId())
        .singleResult().getProcessDefinitionId();
  }

  private static List<String> keys(JsonNode array) {
    List<String> keys = new ArrayList<>();
    array.forEach(n -> keys.add(n.asText()));
    return keys;
  }
}
