package co.ori.mobility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.ori.agreements.Agreement;
import co.ori.agreements.AgreementScope;
import co.ori.agreements.InstrumentType;
import co.ori.agreements.JdbcAgreementRegistry;
import co.ori.agreements.RegistryTestUsers;
import co.ori.agreements.RegistryValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * The call registry (convocatorias, {@code procedures.md} §0.3; contract "Registries") over HTTP
 * and on its table: POST/GET, validation naming the field, link to the agreement registry,
 * 404/401/403. Real application, real HTTP with Basic authentication, real H2.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CallApiTest {

  static final String BASE = "/api/tenants/ufps/calls";

  @Autowired TestRestTemplate anonymous;
  @Autowired CallRegistry calls;
  @Autowired JdbcAgreementRegistry agreements;
  @Autowired IdentityService identityService;

  TestRestTemplate admin;

  @BeforeEach
  void client() {
    admin = anonymous.withBasicAuth("demo", "demo");
  }

  @Test
  void postRegistersACallThatGetReturns() {
    String host = "Universidad de Buenos Aires " + UUID.randomUUID();
    ResponseEntity<JsonNode> created = admin.postForEntity(BASE, json("""
        {"hostInstitution": "%s", "hostCountry": "Argentina", "targetPeriod": "2026-2",
         "places": 2, "openingDate": "2026-03-02", "closingDate": "2026-04-15",
         "nominationDeadline": "2026-04-30", "description": "Intercambio semestral de pregrado",
         "overrides": {"minSemesters": 3}}
        """.formatted(host)), JsonNode.class);

    assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
    JsonNode body = created.getBody();
    String id = body.path("id").asText();
    assertThat(id).matches("CALL-\\d{4}-\\d{4}");
    assertThat(body.path("tenantId").asText()).isEqualTo("ufps");
    assertThat(body.path("hostInstitution").asText()).isEqualTo(host);
    assertThat(body.path("targetPeriod").asText()).isEqualTo("2026-2");
    assertThat(body.path("places").asInt()).isEqualTo(2);
    assertThat(body.path("openingDate").asText()).isEqualTo("2026-03-02");
    assertThat(body.path("closingDate").asText()).isEqualTo("2026-04-15");
    assertThat(body.path("nominationDeadline").asText()).isEqualTo("2026-04-30");
    assertThat(body.path("overrides").path("minSemesters").asInt()).isEqualTo(3);
    assertThat(created.getHeaders().getLocation()).hasToString(BASE + "/" + id);

    ResponseEntity<JsonNode> read = admin.getForEntity(BASE + "/" + id, JsonNode.class);
    assertThat(read.getStatusCode().value()).isEqualTo(200);
    assertThat(read.getBody()).isEqualTo(body);
    assertThat(admin.getForEntity(BASE, JsonNode.class).getBody().findValuesAsText("id")).contains(id);
    // another tenant does not see it
    assertThat(admin.getForEntity("/api/tenants/unal/calls/" + id, JsonNode.class).getStatusCode().value())
        .isEqualTo(404);
  }

  @Test
  void aCallMayReferToAnAgreementOfTheSameTenantOnly() {
    // a given id, so that no agreement of tenant unal can have it by chance (generated ids are per tenant)
    String agreementId = "PAMPLONA-" + UUID.randomUUID().toString().substring(0, 8);
    Agreement agreement = agreements.register("ufps", new Agreement(agreementId, null,
        InstrumentType.CONVENIO_ESPECIFICO, "MOVILIDAD", null, null, "Universidad de Pamplona", "Colombia",
        null, AgreementScope.NACIONAL, null, null, LocalDate.of(2024, 1, 1), LocalDate.of(2028, 12, 31),
        false, false, null, 4, false, null));

    Call stored = calls.register("ufps", call(null, "2026-1", 4, LocalDate.of(2025, 10, 1),
        LocalDate.of(2025, 11, 1), agreement.id()));
    assertThat(stored.agreementId()).isEqualTo(agreement.id());
    assertThat(stored.acceptsApplicationsOn(LocalDate.of(2025, 11, 1))).isTrue();
    assertThat(stored.acceptsApplicationsOn(LocalDate.of(2025, 11, 2))).isFalse();

    assertThatThrownBy(() -> calls.register("unal", call(null, "2026-1", 4, LocalDate.of(2025, 10, 1),
        LocalDate.of(2025, 11, 1), agreement.id())))
        .isInstanceOfSatisfying(RegistryValidationException.class, e -> assertThat(e.errors())
            .containsExactly("agreementId: no existe un convenio con id " + agreement.id() + " en este tenant"));
  }

  @Test
  void everyInvalidFieldIsNamedAndNothingIsSaved() {
    int before = calls.findAll("ufps").size();
    ResponseEntity<JsonNode> answer = admin.postForEntity(BASE, json("""
        {"hostInstitution": " ", "hostCountry": "Perú", "targetPeriod": "2026-3", "places": -1,
         "openingDate": "2026-05-01", "closingDate": "2026-04-30", "nominationDeadline": "2026-04-01"}
        """), JsonNode.class);

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(texts(answer.getBody().path("errors"))).containsExactly(
        "hostInstitution: es obligatorio",
        "targetPeriod: '2026-3' no válido; se espera YYYY-1 o YYYY-2",
        "places: no puede ser negativo",
        "closingDate: no puede ser anterior a openingDate (2026-05-01)",
        "nominationDeadline: no puede ser anterior a openingDate (2026-05-01)");
    assertThat(calls.findAll("ufps")).hasSize(before);
  }

  @Test
  void missingRequiredFieldsAreNamed() {
    ResponseEntity<JsonNode> answer = admin.postForEntity(BASE, json("{}"), JsonNode.class);
    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(texts(answer.getBody().path("errors"))).extracting(m -> m.substring(0, m.indexOf(':')))
        .containsExactly("hostInstitution", "hostCountry", "targetPeriod", "places", "openingDate", "closingDate");
  }

  @Test
  void aWrongJsonTypeIs400NamingTheField() {
    ResponseEntity<JsonNode> answer = admin.postForEntity(BASE, json("""
        {"hostInstitution": "UBA", "hostCountry": "Argentina", "targetPeriod": "2026-1", "places": "dos",
         "openingDate": "2026-03-02", "closingDate": "2026-04-15"}
        """), JsonNode.class);
    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(texts(answer.getBody().path("errors"))).singleElement().asString()
        .startsWith("places: valor 'dos' no válido").contains("entero");
  }

  @Test
  void aGivenIdIsKeptAndNotReused() {
    String id = "CONV-UFPS-" + UUID.randomUUID().toString().substring(0, 6);
    assertThat(calls.register("ufps", call(id, "2027-1", 0, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 1), null)).id())
        .isEqualTo(id);
    assertThatThrownBy(() -> calls.register("ufps", call(id, "2027-1", 1, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30), null)))
        .isInstanceOf(RegistryValidationException.class).hasMessage("id: ya existe una convocatoria con id " + id);
  }

  @Test
  void unknownCallIs404AndAuthenticationIsRequired() {
    ResponseEntity<JsonNode> missing = admin.getForEntity(BASE + "/CALL-1900-0001", JsonNode.class);
    assertThat(missing.getStatusCode().value()).isEqualTo(404);
    assertThat(missing.getBody().path("error").asText()).contains("CALL-1900-0001");
    assertThat(anonymous.getForEntity(BASE, String.class).getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void aUserOfAnotherTenantIs403() {
    TestRestTemplate umc = anonymous.withBasicAuth(RegistryTestUsers.ensureUmcUser(identityService),
        RegistryTestUsers.PASSWORD);
    ResponseEntity<JsonNode> answer = umc.getForEntity(BASE, JsonNode.class);
    assertThat(answer.getStatusCode().value()).isEqualTo(403);
    assertThat(answer.getBody().path("error").asText()).isEqualTo("No tiene acceso al tenant ufps");
  }

  static Call call(String id, String period, int places, LocalDate opening, LocalDate closing, String agreementId) {
    return new Call(id, null, "Universidad de Pamplona", "Colombia", period, places, opening, closing,
        agreementId, null, null, Map.of());
  }

  static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }
}
