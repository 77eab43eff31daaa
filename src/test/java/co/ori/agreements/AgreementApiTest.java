package co.ori.agreements;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
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
import org.springframework.test.context.ActiveProfiles;

/**
 * The agreement registry over HTTP (contract "Registries"): real application, real HTTP with
 * Basic authentication, real H2. POST/GET, 400 naming the field, CSV import all-or-nothing by
 * line, 404, 401 and 403.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AgreementApiTest {

  static final String UMC_USER = RegistryTestUsers.UMC_USER;
  static final String PASSWORD = RegistryTestUsers.PASSWORD;
  static final String BASE = "/api/tenants/cesmag/agreements";

  @Autowired TestRestTemplate anonymous;
  @Autowired JdbcAgreementRegistry registry;
  @Autowired IdentityService identityService;

  TestRestTemplate admin;

  @BeforeEach
  void users() {
    admin = anonymous.withBasicAuth("demo", "demo");
    RegistryTestUsers.ensureUmcUser(identityService);
  }

  @Test
  void postRegistersAnActiveAgreementThatGetReturns() {
    String partner = "Universidad de Guadalajara " + UUID.randomUUID();
    ResponseEntity<JsonNode> created = admin.postForEntity(BASE, jsonBody("""
        {"partnerName": "%s", "partnerCountry": "México", "instrumentType": "CONVENIO_ESPECIFICO",
         "specificPurpose": "MOVILIDAD", "scope": "INTERNACIONAL", "validFrom": "2024-02-01",
         "validUntil": "2027-01-31", "mobilityPlacesPerPeriod": 3}
        """.formatted(partner)), JsonNode.class);

    assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
    JsonNode body = created.getBody();
    String id = body.path("id").asText();
    assertThat(id).matches("CNV-\\d{4}-\\d{4}");
    assertThat(body.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(body.path("tenantId").asText()).isEqualTo("cesmag");
    assertThat(body.path("validFrom").asText()).isEqualTo("2024-02-01");
    assertThat(body.path("validUntil").asText()).isEqualTo("2027-01-31");
    assertThat(body.path("mobilityPlacesPerPeriod").asInt()).isEqualTo(3);
    assertThat(created.getHeaders().getLocation()).hasToString(BASE + "/" + id);

    ResponseEntity<JsonNode> read = admin.getForEntity(BASE + "/" + id, JsonNode.class);
    assertThat(read.getStatusCode().value()).isEqualTo(200);
    com.fasterxml.jackson.databind.node.ObjectNode readBody = read.getBody().deepCopy();
    assertThat(readBody.remove("reciprocity")).as("no case under the new agreement yet").isEmpty();
    assertThat(readBody).isEqualTo(body);

    ResponseEntity<JsonNode> list = admin.getForEntity(BASE, JsonNode.class);
    assertThat(list.getStatusCode().value()).isEqualTo(200);
    assertThat(list.getBody().findValuesAsText("partnerName")).contains(partner);
  }

  @Test
  void postKeepsAGivenStatus() {
    ResponseEntity<JsonNode> created = admin.postForEntity(BASE, jsonBody("""
        {"partnerName": "Universidad de Antioquia", "partnerCountry": "Colombia",
         "instrumentType": "CONVENIO_MARCO", "scope": "NACIONAL", "validFrom": "2015-01-01",
         "validUntil": "2020-01-01", "status": "EXPIRED"}
        """), JsonNode.class);
    assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
    assertThat(created.getBody().path("status").asText()).isEqualTo("EXPIRED");
  }

  @Test
  void missingPartnerNameIs400NamingIt() {
    long before = registry.count("cesmag");
    ResponseEntity<JsonNode> answer = admin.postForEntity(BASE, jsonBody("""
        {"partnerCountry": "Chile", "instrumentType": "CONVENIO_MARCO", "scope": "INTERNACIONAL",
         "validFrom": "2024-01-01", "validUntil": "2026-01-01"}
        """), JsonNode.class);

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(texts(answer.getBody().path("errors"))).containsExactly("partnerName: es obligatorio");
    assertThat(answer.getBody().path("error").asText()).contains("partnerName");
    assertThat(registry.count("cesmag")).isEqualTo(before);
  }

  @Test
  void validUntilBeforeValidFromIs400NamingIt() {
    ResponseEntity<JsonNode> answer = admin.postForEntity(BASE, jsonBody("""
        {"partnerName": "Universidad de Chile", "partnerCountry": "Chile", "instrumentType": "ALIANZA",
         "scope": "INTERNACIONAL", "validFrom": "2024-06-01", "validUntil": "2024-05-31"}
        """), JsonNode.class);

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(texts(answer.getBody().path("errors")))
        .containsExactly("validUntil: no puede ser anterior a validFrom (2024-06-01)");
  }

  @Test
  void anUnknownEnumValueIs400WithTheAllowedValues() {
    ResponseEntity<JsonNode> answer = admin.postForEntity(BASE, jsonBody("""
        {"partnerName": "Universidad de Chile", "partnerCountry": "Chile", "instrumentType": "CONVENIO",
         "scope": "INTERNACIONAL", "validFrom": "2024-06-01", "validUntil": "2025-05-31"}
        """), JsonNode.class);

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(texts(answer.getBody().path("errors"))).singleElement().asString()
        .startsWith("instrumentType: valor 'CONVENIO' no válido")
        .contains("CONVENIO_MARCO, CONVENIO_ESPECIFICO, ALIANZA");
  }

  @Test
  void aBadDateIs400NamingTheField() {
    ResponseEntity<JsonNode> answer = admin.postForEntity(BASE, jsonBody("""
        {"partnerName": "Universidad de Chile", "partnerCountry": "Chile", "instrumentType": "ALIANZA",
         "scope": "INTERNACIONAL", "validFrom": "01/06/2024", "validUntil": "2025-05-31"}
        """), JsonNode.class);

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(texts(answer.getBody().path("errors"))).singleElement().asString()
        .startsWith("validFrom: valor '01/06/2024' no válido").contains("yyyy-MM-dd");
  }

  @Test
  void unknownIdOrTenantIs404Json() {
    ResponseEntity<JsonNode> noAgreement = admin.getForEntity(BASE + "/CNV-1900-0001", JsonNode.class);
    assertThat(noAgreement.getStatusCode().value()).isEqualTo(404);
    assertThat(noAgreement.getBody().path("error").asText()).contains("CNV-1900-0001");

    ResponseEntity<JsonNode> noTenant = admin.getForEntity("/api/tenants/atlantida/agreements", JsonNode.class);
    assertThat(noTenant.getStatusCode().value()).isEqualTo(404);
    assertThat(noTenant.getBody().path("error").asText()).contains("atlantida");
  }

  @Test
  void csvImportOfThreeGoodRowsSavesThree() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String csv = """
        id,partnerName,partnerCountry,instrumentType,specificPurpose,scope,validFrom,validUntil,status,mobilityPlacesPerPeriod
        ,Universidad de Chile %1$s,Chile,CONVENIO_MARCO,,INTERNACIONAL,2020-01-01,2030-12-31,,
        IMP-%1$s,Pontificia Universidad Javeriana %1$s,Colombia,CONVENIO_ESPECIFICO,MOVILIDAD,NACIONAL,2022-07-01,2026-06-30,ACTIVE,5
        ,Partners of the Americas %1$s,Estados Unidos,ALIANZA,,INTERNACIONAL,2019-03-15,2029-03-14,ACTIVE,
        """.formatted(tag);
    long before = registry.count("cesmag");

    ResponseEntity<JsonNode> answer = admin.exchange(BASE + "/import", HttpMethod.POST, csvBody(csv), JsonNode.class);

    assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(201);
    assertThat(answer.getBody().path("imported").asInt()).isEqualTo(3);
    assertThat(registry.count("cesmag")).isEqualTo(before + 3);
    JsonNode javeriana = admin.getForEntity(BASE + "/IMP-" + tag, JsonNode.class).getBody();
    assertThat(javeriana.path("partnerName").asText()).isEqualTo("Pontificia Universidad Javeriana " + tag);
    assertThat(javeriana.path("specificPurpose").asText()).isEqualTo("MOVILIDAD");
    assertThat(javeriana.path("mobilityPlacesPerPeriod").asInt()).isEqualTo(5);
    assertThat(answer.getBody().path("agreements").findValuesAsText("status")).containsOnly("ACTIVE");
  }

  @Test
  void csvWithABadRowOnLine3Is400NamingTheLineAndSavesNothing() {
    String csv = """
        partnerName,partnerCountry,instrumentType,scope,validFrom,validUntil
        Universidad de Chile,Chile,CONVENIO_MARCO,INTERNACIONAL,2020-01-01,2030-12-31
        Universidad de Lima,Perú,CONVENIO_MARCO,INTERNACIONAL,2020-01-01,2019-12-31
        Universidad de Cuenca,Ecuador,ALIANZA,INTERNACIONAL,2021-01-01,2031-12-31
        """;
    long before = registry.count("cesmag");

    ResponseEntity<JsonNode> answer = admin.exchange(BASE + "/import", HttpMethod.POST, csvBody(csv), JsonNode.class);

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(texts(answer.getBody().path("errors")))
        .containsExactly("línea 3: validUntil: no puede ser anterior a validFrom (2020-01-01)");
    assertThat(answer.getBody().path("error").asText()).contains("línea 3");
    assertThat(registry.count("cesmag")).isEqualTo(before);
  }

  @Test
  void csvWithUnknownColumnsIs400NamingThem() {
    String csv = "partnerName,partnerCountry,instrumentType,scope,validFrom,validUntil,socio\n"
        + "Universidad de Chile,Chile,CONVENIO_MARCO,INTERNACIONAL,2020-01-01,2030-12-31,x\n";
    ResponseEntity<JsonNode> answer = admin.exchange(BASE + "/import", HttpMethod.POST, csvBody(csv), JsonNode.class);

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(texts(answer.getBody().path("errors"))).singleElement().asString()
        .startsWith("línea 1: columnas desconocidas: socio");
  }

  @Test
  void withoutCredentialsIs401() {
    assertThat(anonymous.getForEntity(BASE, String.class).getStatusCode().value()).isEqualTo(401);
    assertThat(anonymous.getForEntity(BASE + "/CNV-2026-0001", String.class).getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void aUserOfAnotherTenantIs403AndSeesItsOwnTenant() {
    TestRestTemplate umc = anonymous.withBasicAuth(UMC_USER, PASSWORD);

    ResponseEntity<JsonNode> other = umc.getForEntity(BASE, JsonNode.class);
    assertThat(other.getStatusCode().value()).isEqualTo(403);
    assertThat(other.getBody().path("error").asText()).isEqualTo("No tiene acceso al tenant cesmag");

    long before = registry.count("cesmag");
    ResponseEntity<JsonNode> write = umc.postForEntity(BASE, jsonBody("""
        {"partnerName": "Intruso", "partnerCountry": "Chile", "instrumentType": "ALIANZA",
         "scope": "INTERNACIONAL", "validFrom": "2024-01-01", "validUntil": "2025-01-01"}
        """), JsonNode.class);
    assertThat(write.getStatusCode().value()).isEqualTo(403);
    assertThat(registry.count("cesmag")).isEqualTo(before);

    assertThat(umc.getForEntity("/api/tenants/umc/agreements", JsonNode.class).getStatusCode().value())
        .isEqualTo(200);
  }

  static HttpEntity<String> jsonBody(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  static HttpEntity<String> csvBody(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8));
    return new HttpEntity<>(body, headers);
  }

  static List<String> texts(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }
}
