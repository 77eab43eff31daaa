package co.ori.mobility.incoming;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Starting {@code student-incoming-mobility} over REST as the contract says ("Starting a case over
 * REST"; {@code procedures.md} §2.d.1): a start whose variables are missing, mistyped or
 * inconsistent answers 400 naming the variable and leaves no instance; a valid start by the UFPS
 * office records {@code eligible} and {@code failedRules} (Json).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StudentIncomingRestTest {

  private static final String START = "/engine-rest/process-definition/key/student-incoming-mobility/tenant-id/ufps/start";
  private static final String STAFF = "ufps.ori-staff";
  private static final DateTimeFormatter REST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
  private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;

  @Test
  void badStartsAre400NamingTheVariableAndLeaveNothing() throws Exception {
    LocalDate start = LocalDate.now(BOGOTA).plusMonths(3);
    assertRefused(valid().date("endDate", start.minusDays(1)), "endDate");
    assertRefused(valid().with("cumulativeGpa", 5.5, "Double"), "cumulativeGpa");
    assertRefused(valid().with("scope", "PLANETARIO", "String"), "scope");
    assertRefused(valid().without("ufpsType"), "ufpsType");
    assertRefused(valid().without("documentNumber"), "documentNumber");
  }

  @Test
  void aValidStartRecordsTheEligibilityResults() throws Exception {
    HttpResponse<String> started = post(valid().body());
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    JsonNode instance = JSON.readTree(started.body());
    assertThat(instance.path("businessKey").asText()).matches("^MEE-\\d{4}-\\d{4}$");
    String id = instance.path("id").asText();
    HttpResponse<String> failed = get("/engine-rest/process-instance/" + id + "/variables/failedRules?deserializeValue=false");
    assertThat(JSON.readTree(failed.body()).path("type").asText()).isEqualTo("Json");
    HttpResponse<String> eligible = get("/engine-rest/process-instance/" + id + "/variables/eligible");
    assertThat(JSON.readTree(eligible.body()).path("type").asText()).isEqualTo("Boolean");
    runtimeService.deleteProcessInstance(id, "fin de la prueba REST");
  }

  private void assertRefused(Requests request, String variable) throws Exception {
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("student-incoming-mobility").count();
    HttpResponse<String> refused = post(request.body());
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(JSON.readTree(refused.body()).path("message").asText()).contains("'" + variable + "'");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("student-incoming-mobility").count())
        .isEqualTo(before);
  }

  private HttpResponse<String> post(Object body) throws Exception {
    return HttpClient.newHttpClient().send(request(START).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** GET as the admin (the office's group reads tasks, not instance variables). */
  private HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient().send(request(path, "demo").GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpRequest.Builder request(String path) {
    return request(path, STAFF);
  }

  private HttpRequest.Builder request(String path, String user) {
    String basic = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Basic " + basic);
  }

  /** A valid UFPS application in the REST API's typed form. */
  private static Requests valid() {
    LocalDate start = LocalDate.now(BOGOTA).plusMonths(3);
    return new Requests()
        .with("fullName", "Lucas Andrade Silva", "String")
        .with("documentType", "PASAPORTE", "String")
        .with("documentNumber", "BR" + (System.nanoTime() % 10_000_000), "String")
        .with("nationality", "Brasileña", "String")
        .date("birthDate", LocalDate.of(2002, 3, 3))
        .with("email", "lucas.silva@usp.br", "String")
        .with("homeContactEmail", "internacional@usp.br", "String")
        .with("homeInstitution", "Universidade de São Paulo", "String")
        .with("homeCountry", "Brasil", "String")
        .with("homeProgramName", "Engenharia Civil", "String")
        .with("programName", "Ingeniería Civil", "String")
        .with("programLevel", "PROFESIONAL", "String")
        .with("scope", "INTERNACIONAL", "String")
        .with("modality", "PRESENCIAL", "String")
        .with("submittedBy", "HOME_INSTITUTION_EMAIL", "String")
        .with("ufpsType", "SEM_INTERCAMBIO", "String")
        .with("supportProgram", "BRACOL", "String")
        .with("cumulativeGpa", 4.1, "Double")
        .with("targetPeriod", start.getYear() + (start.getMonthValue() <= 6 ? "-1" : "-2"), "String")
        .date("startDate", start)
        .date("endDate", start.plusMonths(5));
  }

  /** A REST start body: {@code {"variables": {"name": {"value": ..., "type": ...}}}}. */
  private static final class Requests {
    private final Map<String, Map<String, Object>> variables = new LinkedHashMap<>();

    Requests with(String name, Object value, String type) {
      Map<String, Object> typed = new LinkedHashMap<>();
      typed.put("value", value);
      typed.put("type", type);
      variables.put(name, typed);
      return this;
    }

    Requests date(String name, LocalDate day) {
      return with(name, REST_DATE.format(day.atStartOfDay(BOGOTA)), "Date");
    }

    Requests without(String name) {
      variables.remove(name);
      return this;
    }

    Map<String, Object> body() {
      return Map.of("variables", variables);
    }
  }
}
