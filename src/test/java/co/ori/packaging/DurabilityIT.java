package co.ori.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability of the packaged jar on PostgreSQL (issue 8): {@value #CASES} agreement-formalization
 * cases are started over REST, their first task ({@code Task_ReviewRequest}, approve) is completed
 * from several threads so each case gets an async mail job ({@code SendTask_NotifyApproved},
 * asyncBefore + asyncAfter), and while completions and mail jobs are in flight the JVM is killed
 * with SIGKILL ({@link Process#destroyForcibly()}; exit status 137 is asserted). The jar is
 * started again on the same schema, the tasks whose completion was lost are completed again, the
 * job executor drains, and then: every case exists exactly once (by business key) and waits in
 * {@code Task_SendIntention}, and GreenMail (a real SMTP server started by the test) received
 * the approval e-mail exactly once per case: no Message-ID twice, no case mailed twice.
 *
 * <p>Mail delivery is exactly-once by the outbox protocol of {@code SmtpMailService}: a mail whose
 * job died after the SMTP server accepted it is {@code SENT} and not resent; one that was cut off
 * in the middle of the SMTP hand-off is {@code UNCERTAIN} and raises an incident instead of being
 * resent. The test then does what the README tells an administrator: looks the Message-ID up on
 * the mail server (GreenMail), resolves the row ({@code CONFIRM_SENT} or {@code RESEND}) and
 * retries the incident. It prints how many mails were UNCERTAIN (usually 0).
 *
 * <p>Needs {@code ORI_TEST_PG_URL}, {@code ORI_TEST_PG_USER}, {@code ORI_TEST_PG_PASSWORD} like
 * {@code co.ori.it.PostgresApplicationTest} (fails on CI without them, skipped elsewhere); works
 * in a fresh schema {@code ori_it_dur_<random>}, dropped at the end. Run by Failsafe in
 * {@code mvn verify} after {@code package}.
 */
@Tag("postgres")
class DurabilityIT {

  static final int CASES = 30;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ADMIN = "admin";
  private static final String ADMIN_PASSWORD = "dur-admin-" + UUID.randomUUID();
  /** Jobs locked by the killed JVM are retried once their lock expires (Camunda's default: 5 min). */
  private static final long JOB_LOCK_MILLIS = 15_000;

  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir Path workDir;

  private String pgUrl = System.getenv("ORI_TEST_PG_URL");
  private String pgUser = System.getenv("ORI_TEST_PG_USER");
  private String pgPassword = System.getenv("ORI_TEST_PG_PASSWORD");
  private String schema;
  private GreenMail greenMail;
  private Process app;
  private int logNumber;

  @AfterEach
  void cleanUp() throws Exception {
    try {
      // keep the application logs for the report (target/durability-logs/app-<run>.log)
      Path logs = Path.of("target", "durability-logs");
      Files.createDirectories(logs);
      for (int run = 1; run <= logNumber; run++) {
        Path log = workDir.resolve("app-" + run + ".log");
        if (Files.exists(log)) {
          Files.copy(log, logs.resolve(log.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
      if (app != null && app.isAlive()) {
        app.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
      if (greenMail != null) {
        greenMail.stop();
      }
    } finally {
      if (schema != null) {
        try (Connection c = DriverManager.getConnection(pgUrl, pgUser, pgPassword);
            Statement s = c.createStatement()) {
          s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
      }
    }
  }

  @Test
  void casesAndMailsSurviveAKillMinus9OfThePackagedJar() throws Exception {
    requirePostgres();
    File jar = new File(System.getProperty("ori.build.dir", "target"), "ori-workflow.jar");
    assertThat(jar).as("run mvn package first").exists();
    schema = createFreshSchema();
    ServerSetup setup = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    setup.setServerStartupTimeout(30_000);
    greenMail = new GreenMail(setup);
    greenMail.start();
    int port = freePort();

    // 1. first run: start the cases, then complete their first task under load
    app = start(jar, port);
    waitUntilUp(port);
    List<String> instanceIds = new ArrayList<>();
    Map<String, String> businessKeyOf = new LinkedHashMap<>();
    for (int i = 0; i < CASES; i++) {
      HttpResponse<String> started = post(port, "/engine-rest/process-definition/key/"
          + "agreement-formalization/tenant-id/umc/start", startBody("Universidad durable " + i));
      assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
      JsonNode instance = JSON.readTree(started.body());
      instanceIds.add(instance.path("id").asText());
      businessKeyOf.put(instance.path("id").asText(), instance.path("businessKey").asText());
    }
    Map<String, String> reviewTask = new LinkedHashMap<>();
    for (String id : instanceIds) {
      reviewTask.put(id, reviewTaskOf(port, id));
    }

    AtomicInteger completed = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    for (String id : instanceIds) {
      pool.submit(() -> {
        try {
          HttpResponse<String> done = post(port, "/engine-rest/task/" + reviewTask.get(id)
              + "/complete", approveBody());
          (done.statusCode() == 204 ? completed : failed).incrementAndGet();
        } catch (Exception killed) {
          failed.incrementAndGet();
        }
        return null;
      });
    }
    pool.shutdown();
    // kill -9 while completions are still arriving and the first mail jobs are running
    // (triggered by what the app has committed, not by GreenMail's receipt, which would time the
    // kill to the very moment a mail is being handed over)
    waitFor(Duration.ofSeconds(120), () -> completed.get() >= CASES / 3
        && countOrZero("SELECT count(*) FROM mail_outbox WHERE status = 'SENT'") >= 3);
    int completedAtKill = completed.get();
    System.out.printf("DurabilityIT: kill -9 at %s%n", Instant.now());
    app.destroyForcibly();
    assertThat(app.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(app.exitValue()).as("exit status of a JVM killed by SIGKILL (128 + 9)").isEqualTo(137);
    pool.awaitTermination(60, TimeUnit.SECONDS);
    // what the dead JVM had handed to the SMTP server, and what it had recorded
    int mailsAtKill = greenMail.getReceivedMessages().length;
    Map<String, Long> outboxAtKill = countBy("SELECT status, count(*) FROM mail_outbox "
        + "WHERE template = 'agreement-request-approved' GROUP BY status");
    long jobsAtKill = count("SELECT count(*) FROM act_ru_job WHERE handler_type_ = 'async-continuation'");
    long lockedAtKill = count("SELECT count(*) FROM act_ru_job WHERE lock_owner_ IS NOT NULL");
    System.out.printf("DurabilityIT: killed with %d/%d completions answered 204, %d mails received,"
            + " mail_outbox by status %s, %d async jobs in the database (%d locked by the killed JVM)%n",
        completedAtKill, CASES, mailsAtKill, new TreeMap<>(outboxAtKill), jobsAtKill, lockedAtKill);

    // 2. second run on the same schema: finish what the kill interrupted and let the jobs drain
    app = start(jar, port);
    waitUntilUp(port);
    int completedAgain = 0;
    for (String id : instanceIds) {
      String open = openTask(port, id, "Task_ReviewRequest");
      if (open != null) {
        HttpResponse<String> done = post(port, "/engine-rest/task/" + open + "/complete", approveBody());
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
        completedAgain++;
      }
    }
    // every case reaches Task_SendIntention, except those whose mail was cut off in the middle of
    // the SMTP hand-off by the kill: those wait with an UNCERTAIN incident for an administrator
    waitFor(Duration.ofSeconds(90 + 3 * JOB_LOCK_MILLIS / 1000),
        () -> countOrZero("SELECT count(*) FROM act_ru_task WHERE task_def_key_ = 'Task_SendIntention'")
                + countOrZero("SELECT count(*) FROM act_ru_incident") == CASES
            && countOrZero("SELECT count(*) FROM act_ru_job WHERE handler_type_ = 'async-continuation'"
                + " AND retries_ > 0") == 0);
    Map<String, String> uncertain = uncertainMails();
    assertThat(count("SELECT count(*) FROM act_ru_incident")).as("incidents: only UNCERTAIN mails")
        .isEqualTo(uncertain.size());
    // the administrator's check (README): is the Message-ID on the mail server? then resolve and retry
    Map<String, String> resolutions = new TreeMap<>();
    for (Map.Entry<String, String> mail : uncertain.entrySet()) {
      String action = receivedMessageIds().contains(mail.getValue()) ? "CONFIRM_SENT" : "RESEND";
      resolutions.put(mail.getKey(), action);
      HttpResponse<String> resolved = post(port, "/api/mail-outbox/resolution",
          Map.of("deliveryKey", mail.getKey(), "action", action));
      assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
      String jobId = mail.getKey().split(":")[1];
      HttpResponse<String> retried = put(port, "/engine-rest/job/" + jobId + "/retries",
          Map.of("retries", 1));
      assertThat(retried.statusCode()).as(retried.body()).isEqualTo(204);
    }
    waitFor(Duration.ofSeconds(90),
        () -> countOrZero("SELECT count(*) FROM act_ru_task WHERE task_def_key_ = 'Task_SendIntention'") == CASES
            && countOrZero("SELECT count(*) FROM act_ru_job WHERE handler_type_ = 'async-continuation'") == 0);
    assertThat(count("SELECT count(*) FROM act_ru_incident")).as("incidents").isZero();

    // 3. nothing lost, nothing duplicated
    Map<String, Long> casesByKey = countBy(
        "SELECT business_key_, count(*) FROM act_hi_procinst GROUP BY business_key_");
    assertThat(casesByKey).as("cases by business key").hasSize(CASES)
        .containsOnlyKeys(businessKeyOf.values()).allSatisfy((k, n) -> assertThat(n).isOne());
    Map<String, Long> intentionByKey = countBy("SELECT p.business_key_, count(*) FROM act_ru_task t "
        + "JOIN act_ru_execution p ON p.id_ = t.proc_inst_id_ AND p.parent_id_ IS NULL "
        + "WHERE t.task_def_key_ = 'Task_SendIntention' GROUP BY p.business_key_");
    assertThat(intentionByKey).as("cases waiting in Task_SendIntention").hasSize(CASES)
        .allSatisfy((k, n) -> assertThat(n).isOne());
    assertThat(countBy("SELECT proc_inst_id_, count(*) FROM act_hi_taskinst "
        + "WHERE task_def_key_ = 'Task_ReviewRequest' AND end_time_ IS NOT NULL GROUP BY proc_inst_id_"))
        .as("completed review tasks per case").hasSize(CASES).allSatisfy((k, n) -> assertThat(n).isOne());

    Map<String, Integer> mailsByKey = mailsPerCase(businessKeyOf.values());
    Map<String, Integer> mailsByMessageId = new TreeMap<>();
    for (MimeMessage mail : greenMail.getReceivedMessages()) {
      mailsByMessageId.merge(String.valueOf(mail.getMessageID()), 1, Integer::sum);
    }
    int received = greenMail.getReceivedMessages().length;
    Map<String, Long> outboxByKey = countBy("SELECT business_key, count(*) FROM mail_outbox "
        + "WHERE template = 'agreement-request-approved' AND status = 'SENT' GROUP BY business_key");
    System.out.printf("DurabilityIT: after restart %d review tasks completed again; %d cases, %d in "
            + "Task_SendIntention, %d mails received by GreenMail (%d before the kill), %d distinct "
            + "Message-IDs, %d SENT rows in mail_outbox, %d UNCERTAIN mails resolved %s%n",
        completedAgain, casesByKey.size(), intentionByKey.size(), received, mailsAtKill,
        mailsByMessageId.size(), outboxByKey.values().stream().mapToLong(Long::longValue).sum(),
        uncertain.size(), resolutions);
    assertThat(mailsByMessageId).as("no Message-ID received twice")
        .allSatisfy((id, n) -> assertThat(n).as(id).isOne());
    assertThat(mailsByMessageId.keySet()).as("every mail has the outbox's Message-ID")
        .allSatisfy(id -> assertThat(id).startsWith("<ori.job.").endsWith(".SendTask_NotifyApproved@ori.local>"));
    assertThat(mailsByKey).as("every case's approval mail was received exactly once")
        .hasSize(CASES).allSatisfy((k, n) -> assertThat(n).as(k).isOne());
    assertThat(received).as("mails received in total: one per case, none twice").isEqualTo(CASES);
    assertThat(outboxByKey).as("mail_outbox: exactly one SENT row per case")
        .hasSize(CASES).allSatisfy((k, n) -> assertThat(n).isOne());
    assertThat(count("SELECT count(*) FROM mail_outbox WHERE status <> 'SENT'"))
        .as("no PENDING, SENDING or UNCERTAIN mail left").isZero();
    assertThat(GreenMailUtil.getBody(greenMail.getReceivedMessages()[0])).contains("aprobada");
  }

  /** UNCERTAIN rows: delivery key → Message-ID. */
  private Map<String, String> uncertainMails() throws SQLException {
    Map<String, String> rows = new TreeMap<>();
    try (Connection c = DriverManager.getConnection(urlWithSchema(schema), pgUser, pgPassword);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(
            "SELECT delivery_key, message_id FROM mail_outbox WHERE status = 'UNCERTAIN'")) {
      while (rs.next()) {
        rows.put(rs.getString(1), rs.getString(2));
      }
    }
    return rows;
  }

  private java.util.Set<String> receivedMessageIds() throws jakarta.mail.MessagingException {
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (MimeMessage mail : greenMail.getReceivedMessages()) {
      ids.add(mail.getMessageID());
    }
    return ids;
  }

  // ------------------------------------------------------------------------------------------

  /** Received approval mails per business key (the subject names the case). */
  private Map<String, Integer> mailsPerCase(java.util.Collection<String> businessKeys)
      throws jakarta.mail.MessagingException {
    Map<String, Integer> counts = new TreeMap<>();
    for (MimeMessage mail : greenMail.getReceivedMessages()) {
      String subject = mail.getSubject();
      for (String key : businessKeys) {
        if (subject.contains("(" + key + ")")) {
          counts.merge(key, 1, Integer::sum);
        }
      }
    }
    return counts;
  }

  private void requirePostgres() {
    if (pgUrl != null && !pgUrl.isBlank()) {
      return;
    }
    String message = "ORI_TEST_PG_URL is not set (durability test on PostgreSQL). To run it: "
        + "bash scripts/test as root, or set ORI_TEST_PG_URL/USER/PASSWORD and run mvn verify.";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      Assertions.fail("CI=true but " + message);
    }
    System.err.println("SKIPPED (not on CI): " + message);
    Assumptions.abort("Skipped: " + message);
  }

  private Process start(File jar, int port) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.getAbsolutePath(),
        "--server.port=" + port,
        "--spring.main.banner-mode=off",
        "--camunda.bpm.job-execution.lock-time-in-millis=" + JOB_LOCK_MILLIS)
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(workDir.resolve("app-" + (++logNumber) + ".log").toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("ORI_") || name.startsWith("SPRING_"));
    env.put("SPRING_PROFILES_ACTIVE", "postgres");
    env.put("ORI_DB_URL", urlWithSchema(schema));
    env.put("ORI_DB_USER", pgUser);
    env.put("ORI_DB_PASSWORD", pgPassword);
    env.put("ORI_ADMIN_USER", ADMIN);
    env.put("ORI_ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.put("SPRING_MAIL_HOST", "127.0.0.1");
    env.put("SPRING_MAIL_PORT", String.valueOf(greenMail.getSmtp().getPort()));
    return builder.start();
  }

  private void waitUntilUp(int port) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(deadline)) {
      assertThat(app.isAlive()).as("the app exited: " + log()).isTrue();
      try {
        HttpResponse<String> filters = get(port, "/engine-rest/filter/count");
        if (filters.statusCode() == 200 && JSON.readTree(filters.body()).path("count").asInt() >= 3) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the app did not start within 3 minutes: " + log());
  }

  private String reviewTaskOf(int port, String instanceId) throws Exception {
    String[] id = new String[1];
    waitFor(Duration.ofSeconds(30), () -> (id[0] = openTask(port, instanceId, "Task_ReviewRequest")) != null);
    return id[0];
  }

  private String openTask(int port, String instanceId, String key) {
    try {
      HttpResponse<String> tasks = get(port, "/engine-rest/task?processInstanceId=" + instanceId
          + "&taskDefinitionKey=" + key + "&maxResults=10");
      assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
      JsonNode list = JSON.readTree(tasks.body());
      return list.isEmpty() ? null : list.get(0).path("id").asText();
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> startBody(String partner) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("requestingUnitId", typed("Facultad de Ingeniería"));
    v.put("requestingUnitType", typed("FACULTY"));
    v.put("instrumentType", typed("CONVENIO_MARCO"));
    v.put("scope", typed("INTERNACIONAL"));
    v.put("partnerName", typed(partner));
    v.put("partnerCountry", typed("España"));
    v.put("partnerCity", typed("Salamanca"));
    v.put("partnerType", typed("IES"));
    v.put("partnerContactName", typed("Ana Pérez"));
    v.put("partnerContactEmail", typed("ana.perez@usal.es"));
    v.put("needDescription", typed("Movilidad de estudiantes y proyectos de investigación conjuntos."));
    return Map.of("variables", v);
  }

  private static Map<String, Object> approveBody() {
    return Map.of("variables", Map.of(
        "requestApproved", Map.of("value", true, "type", "Boolean"),
        "reviewNotes", typed("Aprobada en la prueba de durabilidad.")));
  }

  private static Map<String, Object> typed(String value) {
    return Map.of("value", value, "type", "String");
  }

  private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    return http.send(request(port, path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(int port, String path, Object body)
      throws IOException, InterruptedException {
    return http.send(request(port, path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
        .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> put(int port, String path, Object body)
      throws IOException, InterruptedException {
    return http.send(request(port, path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
        .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpRequest.Builder request(int port, String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(60))
        .header("Accept", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
  }

  private interface Check {
    boolean ok() throws Exception;
  }

  private void waitFor(Duration timeout, Check check) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    while (!check.ok()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("condition not reached within " + timeout + "; jobs: "
            + rows("SELECT j.handler_type_, j.act_id_, j.retries_, j.duedate_, j.lock_exp_time_, "
                + "j.lock_owner_, j.exception_msg_, e.business_key_ FROM act_ru_job j "
                + "LEFT JOIN act_ru_execution e ON e.id_ = j.process_instance_id_")
            + "; incidents: " + rows("SELECT incident_msg_ FROM act_ru_incident")
            + "; outbox: " + rows("SELECT business_key, status, attempts FROM mail_outbox")
            + "; log: " + log());
      }
      Thread.sleep(50);
    }
  }

  private String rows(String sql) {
    StringBuilder out = new StringBuilder();
    try (Connection c = DriverManager.getConnection(urlWithSchema(schema), pgUser, pgPassword);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        out.append("\n  ");
        for (int i = 1; i <= columns; i++) {
          out.append(rs.getString(i)).append(i < columns ? " | " : "");
        }
      }
    } catch (SQLException e) {
      out.append(e);
    }
    return out.toString();
  }

  private String log() throws IOException {
    Path file = workDir.resolve("app-" + logNumber + ".log");
    if (!Files.exists(file)) {
      return "(no log)";
    }
    String log = Files.readString(file, StandardCharsets.UTF_8);
    return log.length() > 6000 ? log.substring(log.length() - 6000) : log;
  }

  private String createFreshSchema() throws SQLException {
    String name = "ori_it_dur_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(pgUrl, pgUser, pgPassword);
        Statement s = c.createStatement()) {
      List<String> leftovers = new ArrayList<>();
      try (ResultSet rs = s.executeQuery(
          "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'ori\\_it\\_dur\\_%'")) {
        while (rs.next()) {
          leftovers.add(rs.getString(1));
        }
      }
      for (String leftover : leftovers) {
        s.execute("DROP SCHEMA " + leftover + " CASCADE");
      }
      List<String> camundaSchemas = new ArrayList<>();
      try (ResultSet rs = s.executeQuery(
          "SELECT table_schema FROM information_schema.tables WHERE table_name = 'act_ge_property'")) {
        while (rs.next()) {
          camundaSchemas.add(rs.getString(1));
        }
      }
      assertThat(camundaSchemas)
          .as("The test database %s must not hold Camunda tables outside the test's own schema "
              + "(Camunda would find them and not create its own)", pgUrl)
          .isEmpty();
      s.execute("CREATE SCHEMA " + name);
    }
    return name;
  }

  private String urlWithSchema(String name) {
    return pgUrl + (pgUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
  }

  private long count(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(urlWithSchema(schema), pgUser, pgPassword);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private long countOrZero(String sql) {
    try {
      return count(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, Long> countBy(String sql) throws SQLException {
    Map<String, Long> counts = new java.util.HashMap<>();
    try (Connection c = DriverManager.getConnection(urlWithSchema(schema), pgUser, pgPassword);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        counts.put(rs.getString(1), rs.getLong(2));
      }
    }
    return counts;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
