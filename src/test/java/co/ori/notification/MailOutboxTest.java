package co.ori.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Without {@code spring.mail.host} (the embedded default) mails are recorded in
 * {@code mail_outbox} as {@code LOGGED}; failures of the send task are thrown, never
 * swallowed. Uses the shared {@code test} context (no SMTP).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MailOutboxTest {

  @Autowired MailService mailService;
  @Autowired SmtpMailService smtpMailService;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired JdbcClient jdbc;

  private MailTestProcess process;

  @BeforeEach
  void setUp() {
    process = new MailTestProcess(repositoryService, runtimeService, managementService, jdbc);
  }

  @Test
  void withoutSmtpTheMailIsRecordedAsLogged() {
    assertThat(smtpMailService.smtpEnabled()).isFalse();
    String key = MailTestProcess.newBusinessKey();

    mailService.send(new Mail("umc", key, "agreement-request-approved",
        List.of("a@demo.ori.local", "b@demo.ori.local"), "Solicitud de convenio aprobada",
        "Su solicitud fue aprobada por la Coordinación."));

    List<Map<String, Object>> rows = process.outbox(key);
    assertThat(rows).hasSize(1);
    Map<String, Object> row = rows.get(0);
    assertThat(row.get("status")).isEqualTo("LOGGED");
    assertThat(row.get("sent_at")).isNull();
    assertThat(row.get("created_at")).isNotNull();
    assertThat(row.get("id")).asString().hasSize(36);
    assertThat(row.get("tenant_id")).isEqualTo("umc");
    assertThat(row.get("template")).isEqualTo("agreement-request-approved");
    assertThat(row.get("recipients")).isEqualTo("a@demo.ori.local, b@demo.ori.local");
    assertThat(row.get("subject")).isEqualTo("Solicitud de convenio aprobada");
    assertThat(row.get("body")).isEqualTo("Su solicitud fue aprobada por la Coordinación.");
  }

  @Test
  void sendTaskRendersTheTemplateAndRecordsTheMail() {
    String key = MailTestProcess.newBusinessKey();
    String userId = "mtreq" + key.substring(key.length() - 8);
    User user = identityService.newUser(userId);
    user.setEmail(userId + "@demo.ori.local");
    identityService.saveUser(user);
    ProcessInstance instance;
    try {
      instance = process.start(key,
          "solicitante@umc.edu.co, user:" + userId + ", solicitante@umc.edu.co", Map.of());
      assertThat(process.outbox(key)).as("nothing is sent before the async job runs").isEmpty();

      String jobId = process.sendJob(instance).getId();
      managementService.executeJob(jobId);
      assertThat(process.outbox(key)).extracting(r -> r.get("delivery_key"))
          .containsExactly("job:" + jobId + ":SendApproval");
    } finally {
      identityService.deleteUser(userId);
    }
    assertThat(process.isRunning(instance)).isFalse();
    List<Map<String, Object>> rows = process.outbox(key);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get("status")).isEqualTo("LOGGED");
    assertThat(rows.get(0).get("recipients"))
        .isEqualTo("solicitante@umc.edu.co, " + userId + "@demo.ori.local");
    assertThat(rows.get(0).get("subject"))
        .isEqualTo("Solicitud de convenio aprobada (" + key + ")");
    assertThat(rows.get(0).get("body")).asString()
        .contains("Su solicitud " + key + " de convenio con Universidad de Salamanca")
        .contains("(CINI) de Universidad Mayor de Cartagena.")
        .contains("Revisión sin observaciones; continúe con la intención.")
        .contains("\"Prueba de notificaciones\"");
  }

  @Test
  void missingVariableFailsTheJobAndNamesThePlaceholder() {
    String key = MailTestProcess.newBusinessKey();
    Map<String, Object> noNotes = new HashMap<>();
    noNotes.put("reviewNotes", null);
    ProcessInstance instance = process.start(key, "solicitante@umc.edu.co", noNotes);
    Job job = process.sendJob(instance);

    assertThatThrownBy(() -> managementService.executeJob(job.getId()))
        .hasMessageContaining("${reviewNotes}");

    Job failed = process.sendJob(instance);
    assertThat(failed.getRetries()).as("R2/PT1S: one retry left").isEqualTo(1);
    assertThat(failed.getExceptionMessage()).contains("${reviewNotes}");
    assertThat(process.isRunning(instance)).isTrue();
    assertThat(process.outbox(key)).isEmpty();
  }

  @Test
  void recipientsResolvingToNobodyFailTheJob() {
    String key = MailTestProcess.newBusinessKey();
    ProcessInstance instance = process.start(key, "group:nadieTieneEsteGrupo", Map.of());
    Job job = process.sendJob(instance);

    assertThatThrownBy(() -> managementService.executeJob(job.getId()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("mailTo='group:nadieTieneEsteGrupo'");
    assertThat(process.isRunning(instance)).isTrue();
    assertThat(process.outbox(key)).isEmpty();
  }
}
