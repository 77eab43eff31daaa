package co.ori.it;

import static org.assertj.core.api.Assertions.assertThat;

import co.ori.it.RestCalls.Answer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Starting {@code teacher-outgoing-mobility} over REST as the contract says ("Starting a case over
 * REST"; {@code procedures.md} §2.f.1): a start whose variables are missing, mistyped or
 * inconsistent answers 400 naming the variable and leaves no instance or history; a valid start by
 * a CESMAG teacher records {@code eligible}/{@code failedRules} (Json) and the derived
 * {@code stayType}, and the start form is deployed with the tenant.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TeacherMobilityRestTest {

  private static final String PASSWORD = "demo";
  private static final String ADMIN = "demo";
  private static final String TEACHER = "cesmag.professor";
  private static final String START = "/engine-rest/process-definition/key/teacher-outgoing-mobility/tenant-id/cesmag/start";
  private static final DateTimeFormatter REST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  @LocalServerPort
  int port;

  @Autowired
  RuntimeService runtimeService;

  RestCalls rest;

  @BeforeEach
  void client() {
    rest = new RestCalls("http://localhost:" + port);
  }

  @Test
  void aStartMissingTheTeacherIs400NamingItAndLeavesNothing() {
    assertRefused(valid().without("teacherId"), "teacherId");
  }

  @Test
  void aStartEndingBeforeItStartsIs400NamingEndDate() {
    LocalDate start = LocalDate.now(ZoneId.of("America/Bogota")).plusDays(40);
    assertRefused(valid().date("endDate", start.minusDays(1)), "endDate");
  }

  @Test
  void aStartWithAnUnknownClassOrMistypedFlagIs400NamingIt() {
    assertRefused(valid().with("mobilityClass", "PASANTIA", "String"), "mobilityClass");
    assertRefused(valid().with("supportRequested", 42, "Integer"), "supportRequested");
    assertRefused(valid().with("mobilityClass", "EVENTO_CIENTIFICO_ACADEMICO", "String"), "eventRole");
  }

  @Test
  void aValidStartByATeacherRecordsTheEligibilityResultsAsTheContractSays() {
    Answer started = rest.post(START, valid().body(), TEACHER, PASSWORD);
    assertThat(started.status()).as(started.toString()).isEqualTo(200);
    String id = started.json().path("id").asText();
    assertThat(started.json().path("tenantId").asText()).isEqualTo("cesmag");
    assertThat(started.json().path("businessKey").asText()).matches("^MDS-\\d{4}-\\d{4}$");

    // Json variables are read serialized (Camunda's REST renders a deserialized Spin node as a bean)
    Answer failedRules = rest.get("/engine-rest/process-instance/" + id
        + "/variables/failedRules?deserializeValue=false", ADMIN, PASSWORD);
    assertThat(failedRules.status()).as(failedRules.toString()).isEqualTo(200);
    assertThat(failedRules.json().path("type").asText()).isEqualTo("Json");
    assertThat(failedRules.json().path("value").asText()).as(failedRules.toString()).isEqualTo("[]");
    Answer eligible = rest.get("/engine-rest/process-instance/" + id + "/variables/eligible", ADMIN, PASSWORD);
    assertThat(eligible.json().path("type").asText()).isEqualTo("Boolean");
    assertThat(eligible.json().path("value").asBoolean()).isTrue();
    Answer stayType = rest.get("/engine-rest/process-instance/" + id + "/variables/stayType", ADMIN, PASSWORD);
    assertThat(stayType.json().path("value").asText()).isEqualTo("CORTA");
    // the initiator is the authenticated teacher, who gets the teacher's tasks
    Answer teacherUser = rest.get("/engine-rest/process-instance/" + id + "/variables/teacherUser", ADMIN, PASSWORD);
    assertThat(teacherUser.json().path("value").asText()).isEqualTo(TEACHER);
    Answer task = rest.get("/engine-rest/task?processInstanceId=" + id + "&maxResults=10", "cesmag.program-director", PASSWORD);
    assertThat(task.status()).as(task.toString()).isEqualTo(200);
    assertThat(task.json().get(0).path("taskDefinitionKey").asText()).isEqualTo("Task_ApproveLetterDirector");
    runtimeService.deleteProcessInstance(id, "fin de la prueba REST");
  }

  @Test
  void theSpanishStartFormIsDeployedWithTheTenant() {
    Answer form = rest.get("/engine-rest/process-definition/key/teacher-outgoing-mobility/tenant-id/cesmag/deployed-start-form",
        TEACHER, PASSWORD);
    assertThat(form.status()).as(form.toString()).isEqualTo(200);
    assertThat(form.body()).contains("Solicitud de movilidad docente saliente").contains("\"key\": \"mobilityClass\"");
  }

  // ------------------------------------------------------------------------------------------

  private void assertRefused(Requests request, String variable) {
    long running = count("/engine-rest/process-instance/count?processDefinitionKey=teacher-outgoing-mobility");
    long history = count("/engine-rest/history/process-instance/count?processDefinitionKey=teacher-outgoing-mobility");
    Answer refused = rest.post(START, request.body(), TEACHER, PASSWORD);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).contains("'" + variable + "'");
    assertThat(count("/engine-rest/process-instance/count?processDefinitionKey=teacher-outgoing-mobility"))
        .isEqualTo(running);
    assertThat(count("/engine-rest/history/process-instance/count?processDefinitionKey=teacher-outgoing-mobility"))
        .isEqualTo(history);
  }

  private long count(String path) {
    Answer answer = rest.get(path, ADMIN, PASSWORD);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.json().path("count").asLong();
  }

  /**
   * A valid request in the REST API's typed form with only variables of {@code procedures.md}
   * §2.f.1: a DTC teacher's 5-day teaching stay in Pasto.
   */
  private static Requests valid() {
    LocalDate start = LocalDate.now(ZoneId.of("America/Bogota")).plusDays(40);
    return new Requests()
        .with("teacherId", "1085" + (System.nanoTime() % 1_000_000), "String")
        .with("fullName", "Andrés Felipe Rosero", "String")
        .with("programId", "Psicología", "String")
        .with("employmentType", "DTC", "String")
        .with("mobilityClass", "DOCENCIA", "String")
        .with("route", "CONVOCATORIA_EXTERNA", "String")
        .with("scope", "REGIONAL", "String")
        .with("modality", "PRESENCIAL", "String")
        .with("hostInstitution", "Universidad Mariana", "String")
        .with("hostCountry", "Colombia", "String")
        .with("letterOfIntent", "https://gd.unicesmag.edu.co/carta.pdf", "String")
        .with("supportRequested", false, "Boolean")
        .date("startDate", start)
        .date("endDate", start.plusDays(4));
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
      return with(name, REST_DATE.format(day.atStartOfDay(ZoneId.of("America/Bogota"))), "Date");
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
