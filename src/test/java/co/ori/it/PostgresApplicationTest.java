package co.ori.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import co.ori.OriWorkflowApplication;
import co.ori.it.RestCalls.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole application with the {@code postgres} profile against a real PostgreSQL (contract,
 * "Users and groups"; {@code application-postgres.yaml}): Flyway and the engine create their
 * tables there, every tenant gets its agreement-formalization deployment, no demo user exists,
 * the admin starts a case over REST and its registry row appears; and without
 * {@code ORI_ADMIN_PASSWORD} the profile refuses to start.
 *
 * <p>Needs {@code ORI_TEST_PG_URL}, {@code ORI_TEST_PG_USER}, {@code ORI_TEST_PG_PASSWORD} (a
 * database the user owns); {@code scripts/test} (what {@code .ci/run} runs) installs PostgreSQL
 * and sets them. Each run works in a
 * fresh schema {@code ori_it_<random>} (JDBC {@code currentSchema}), dropped at the end, so
 * reruns never collide. Without the variables the test fails on CI ({@code CI=true}) and is
 * skipped elsewhere.
 *
 * <p>The application is started with {@link SpringApplicationBuilder}, not {@code @SpringBootTest}:
 * Camunda's REST API finds its engine in the JVM-wide {@link ProcessEngines} registry by name
 * ({@code default}), so a second engine would take over the REST API of the H2 context that the
 * other tests share. This class puts the previous {@code default} engine back when it is done.
 */
@Tag("postgres")
class PostgresApplicationTest {

  private static final String ADMIN = "admin";
  private static final String ADMIN_PASSWORD = "pg-admin-" + UUID.randomUUID();
  private static final List<String> AGREEMENT_TENANTS = List.of("umc", "cesmag", "unal", "ufps");

  private static String pgUrl;
  private static String pgUser;
  private static String pgPassword;
  private static final List<String> schemas = new ArrayList<>();
  private static String schema;
  private static ProcessEngine previousDefaultEngine;
  private static ConfigurableApplicationContext app;
  private static RestCalls rest;

  @BeforeAll
  static void startApplicationOnPostgres() throws SQLException {
    pgUrl = System.getenv("ORI_TEST_PG_URL");
    pgUser = System.getenv("ORI_TEST_PG_USER");
    pgPassword = System.getenv("ORI_TEST_PG_PASSWORD");
    if (!postgresConfigured()) {
      return; // each test then fails (CI) or is skipped, see requirePostgres()
    }
    previousDefaultEngine = ProcessEngines.getProcessEngines().get(ProcessEngines.NAME_DEFAULT);
    schema = createFreshSchema();
    app = start(urlWithSchema(schema), ADMIN_PASSWORD);
    int port = ((ServletWebServerApplicationContext) app).getWebServer().getPort();
    rest = new RestCalls("http://localhost:" + port);
  }

  @BeforeEach
  void requirePostgres() {
    TestPrerequisites.require(postgresConfigured(),
        "ORI_TEST_PG_URL is not set (PostgreSQL integration test, tag 'postgres')",
        "run `bash scripts/test` as root (installs and starts PostgreSQL), or point ORI_TEST_PG_URL "
            + "(e.g. jdbc:postgresql://localhost:5432/ori_test), ORI_TEST_PG_USER and "
            + "ORI_TEST_PG_PASSWORD at a database that user owns");
  }

  private static boolean postgresConfigured() {
    return pgUrl != null && !pgUrl.isBlank();
  }

  @AfterAll
  static void stopApplicationAndDropSchemas() throws SQLException {
    try {
      if (app != null) {
        app.close();
      }
    } finally {
      restorePreviousDefaultEngine();
      if (pgUrl != null && !schemas.isEmpty()) {
        try (Connection c = DriverManager.getConnection(pgUrl, pgUser, pgPassword);
            Statement s = c.createStatement()) {
          for (String name : schemas) {
            s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
          }
        }
      }
    }
  }

  @Test
  void flywayMigratedTheApplicationSchemaOnPostgres() throws SQLException {
    List<String> versions = queryStrings(
        "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL ORDER BY installed_rank");
    assertThat(versions).as("Flyway versions applied in schema %s", schema).contains("1", "2");
    assertThat(tablesOfSchema()).as("application tables of V1 (registries) and V2 (mail outbox)")
        .contains("flyway_schema_history", "agreement", "mobility_call", "mobility_ban", "mail_outbox");
  }

  @Test
  void theEngineCreatedItsTablesInTheSameSchema() throws SQLException {
    assertThat(tablesOfSchema())
        .contains("act_ge_property", "act_re_procdef", "act_ru_execution", "act_ru_task",
            "act_hi_procinst", "act_id_user", "act_re_decision_def");
    assertThat(queryStrings("SELECT version_ FROM act_ge_schema_log"))
        .as("Camunda's schema log records the engine version that created the tables")
        .anyMatch(v -> v.startsWith("7.24"));
  }

  @Test
  void agreementFormalizationIsDeployedToEveryTenantThatUsesIt() throws SQLException {
    assertThat(queryStrings(
            "SELECT DISTINCT tenant_id_ FROM act_re_procdef WHERE key_ = 'agreement-formalization'"))
        .containsExactlyInAnyOrderElementsOf(AGREEMENT_TENANTS);
    assertThat(queryStrings("SELECT DISTINCT tenant_id_ FROM act_re_deployment"))
        .as("one deployment per tenant, never one without tenant")
        .doesNotContainNull()
        .containsAll(AGREEMENT_TENANTS);
    // the REST API reads the same definitions (the admin sees every tenant)
    Answer answer = rest.get("/engine-rest/process-definition?key=agreement-formalization&latestVersion=true&maxResults=100",
        ADMIN, ADMIN_PASSWORD);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    List<String> tenants = new ArrayList<>();
    answer.json().forEach(d -> tenants.add(d.path("tenantId").asText()));
    assertThat(tenants).containsExactlyInAnyOrderElementsOf(AGREEMENT_TENANTS);
  }

  @Test
  void noDemoUserExistsOnlyTheAdministrator() throws SQLException {
    assertThat(queryStrings("SELECT id_ FROM act_id_user")).containsExactly(ADMIN);
    assertThat(queryStrings("SELECT group_id_ FROM act_id_membership WHERE user_id_ = 'admin'"))
        .contains("camunda-admin");
    Answer demoAdmin = rest.get("/engine-rest/process-definition", "demo", "demo");
    assertThat(demoAdmin.status()).as("demo/demo must not exist: %s", demoAdmin).isEqualTo(401);
    Answer demoUser = rest.get("/engine-rest/process-definition", "umc.cini-coordinator", "demo");
    assertThat(demoUser.status()).as("demo users must not exist: %s", demoUser).isEqualTo(401);
    Answer admin = rest.get("/engine-rest/process-definition?maxResults=10", ADMIN, ADMIN_PASSWORD);
    assertThat(admin.status()).as(admin.toString()).isEqualTo(200);
  }

  @Test
  void theAdminStartsAnAgreementCaseOverRestAndItsRegistryRowAppears() throws SQLException {
    String partner = "Universidad del Atlántico PG " + UUID.randomUUID();
    Answer started = rest.post(AgreementRequests.startPath("umc"),
        AgreementRequests.valid(partner).body(), ADMIN, ADMIN_PASSWORD);
    assertThat(started.status()).as(started.toString()).isEqualTo(200);
    JsonNode instance = started.json();
    String instanceId = instance.path("id").asText();
    String businessKey = instance.path("businessKey").asText();
    assertThat(businessKey).matches("AGR-\\d{4}-\\d{4}");
    assertThat(instance.path("tenantId").asText()).isEqualTo("umc");

    // the case lives in PostgreSQL, in this run's schema
    assertThat(queryStrings("SELECT tenant_id_ FROM act_hi_procinst WHERE id_ = '" + instanceId
        + "' AND business_key_ = '" + businessKey + "'")).containsExactly("umc");

    // the registry row (procedures.md §2.a.2 A2, status REQUESTED) is readable over /api
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
      Answer row = rest.get("/api/tenants/umc/agreements/" + businessKey, ADMIN, ADMIN_PASSWORD);
      assertThat(row.status()).as(row.toString()).isEqualTo(200);
      assertThat(row.json().path("partnerName").asText()).isEqualTo(partner);
      assertThat(row.json().path("instrumentType").asText()).isEqualTo("CONVENIO_MARCO");
      assertThat(row.json().path("status").asText()).isNotBlank();
    });
  }

  @Test
  void thePostgresProfileRefusesToStartWithoutTheAdminPassword() {
    // Same database and schema as the running application: only the admin password is missing.
    ProcessEngine defaultBefore = ProcessEngines.getProcessEngines().get(ProcessEngines.NAME_DEFAULT);
    try {
      assertThatThrownBy(() -> start(urlWithSchema(schema), "").close())
          .satisfies(e -> assertThat(messagesOf(e))
              .as("start-up error must tell which variable is missing")
              .anyMatch(m -> m.contains("ORI_ADMIN_PASSWORD")));
    } finally {
      // the refused context's engine replaced and then unregistered the name "default"
      if (defaultBefore != null) {
        ProcessEngines.registerProcessEngine(defaultBefore);
      }
    }
  }

  // ------------------------------------------------------------------------------------------

  /** Starts the application with profile postgres, the way an operator does with env vars. */
  private static ConfigurableApplicationContext start(String dbUrl, String adminPassword) {
    // command-line arguments outrank environment variables, so a developer's own ORI_* settings
    // cannot leak into the test
    return new SpringApplicationBuilder(OriWorkflowApplication.class)
        .profiles("postgres")
        .run("--ORI_DB_URL=" + dbUrl,
            "--ORI_DB_USER=" + pgUser,
            "--ORI_DB_PASSWORD=" + pgPassword,
            "--ORI_ADMIN_USER=" + ADMIN,
            "--ORI_ADMIN_PASSWORD=" + adminPassword,
            "--server.port=0",
            "--spring.main.banner-mode=off");
  }

  /**
   * Drops the schemas left by interrupted runs, checks that no other schema of the database
   * holds Camunda tables, and creates this run's schema.
   *
   * <p>Camunda looks for its tables in every schema of the database (JDBC metadata without a
   * schema filter), so Camunda tables elsewhere would make it skip creating its own here.
   */
  private static String createFreshSchema() throws SQLException {
    String name = "ori_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(pgUrl, pgUser, pgPassword);
        Statement s = c.createStatement()) {
      List<String> leftovers = new ArrayList<>();
      try (ResultSet rs = s.executeQuery(
          "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'ori\\_it\\_%'")) {
        while (rs.next()) {
          leftovers.add(rs.getString(1));
        }
      }
      for (String leftover : leftovers) {
        s.execute("DROP SCHEMA " + leftover + " CASCADE");
      }
      List<String> camundaSchemas = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("SELECT table_schema FROM information_schema.tables "
          + "WHERE table_name = 'act_ge_property'")) {
        while (rs.next()) {
          camundaSchemas.add(rs.getString(1));
        }
      }
      assertThat(camundaSchemas)
          .as("The test database %s must not hold Camunda tables outside the test's own schemas "
              + "(Camunda would find them and not create its own); use an empty database, "
              + "e.g. dropdb ori_test && createdb -O ori ori_test", pgUrl)
          .isEmpty();
      s.execute("CREATE SCHEMA " + name);
    }
    schemas.add(name);
    return name;
  }

  private static String urlWithSchema(String name) {
    return pgUrl + (pgUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
  }

  private static void restorePreviousDefaultEngine() {
    if (previousDefaultEngine != null) {
      ProcessEngines.registerProcessEngine(previousDefaultEngine);
    }
  }

  private static List<String> tablesOfSchema() throws SQLException {
    return queryStrings("SELECT table_name FROM information_schema.tables WHERE table_schema = '"
        + schema + "'");
  }

  private static List<String> queryStrings(String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(urlWithSchema(schema), pgUser, pgPassword);
        PreparedStatement s = c.prepareStatement(sql);
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  private static List<String> messagesOf(Throwable error) {
    List<String> messages = new ArrayList<>();
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      messages.add(String.valueOf(t.getMessage()));
    }
    return messages;
  }
}
