package co.ori.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSendException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With an SMTP server ({@code spring.mail.host} set) mails are delivered and recorded as
 * {@code SENT}; an SMTP failure in a send task is retried and then becomes an incident, and
 * the case resumes once the server is back. GreenMail plays the SMTP server on a fixed free
 * port, so it can be stopped and started again at the same address.
 *
 * <p>Setting {@code spring.mail.host} makes a second Spring context: every test that needs
 * SMTP belongs in this class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SmtpMailDeliveryTest {

  private static final int SMTP_PORT = freePort();
  private static GreenMail greenMail;

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
    registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> 2000);
    registry.add("spring.mail.properties.mail.smtp.timeout", () -> 2000);
    // EHLO name given, so JavaMail does not look up this machine's host name (slow on CI)
    registry.add("spring.mail.properties.mail.smtp.localhost", () -> "localhost");
    registry.add("ori.mail.from", () -> "ori@umc.edu.co");
  }

  @Autowired MailService mailService;
  @Autowired SmtpMailService smtpMailService;
  @Autowired MailOutbox mailOutbox;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired JdbcClient jdbc;
  @Autowired TaskService taskService;
  @Autowired TestRestTemplate rest;

  private MailTestProcess process;

  @BeforeAll
  static void startSmtp() {
    greenMail = startGreenMail();
  }

  @AfterAll
  static void stopSmtp() {
    greenMail.stop();
  }

  @BeforeEach
  void setUp() {
    process = new MailTestProcess(repositoryService, runtimeService, managementService, jdbc);
  }

  @Test
  void mailIsDeliveredInUtf8AndRecordedAsSent() throws Exception {
    assertThat(smtpMailService.smtpEnabled()).isTrue();
    String key = MailTestProcess.newBusinessKey();
    String subject = "Solicitud de convenio aprobada — revisión Nº " + key;
    String body = "Señor(a) solicitante: su solicitud fue aprobada por la Coordinación."
        + " ¿Dudas? Escríbanos.";

    mailService.send(new Mail("umc", key, "agreement-request-approved",
        List.of("coordinacion@umc.edu.co"), subject, body));

    MimeMessage received = receivedFor(key, "coordinacion@umc.edu.co");
    assertThat(received.getSubject()).isEqualTo(subject);
    assertThat(received.getContentType()).containsIgnoringCase("charset=UTF-8");
    assertThat(received.getContent()).asString().isEqualTo(body);
    assertThat(((InternetAddress) received.getFrom()[0]).getAddress())
        .isEqualTo("ori@umc.edu.co");

    List<Map<String, Object>> rows = process.outbox(key);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get("status")).isEqualTo("SENT");
    assertThat(rows.get(0).get("sent_at")).isNotNull();
  }

  @Test
  void smtpFailureIsThrownAndTheMailStaysPending() {
    String key = MailTestProcess.newBusinessKey();
    greenMail.stop();
    try {
      assertThatThrownBy(() -> mailService.send(new Mail("umc", key,
          "agreement-request-approved", List.of("coordinacion@umc.edu.co"), "Asunto", "Cuerpo")))
          .isInstanceOf(MailSendException.class);
    } finally {
      greenMail = startGreenMail();
    }
    List<Map<String, Object>> rows = process.outbox(key);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get("status")).as("surely not sent: connection refused").isEqualTo("PENDING");
    assertThat(rows.get(0).get("attempts")).isEqualTo(1);
    assertThat(rows.get(0).get("sent_at")).isNull();
    assertThat(rows.get(0).get("last_error")).asString().contains("Mail server connection failed");
  }

  @Test
  void sendTaskRetriesThenRaisesAnIncidentAndResumesWhenSmtpIsBack() throws Exception {
    // 1. SMTP up: the asynchronous send task delivers the rendered template
    String okKey = MailTestProcess.newBusinessKey();
    ProcessInstance ok = process.start(okKey, "solicitante@umc.edu.co", Map.of());
    managementService.executeJob(process.sendJob(ok).getId());
    assertThat(process.isRunning(ok)).isFalse();
    MimeMessage approval = receivedFor(okKey, "solicitante@umc.edu.co");
    assertThat(approval.getSubject()).isEqualTo("Solicitud de convenio aprobada (" + okKey + ")");
    assertThat(approval.getContent()).asString()
        .contains("Su solicitud " + okKey + " de convenio con Universidad de Salamanca")
        .contains("Coordinación de Internacionalización (CINI) de Universidad Mayor de Cartagena")
        .contains("continúe con la intención");
    assertThat(process.outbox(okKey)).extracting(r -> r.get("status")).containsExactly("SENT");

    // 2. SMTP down: each execution fails; R2/PT1S gives two attempts, then an incident
    String key = MailTestProcess.newBusinessKey();
    ProcessInstance instance = process.start(key, "solicitante@umc.edu.co", Map.of());
    String jobId = process.sendJob(instance).getId();
    greenMail.stop();
    try {
      assertThatThrownBy(() -> managementService.executeJob(jobId))
          .isInstanceOf(MailSendException.class);
      Job afterFirst = process.sendJob(instance);
      assertThat(afterFirst.getRetries()).isEqualTo(1);
      assertThat(afterFirst.getDuedate()).as("retry after PT1S").isNotNull();
      assertThat(runtimeService.createIncidentQuery()
          .processInstanceId(instance.getId()).count()).isZero();

      assertThatThrownBy(() -> managementService.executeJob(jobId))
          .isInstanceOf(MailSendException.class);
      assertThat(process.sendJob(instance).getRetries()).isZero();
      Incident incident = runtimeService.createIncidentQuery()
          .processInstanceId(instance.getId()).singleResult();
      assertThat(incident).isNotNull();
      assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
      assertThat(incident.getActivityId()).isEqualTo("SendApproval");
      assertThat(process.isRunning(instance)).as("the case is kept, waiting").isTrue();
      assertThat(process.outbox(key)).as("kept PENDING after two refused attempts")
          .extracting(r -> r.get("status"), r -> r.get("attempts"))
          .containsExactly(org.assertj.core.groups.Tuple.tuple("PENDING", 2));
    } finally {
      greenMail = startGreenMail();
    }

    // 3. SMTP back: an operator sets the retries again (Cockpit) and the job succeeds
    managementService.setJobRetries(jobId, 1);
    managementService.executeJob(jobId);
    assertThat(process.isRunning(instance)).isFalse();
    assertThat(runtimeService.createIncidentQuery()
        .processInstanceId(instance.getId()).count()).isZero();
    MimeMessage delivered = receivedFor(key, "solicitante@umc.edu.co");
    assertThat(delivered.getSubject()).isEqualTo("Solicitud de convenio aprobada (" + key + ")");
    List<Map<String, Object>> rows = process.outbox(key);
    assertThat(rows).extracting(r -> r.get("status"), r -> r.get("attempts"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("SENT", 3));
    assertThat(rows.get(0).get("delivery_key")).isEqualTo("job:" + jobId + ":SendApproval");
    assertThat(delivered.getMessageID()).as("stable Message-ID of the delivery key")
        .isEqualTo(rows.get(0).get("message_id"))
        .isEqualTo("<ori.job." + jobId + ".SendApproval@umc.edu.co>");
  }

  /**
   * Issue 8, "Outages", on the real {@code agreement-formalization} model of tenant {@code umc}:
   * with the SMTP server down the approval mail of three cases (A6,
   * {@code SendTask_NotifyApproved}, {@code R3/PT5M}) fails three times each, then each case
   * has an incident that the Cockpit-facing REST API shows to an administrator; once the server
   * is back, the administrator retries the jobs as Cockpit does ({@code PUT
   * /engine-rest/job/{id}/retries}) and every requester receives exactly one mail and every case
   * moves on to A7.
   */
  @Test
  void approvalMailsOfRealCasesBecomeIncidentsWhileSmtpIsDownAndAreDeliveredOnceAfterRetry()
      throws Exception {
    String requester = "umc.faculty-requester@demo.ori.local";
    List<ProcessInstance> cases = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      ProcessInstance instance = runtimeService.createProcessInstanceByKey("agreement-formalization")
          .processDefinitionTenantId("umc").setVariables(agreementRequest("Universidad Caída " + i))
          .execute();
      taskService.complete(taskService.createTaskQuery().processInstanceId(instance.getId())
          .taskDefinitionKey("Task_ReviewRequest").singleResult().getId(),
          Map.of("requestApproved", "true", "reviewNotes", ""));
      cases.add(instance);
    }

    greenMail.stop();
    try {
      for (ProcessInstance instance : cases) {
        String jobId = approvalJob(instance).getId();
        for (int expectedRetries = 2; expectedRetries >= 0; expectedRetries--) {
          assertThatThrownBy(() -> managementService.executeJob(jobId))
              .isInstanceOf(MailSendException.class);
          Job job = approvalJob(instance);
          assertThat(job.getRetries()).isEqualTo(expectedRetries);
          assertThat(job.getExceptionMessage()).isNotBlank();
        }
        Incident incident = runtimeService.createIncidentQuery()
            .processInstanceId(instance.getId()).singleResult();
        assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
        assertThat(incident.getActivityId()).isEqualTo("SendTask_NotifyApproved");
        assertThat(incident.getConfiguration()).isEqualTo(jobId);
        // what Cockpit shows the administrator (Cockpit reads the same engine REST resources)
        ResponseEntity<String> shown = rest.withBasicAuth("demo", "demo").getForEntity(
            "/engine-rest/incident?processInstanceId=" + instance.getId() + "&maxResults=10",
            String.class);
        assertThat(shown.getStatusCode().value()).as(shown.getBody()).isEqualTo(200);
        JsonNode incidents = new ObjectMapper().readTree(shown.getBody());
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).get("activityId").asText()).isEqualTo("SendTask_NotifyApproved");
        assertThat(incidents.get(0).get("incidentType").asText()).isEqualTo("failedJob");
        assertThat(incidents.get(0).get("tenantId").asText()).isEqualTo("umc");
        assertThat(process.outbox(instance.getBusinessKey())).as("kept PENDING, not sent")
            .extracting(r -> r.get("status"), r -> r.get("attempts"))
            .containsExactly(org.assertj.core.groups.Tuple.tuple("PENDING", 3));
      }
    } finally {
      greenMail = startGreenMail();
    }

    // the server is back: "Retry" in Cockpit sets the job's retries again, the job executor runs it
    for (ProcessInstance instance : cases) {
      String jobId = approvalJob(instance).getId();
      HttpHeaders headers = new HttpHeaders();
      headers.setContentType(MediaType.APPLICATION_JSON);
      ResponseEntity<String> retried = rest.withBasicAuth("demo", "demo").exchange(
          "/engine-rest/job/" + jobId + "/retries", HttpMethod.PUT,
          new HttpEntity<>("{\"retries\": 1}", headers), String.class);
      assertThat(retried.getStatusCode().value()).as(retried.getBody()).isEqualTo(204);
      assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count())
          .as("the incident is resolved by the retry").isZero();
      managementService.executeJob(jobId);
      Job after = managementService.createJobQuery().processInstanceId(instance.getId())
          .activityId("SendTask_NotifyApproved").singleResult();
      managementService.executeJob(after.getId());
    }
    greenMail.waitForIncomingEmail(5000, cases.size());
    for (ProcessInstance instance : cases) {
      String key = instance.getBusinessKey();
      MimeMessage mail = receivedFor(key, requester);
      assertThat(mail.getSubject()).isEqualTo("Solicitud de convenio aprobada (" + key + ")");
      assertThat(process.outbox(key)).extracting(r -> r.get("status"), r -> r.get("attempts"))
          .containsExactly(org.assertj.core.groups.Tuple.tuple("SENT", 4));
      assertThat(taskService.createTaskQuery().processInstanceId(instance.getId())
          .taskDefinitionKey("Task_SendIntention").count()).as("case moved on to A7").isEqualTo(1);
    }
    assertThat(greenMail.getReceivedMessages()).as("exactly one mail per case").hasSize(cases.size());
  }

  /**
   * Crash after the SMTP server accepted the mail and {@code SENT} was committed, before the
   * job's own transaction committed: the job's transaction really is rolled back (the end
   * listener of mail-crash-test fails after the send task), so the same job runs again — and
   * does not send the mail a second time.
   */
  @Test
  void aJobThatRunsAgainAfterItsMailWentOutDoesNotSendItAgain() throws Exception {
    String key = MailTestProcess.newBusinessKey();
    ProcessInstance instance = process.start("mail-crash-test", key, "solicitante@umc.edu.co",
        Map.of("crashAfterMail", true));
    String jobId = process.sendJob(instance).getId();

    assertThatThrownBy(() -> managementService.executeJob(jobId))
        .hasMessageContaining("simulatedCrashAfterTheMailWentOut");
    assertThat(receivedFor(key, "solicitante@umc.edu.co").getMessageID())
        .isEqualTo("<ori.job." + jobId + ".SendApproval@umc.edu.co>");
    assertThat(process.isRunning(instance)).isTrue();
    assertThat(process.sendJob(instance).getId()).as("the same job, rolled back").isEqualTo(jobId);
    assertThat(process.outbox(key)).extracting(r -> r.get("status"), r -> r.get("attempts"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("SENT", 1));

    runtimeService.setVariable(instance.getId(), "crashAfterMail", false);
    managementService.executeJob(jobId);

    assertThat(process.isRunning(instance)).as("the case moved on").isFalse();
    assertThat(messagesFor(key)).as("still exactly one mail").hasSize(1);
    assertThat(process.outbox(key)).extracting(r -> r.get("status"), r -> r.get("attempts"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("SENT", 1));
  }

  /**
   * Crash between "about to hand the mail over" ({@code SENDING} committed) and {@code SENT}:
   * nobody knows whether the server got it, so it is not resent. The job fails at once with 0
   * retries: an incident whose message gives the Message-ID; the administrator checks the mail
   * server, resolves the row over REST and retries the incident: {@code CONFIRM_SENT} → no
   * mail, the case moves on; {@code RESEND} → exactly one mail, same Message-ID.
   */
  @Test
  void aMailCutOffDuringTheHandOffBecomesAnUncertainIncidentResolvedByAnAdministrator()
      throws Exception {
    for (MailOutbox.Resolution resolution : MailOutbox.Resolution.values()) {
      String key = MailTestProcess.newBusinessKey();
      ProcessInstance instance = process.start(key, "solicitante@umc.edu.co", Map.of());
      String jobId = process.sendJob(instance).getId();
      String deliveryKey = "job:" + jobId + ":SendApproval";
      String messageId = smtpMailService.messageId(deliveryKey);
      // what an attempt killed during the hand-off leaves: the claim committed before sending
      assertThat(mailOutbox.claim(new Mail("umc", key, "agreement-request-approved",
          List.of("solicitante@umc.edu.co"), "Solicitud de convenio aprobada (" + key + ")",
          "Cuerpo", deliveryKey), deliveryKey, messageId)).isEqualTo(MailOutbox.Claim.SEND);

      assertThatThrownBy(() -> managementService.executeJob(jobId))
          .isInstanceOf(MailDeliveryUncertainException.class)
          .hasMessageStartingWith("Envío de correo incierto")
          .hasMessageContaining(messageId).hasMessageContaining(deliveryKey);
      assertThat(process.sendJob(instance).getRetries()).as("no pointless retries").isZero();
      assertThat(process.sendJob(instance).getDuedate()).as("runs at once when retried")
          .isBeforeOrEqualTo(new java.util.Date());
      Incident incident = runtimeService.createIncidentQuery()
          .processInstanceId(instance.getId()).singleResult();
      assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
      assertThat(incident.getActivityId()).isEqualTo("SendApproval");
      assertThat(incident.getIncidentMessage()).startsWith("Envío de correo incierto")
          .contains(messageId);
      assertThat(process.outbox(key)).extracting(r -> r.get("status"))
          .containsExactly("UNCERTAIN");
      assertThat(messagesFor(key)).as("not sent").isEmpty();

      // retrying without resolving changes nothing: still no mail, incident again at once
      managementService.setJobRetries(jobId, 1);
      assertThatThrownBy(() -> managementService.executeJob(jobId))
          .isInstanceOf(MailDeliveryUncertainException.class);
      assertThat(process.sendJob(instance).getRetries()).isZero();
      assertThat(messagesFor(key)).isEmpty();

      // the administrator's view and decision
      ResponseEntity<String> listed = rest.withBasicAuth("demo", "demo")
          .getForEntity("/api/mail-outbox?status=UNCERTAIN&maxResults=2000", String.class);
      assertThat(listed.getStatusCode().value()).as(listed.getBody()).isEqualTo(200);
      assertThat(listed.getBody()).contains(deliveryKey).contains(messageId);
      assertThat(resolve("umc.cini-coordinator", deliveryKey, resolution.name()).getStatusCode()
          .value()).as("administrators only").isEqualTo(403);
      assertThat(resolve("demo", deliveryKey, "LO_QUE_SEA").getStatusCode().value()).isEqualTo(400);
      assertThat(resolve("demo", "job:no-existe", resolution.name()).getStatusCode().value())
          .isEqualTo(404);
      ResponseEntity<String> resolved = resolve("demo", deliveryKey, resolution.name());
      assertThat(resolved.getStatusCode().value()).as(resolved.getBody()).isEqualTo(200);
      assertThat(resolve("demo", deliveryKey, resolution.name()).getStatusCode().value())
          .as("only an UNCERTAIN mail is resolved").isEqualTo(409);

      managementService.setJobRetries(jobId, 1);
      managementService.executeJob(jobId);
      assertThat(process.isRunning(instance)).isFalse();
      List<Map<String, Object>> rows = process.outbox(key);
      assertThat(rows).extracting(r -> r.get("status")).containsExactly("SENT");
      if (resolution == MailOutbox.Resolution.CONFIRM_SENT) {
        assertThat(messagesFor(key)).as("confirmed as delivered: not sent again").isEmpty();
        assertThat(rows.get(0).get("last_error")).isEqualTo("Entrega confirmada por demo");
      } else {
        List<MimeMessage> sent = messagesFor(key);
        assertThat(sent).as("resent once").hasSize(1);
        assertThat(sent.get(0).getMessageID()).isEqualTo(messageId);
        assertThat(rows.get(0).get("attempts")).isEqualTo(2);
      }
    }
  }

  /**
   * An SMTP server that takes the whole message and then drops the connection without its
   * "250 OK": the mail may have been delivered, so it becomes UNCERTAIN (an incident at once),
   * not a retry that could send it twice.
   */
  @Test
  void aConnectionLostAfterTheMessageDataMakesTheMailUncertain() throws Exception {
    String key = MailTestProcess.newBusinessKey();
    ProcessInstance instance = process.start(key, "solicitante@umc.edu.co", Map.of());
    String jobId = process.sendJob(instance).getId();
    greenMail.stop();
    try (DroppingSmtpServer dropping = new DroppingSmtpServer(SMTP_PORT)) {
      assertThatThrownBy(() -> managementService.executeJob(jobId))
          .isInstanceOf(MailDeliveryUncertainException.class)
          .hasMessageStartingWith("Envío de correo incierto");
      assertThat(dropping.messagesTaken()).isEqualTo(1);
    } finally {
      greenMail = startGreenMail();
    }
    assertThat(process.sendJob(instance).getRetries()).isZero();
    assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count())
        .isOne();
    assertThat(process.outbox(key)).extracting(r -> r.get("status"))
        .containsExactly("UNCERTAIN");
    assertThat(SmtpMailService.refusedBeforeDelivery(
        new org.eclipse.angus.mail.smtp.SMTPSendFailedException("DATA", 554,
            "554 5.7.1 rechazado", null, null, null, null)))
        .as("refused by the server with a reply code: not delivered").isTrue();
    assertThat(SmtpMailService.refusedBeforeDelivery(
        new org.eclipse.angus.mail.smtp.SMTPSendFailedException(".", -1, "[EOF]", null, null,
            null, null)))
        .as("no reply after the data: maybe delivered").isFalse();
  }

  private ResponseEntity<String> resolve(String user, String deliveryKey, String action) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, "demo").exchange("/api/mail-outbox/resolution",
        HttpMethod.POST, new HttpEntity<>("{\"deliveryKey\": \"" + deliveryKey
            + "\", \"action\": \"" + action + "\"}", headers), String.class);
  }

  /** Every message GreenMail holds whose subject or body names the key. */
  private static List<MimeMessage> messagesFor(String key) {
    return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> mentions(m, key)).toList();
  }

  private Job approvalJob(ProcessInstance instance) {
    Job job = managementService.createJobQuery().processInstanceId(instance.getId())
        .activityId("SendTask_NotifyApproved").singleResult();
    assertThat(job).as("job of the approval mail").isNotNull();
    return job;
  }

  /** A complete, valid convenio marco request (procedures.md §2.a.1) of umc.faculty-requester. */
  private static Map<String, Object> agreementRequest(String partnerName) {
    Map<String, Object> v = new HashMap<>();
    v.put("requestingUnitId", "Facultad de Ingeniería");
    v.put("requestingUnitType", "FACULTY");
    v.put("instrumentType", "CONVENIO_MARCO");
    v.put("scope", "NACIONAL");
    v.put("partnerName", partnerName);
    v.put("partnerCountry", "Colombia");
    v.put("partnerCity", "Barranquilla");
    v.put("partnerType", "IES");
    v.put("partnerContactName", "María Fernanda Ríos");
    v.put("partnerContactEmail", "relaciones@aliada.edu.co");
    v.put("needDescription", "Cooperación en movilidad docente y proyectos de investigación conjuntos.");
    v.put("initiator", "umc.faculty-requester");
    return v;
  }

  /** The one message GreenMail received for the recipient whose subject or body names the key. */
  private static MimeMessage receivedFor(String key, String recipient) throws Exception {
    greenMail.waitForIncomingEmail(5000, 1);
    List<MimeMessage> matching = Arrays.stream(greenMail.getReceivedMessages())
        .filter(m -> mentions(m, key) && sentTo(m, recipient))
        .toList();
    assertThat(matching).as("messages received for %s", key).hasSize(1);
    return matching.get(0);
  }

  private static boolean mentions(MimeMessage message, String key) {
    try {
      return message.getSubject().contains(key) || message.getContent().toString().contains(key);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean sentTo(MimeMessage message, String recipient) {
    try {
      return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
          .anyMatch(a -> ((InternetAddress) a).getAddress().equals(recipient));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static GreenMail startGreenMail() {
    ServerSetup setup = new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    // a loaded 2-core CI machine may need more than GreenMail's default 2 s to bind again
    setup.setServerStartupTimeout(30_000);
    GreenMail server = new GreenMail(setup);
    server.start();
    return server;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
