package co.ori.it;

import static org.assertj.core.api.Assertions.assertThat;

import co.ori.it.RestCalls.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Security of the REST API as the contract states it ("Users and groups", "Starting a case over
 * REST", "Registries"): HTTP Basic on {@code /engine-rest} and {@code /api} (401 otherwise), a
 * tenant's staff see only their tenant's definitions, tasks, instances and history and get 403 on
 * another tenant's registry, {@code camunda-admin} sees all, and a start with a missing or unknown
 * variable is refused with 400 naming it, leaving no process instance behind.
 *
 * <p>Real application, real engine, H2 (profile {@code test}, demo users {@code <tenant>.<group>}/{@code demo}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RestSecurityTest {

  private static final String PASSWORD = "demo";
  private static final String ADMIN = "demo";
  private static final String UMC_COORDINATOR = "umc.cini-coordinator";
  private static final String UMC_REQUESTER = "umc.faculty-requester";
  private static final String CESMAG_REQUESTER = "cesmag.faculty-requester";
  private static final String CESMAG_COORDINATOR = "cesmag.cini-coordinator";

  @LocalServerPort
  int port;

  RestCalls rest;

  @BeforeEach
  void client() {
    rest = new RestCalls("http://localhost:" + port);
  }

  @Test
  void everyEndpointAnswers401WithoutCredentials() {
    assertThat(rest.get("/engine-rest/process-definition").status()).isEqualTo(401);
    assertThat(rest.get("/engine-rest/process-definition?maxResults=10").status()).isEqualTo(401);
    assertThat(rest.get("/engine-rest/task?maxResults=10").status()).isEqualTo(401);
    assertThat(rest.get("/api/tenants/umc/agreements").status()).isEqualTo(401);
  }

  @Test
  void theEngineListIsNotPublicEither() {
    // Camunda's authentication filter lets GET /engine-rest/engine through on purpose; the
    // contract says every endpoint answers 401 without credentials.
    Answer engines = rest.get("/engine-rest/engine");
    assertThat(engines.status()).as(engines.toString()).isEqualTo(401);
  }

  @Test
  void aWrongPasswordAnswers401() {
    // Users no other test logs in as: after a failed login Camunda delays that user's next
    // login by some seconds (brute-force protection), which would break other tests.
    assertThat(rest.get("/engine-rest/process-definition?maxResults=10", "unal.rector-office", "not-the-password")
        .status()).isEqualTo(401);
    assertThat(rest.get("/api/tenants/ufps/agreements", "ufps.general-secretary", "wrong").status()).isEqualTo(401);
    assertThat(rest.get("/engine-rest/process-definition?maxResults=10", "nobody", PASSWORD).status()).isEqualTo(401);
    // control: the right password of a user of the same kind works, so the 401s are about the credentials
    assertThat(rest.get("/engine-rest/process-definition?maxResults=10", "unal.general-secretary", PASSWORD).status())
        .isEqualTo(200);
    assertThat(rest.get("/api/tenants/ufps/agreements", "ufps.rector-office", PASSWORD).status()).isEqualTo(200);
  }

  @Test
  void tenantStaffSeeOnlyTheirTenantsDefinitionsAndTheAdminSeesAll() {
    Answer coordinator = rest.get("/engine-rest/process-definition?key=agreement-formalization&maxResults=100",
        UMC_COORDINATOR, PASSWORD);
    assertThat(coordinator.status()).as(coordinator.toString()).isEqualTo(200);
    assertThat(tenantIdsOf(coordinator.json())).isNotEmpty().containsOnly("umc");

    Answer admin = rest.get("/engine-rest/process-definition?key=agreement-formalization&maxResults=100", ADMIN, PASSWORD);
    assertThat(admin.status()).as(admin.toString()).isEqualTo(200);
    assertThat(tenantIdsOf(admin.json())).contains("umc", "cesmag", "unal", "ufps");
  }

  @Test
  void tenantStaffDoNotSeeAnotherTenantsCaseTasksOrHistory() {
    String umcCase = startAgreement("umc", UMC_REQUESTER, "Universidad de Sucre " + UUID.randomUUID());
    String cesmagCase = startAgreement("cesmag", CESMAG_REQUESTER, "Universidad de Nariño " + UUID.randomUUID());

    // the umc coordinator sees the review task of the umc case, and nothing of cesmag
    List<JsonNode> umcTasks = list(rest.get("/engine-rest/task?maxResults=2000", UMC_COORDINATOR, PASSWORD));
    assertThat(umcTasks).anyMatch(t -> umcCase.equals(t.path("processInstanceId").asText()));
    assertThat(umcTasks).noneMatch(t -> cesmagCase.equals(t.path("processInstanceId").asText()));
    assertThat(umcTasks).allMatch(t -> "umc".equals(t.path("tenantId").asText()));

    List<JsonNode> umcInstances =
        list(rest.get("/engine-rest/process-instance?maxResults=2000", UMC_COORDINATOR, PASSWORD));
    assertThat(umcInstances).noneMatch(p -> cesmagCase.equals(p.path("id").asText()));
    assertThat(umcInstances).allMatch(p -> "umc".equals(p.path("tenantId").asText()));
    assertThat(rest.get("/engine-rest/process-instance/" + cesmagCase, UMC_COORDINATOR, PASSWORD).status())
        .isIn(403, 404);
    List<JsonNode> umcHistory =
        list(rest.get("/engine-rest/history/process-instance?maxResults=2000", UMC_COORDINATOR, PASSWORD));
    assertThat(umcHistory).noneMatch(p -> cesmagCase.equals(p.path("id").asText()));

    // and the other way round
    List<JsonNode> cesmagTasks =
        list(rest.get("/engine-rest/task?maxResults=2000", CESMAG_COORDINATOR, PASSWORD));
    assertThat(cesmagTasks).anyMatch(t -> cesmagCase.equals(t.path("processInstanceId").asText()));
    assertThat(cesmagTasks).noneMatch(t -> umcCase.equals(t.path("processInstanceId").asText()));

    // camunda-admin sees both
    List<JsonNode> adminTasks = list(rest.get("/engine-rest/task?maxResults=2000", ADMIN, PASSWORD));
    assertThat(adminTasks).anyMatch(t -> umcCase.equals(t.path("processInstanceId").asText()));
    assertThat(adminTasks).anyMatch(t -> cesmagCase.equals(t.path("processInstanceId").asText()));
    List<JsonNode> adminInstances = list(rest.get("/engine-rest/process-instance?maxResults=2000", ADMIN, PASSWORD));
    assertThat(adminInstances).anyMatch(p -> umcCase.equals(p.path("id").asText()));
    assertThat(adminInstances).anyMatch(p -> cesmagCase.equals(p.path("id").asText()));
  }

  @Test
  void anotherTenantsRegistryAnswers403() {
    Answer own = rest.get("/api/tenants/umc/agreements", UMC_COORDINATOR, PASSWORD);
    assertThat(own.status()).as(own.toString()).isEqualTo(200);
    Answer other = rest.get("/api/tenants/cesmag/agreements", UMC_COORDINATOR, PASSWORD);
    assertThat(other.status()).as(other.toString()).isEqualTo(403);
    Answer admin = rest.get("/api/tenants/cesmag/agreements", ADMIN, PASSWORD);
    assertThat(admin.status()).as(admin.toString()).isEqualTo(200);
  }

  @Test
  void aStartMissingARequiredVariableIs400NamingItAndLeavesNoInstance() {
    long runningBefore = count("/engine-rest/process-instance/count?processDefinitionKey=agreement-formalization");
    long historyBefore = count("/engine-rest/history/process-instance/count?processDefinitionKey=agreement-formalization");

    Answer refused = rest.post(AgreementRequests.startPath("umc"),
        AgreementRequests.valid("ignored").without("partnerName").body(), UMC_REQUESTER, PASSWORD);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).contains("partnerName");
    assertThat(count("/engine-rest/process-instance/count?processDefinitionKey=agreement-formalization"))
        .isEqualTo(runningBefore);
    assertThat(count("/engine-rest/history/process-instance/count?processDefinitionKey=agreement-formalization"))
        .isEqualTo(historyBefore);
  }

  @Test
  void aStartWithAnUnknownInstrumentTypeIs400NamingItAndSavesNothing() {
    String partner = "Institución rara " + UUID.randomUUID();
    long runningBefore = count("/engine-rest/process-instance/count?processDefinitionKey=agreement-formalization");
    long historyBefore = count("/engine-rest/history/process-instance/count?processDefinitionKey=agreement-formalization");

    Answer refused = rest.post(AgreementRequests.startPath("umc"),
        AgreementRequests.valid(partner).with("instrumentType", "CONVENIO_RARO", "String").body(),
        UMC_REQUESTER, PASSWORD);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).contains("instrumentType");
    assertThat(count("/engine-rest/process-instance/count?processDefinitionKey=agreement-formalization"))
        .isEqualTo(runningBefore);
    assertThat(count("/engine-rest/history/process-instance/count?processDefinitionKey=agreement-formalization"))
        .isEqualTo(historyBefore);
    Answer registry = rest.get("/api/tenants/umc/agreements", ADMIN, PASSWORD);
    assertThat(registry.status()).as(registry.toString()).isEqualTo(200);
    assertThat(registry.body()).doesNotContain(partner);
  }

  // ------------------------------------------------------------------------------------------

  /** Starts an agreement-formalization case over REST; returns the process instance id. */
  private String startAgreement(String tenant, String user, String partner) {
    Answer started = rest.post(AgreementRequests.startPath(tenant),
        AgreementRequests.valid(partner).body(), user, PASSWORD);
    assertThat(started.status()).as("start as %s: %s", user, started).isEqualTo(200);
    assertThat(started.json().path("tenantId").asText()).isEqualTo(tenant);
    return started.json().path("id").asText();
  }

  private long count(String path) {
    Answer answer = rest.get(path, ADMIN, PASSWORD);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.json().path("count").asLong();
  }

  private static List<JsonNode> list(Answer answer) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    List<JsonNode> items = new ArrayList<>();
    answer.json().forEach(items::add);
    return items;
  }

  private static List<String> tenantIdsOf(JsonNode definitions) {
    List<String> tenants = new ArrayList<>();
    definitions.forEach(d -> tenants.add(d.path("tenantId").isNull() ? null : d.path("tenantId").asText()));
    return tenants;
  }
}
