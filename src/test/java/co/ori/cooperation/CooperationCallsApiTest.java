package co.ori.cooperation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.TaskService;
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
 * The Pasto calls matrix over HTTP (contract "Registries": {@code GET /api/tenants/{tenant}/calls};
 * issue "Pasto international cooperation strategy"): the REST start of
 * {@code pasto-cooperation-strategy} by a professional (400 naming the variable and nothing left
 * when a variable is bad), the matrix rows as the professional reads them, 403 for another
 * tenant's users, and the CSV and XLSX exports parsed back. Real application, real HTTP with
 * Basic authentication, real engine and H2, every tenant deployed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CooperationCallsApiTest {

  static final String CALLS = "/api/tenants/pasto/calls";
  static final String START = "/engine-rest/process-definition/key/pasto-cooperation-strategy/tenant-id/pasto/start";
  static final String PROFESSIONAL = "pasto.pasto-professional";
  static final String PASSWORD = "demo";
  static final ZoneId BOGOTA = ZoneId.of("America/Bogota");
  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate anonymous;
  @Autowired TaskService taskService;
  @Autowired CooperationCallMatrix matrix;

  TestRestTemplate professional;
  TestRestTemplate admin;

  @BeforeEach
  void clients() {
    professional = anonymous.withBasicAuth(PROFESSIONAL, PASSWORD);
    admin = anonymous.withBasicAuth("demo", "demo");
  }

  @Test
  void aProfessionalStartsACaseOverRestAndReadsItsRowInTheMatrix() {
    String title = "Agua y saneamiento " + UUID.randomUUID();
    LocalDate closing = LocalDate.now(BOGOTA).plusDays(40);
    ResponseEntity<JsonNode> started = professional.postForEntity(START, json(startBody(title, closing)), JsonNode.class);
    assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(200);
    String key = started.getBody().path("businessKey").asText();
    String pid = started.getBody().path("id").asText();
    assertThat(key).matches("COOP-\\d{4}-\\d{4}");

    ResponseEntity<JsonNode> list = professional.getForEntity(CALLS, JsonNode.class);
    assertThat(list.getStatusCode().value()).isEqualTo(200);
    JsonNode row = find(list.getBody(), key);
    assertThat(row.path("title").asText()).isEqualTo(title);
    assertThat(row.path("hostInstitution").asText()).isEqualTo("Unión Europea");
    assertThat(row.path("hostCountry").asText()).isEqualTo("Bélgica");
    assertThat(row.path("closingDate").asText()).isEqualTo(closing.toString());
    assertThat(row.path("infoSource").asText()).isEqualTo("COOPERANT_BULLETIN");
    assertThat(row.path("resourcesAmount").decimalValue()).isEqualByComparingTo("80000");
    assertThat(row.path("currency").asText()).isEqualTo("EUR");
    assertThat(row.path("supportType").asText()).isEqualTo("BOTH");
    assertThat(row.path("priorityScore").asInt()).isEqualTo(5);
    assertThat(row.path("status").asText()).isEqualTo("IDENTIFIED");
    assertThat(row.has("outcome")).isFalse();
    assertThat(row.path("businessKey").asText()).isEqualTo(key);
    assertThat(row.path("processInstanceId").asText()).isEqualTo(pid);
    assertThat(row.path("tenantId").asText()).isEqualTo("pasto");
    assertThat(row.has("updatedAt")).isTrue();
    assertThat(row.has("targetPeriod")).isFalse();

    ResponseEntity<JsonNode> one = professional.getForEntity(CALLS + "/" + key, JsonNode.class);
    assertThat(one.getStatusCode().value()).isEqualTo(200);
    assertThat(one.getBody()).isEqualTo(row);
    assertThat(professional.getForEntity(CALLS + "/COOP-1900-0001", JsonNode.class).getStatusCode().value())
        .isEqualTo(404);
  }

  @Test
  void aBadRestStartIs400NamingTheVariableAndLeavesNoInstanceNorRow() {
    String title = "Convocatoria inválida " + UUID.randomUUID();
    long before = count("/engine-rest/history/process-instance/count?processDefinitionKey=pasto-cooperation-strategy");
    int rowsBefore = matrix.findAll("pasto").size();

    ObjectNode pastClosing = startBody(title, LocalDate.now(BOGOTA).minusDays(3));
    ResponseEntity<JsonNode> refused = professional.postForEntity(START, json(pastClosing), JsonNode.class);
    assertThat(refused.getStatusCode().value()).as(String.valueOf(refused.getBody())).isEqualTo(400);
    assertThat(refused.getBody().path("variable").asText()).isEqualTo("closingDate");
    assertThat(refused.getBody().path("message").asText()).contains("closingDate");

    ObjectNode badSupport = startBody(title, LocalDate.now(BOGOTA).plusDays(10));
    ((ObjectNode) badSupport.path("variables")).set("supportType", variable("PRESTAMO", "String"));
    refused = professional.postForEntity(START, json(badSupport), JsonNode.class);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().path("variable").asText()).isEqualTo("supportType");
    assertThat(refused.getBody().path("message").asText()).contains("FINANCING, TECHNICAL_ASSISTANCE, BOTH");

    ObjectNode noResources = startBody(title, LocalDate.now(BOGOTA).plusDays(10));
    ((ObjectNode) noResources.path("variables")).remove("resources");
    refused = professional.postForEntity(START, json(noResources), JsonNode.class);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().path("variable").asText()).isEqualTo("resources");

    assertThat(count("/engine-rest/history/process-instance/count?processDefinitionKey=pasto-cooperation-strategy"))
        .isEqualTo(before);
    assertThat(matrix.findAll("pasto")).hasSize(rowsBefore).noneMatch(c -> c.title().equals(title));
  }

  @Test
  void anotherTenantsUsersGet403AndKeepTheirOwnCallRegistry() {
    TestRestTemplate umc = anonymous.withBasicAuth("umc.cini-coordinator", PASSWORD);
    assertThat(umc.getForEntity(CALLS, JsonNode.class).getStatusCode().value()).isEqualTo(403);
    assertThat(umc.getForEntity(CALLS + "/export?format=xlsx", String.class).getStatusCode().value()).isEqualTo(403);
    // umc has no calls matrix: its call registry stays the mobility one, and there is no export
    ResponseEntity<JsonNode> own = umc.getForEntity("/api/tenants/umc/calls", JsonNode.class);
    assertThat(own.getStatusCode().value()).isEqualTo(200);
    assertThat(own.getBody().isArray()).isTrue();
    assertThat(umc.getForEntity("/api/tenants/umc/calls/export", JsonNode.class).getStatusCode().value())
        .isEqualTo(404);
    assertThat(anonymous.getForEntity(CALLS, String.class).getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void postingACallToThePastoMatrixIsRefused() {
    ResponseEntity<JsonNode> answer = professional.postForEntity(CALLS, json(JSON.createObjectNode()
        .put("hostInstitution", "AECID").put("hostCountry", "España").put("targetPeriod", "2026-1")
        .put("places", 1).put("openingDate", "2026-01-01").put("closingDate", "2026-02-01")), JsonNode.class);
    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getBody().path("error").asText()).contains("pasto-cooperation-strategy");
  }

  @Test
  void theMatrixIsExportedAsCsvAndXlsxWithSpanishHeaders() throws Exception {
    String title = "Exportación " + UUID.randomUUID();
    LocalDate closing = LocalDate.now(BOGOTA).plusDays(20);
    ResponseEntity<JsonNode> started = professional.postForEntity(START, json(startBody(title, closing)), JsonNode.class);
    assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(200);
    String key = started.getBody().path("businessKey").asText();
    String pid = started.getBody().path("id").asText();
    // the head decides not to apply: DISCARDED with outcome NOT_APPLIED and the reason
    taskService.complete(taskService.createTaskQuery().processInstanceId(pid).singleResult().getId(),
        Map.of("callSummary", "Resumen"));
    taskService.complete(taskService.createTaskQuery().processInstanceId(pid).singleResult().getId(),
        Map.of("applyDecision", "false", "validationNotes", "Fuera de las prioridades del plan, \"2026\"."));

    // CSV
    ResponseEntity<byte[]> csv = professional.getForEntity(CALLS + "/export?format=csv", byte[].class);
    assertThat(csv.getStatusCode().value()).isEqualTo(200);
    assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
    assertThat(csv.getHeaders().getContentDisposition().getFilename())
        .matches("matriz-convocatorias-pasto-\\d{4}-\\d{2}-\\d{2}\\.csv");
    byte[] bytes = csv.getBody();
    assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).containsExactly(0xEF, 0xBB, 0xBF);
    String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    List<CSVRecord> records;
    try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(text))) {
      assertThat(parser.getHeaderNames()).isEqualTo(CooperationCallExport.headers());
      assertThat(parser.getHeaderNames()).contains("Convocatoria", "Organismo cooperante", "Fecha de cierre",
          "Monto de los recursos", "Estado", "Resultado");
      records = parser.getRecords();
    }
    CSVRecord record = records.stream().filter(r -> r.get("Id del caso").equals(key)).findFirst().orElseThrow();
    assertThat(record.get("Convocatoria")).isEqualTo(title);
    assertThat(record.get("Organismo cooperante")).isEqualTo("Unión Europea");
    assertThat(record.get("Fecha de cierre")).isEqualTo(closing.toString());
    assertThat(record.get("Monto de los recursos")).isEqualTo("80000.00");
    assertThat(record.get("Tipo de apoyo")).isEqualTo("Financiamiento y asesoría técnica");
    assertThat(record.get("Fuente de información")).isEqualTo("Boletín informativo del cooperante");
    assertThat(record.get("Estado")).isEqualTo("Descartada");
    assertThat(record.get("Resultado")).isEqualTo("No se aplica");
    assertThat(record.get("Observaciones")).isEqualTo("Fuera de las prioridades del plan, \"2026\".");

    // XLSX, read back with POI
    ResponseEntity<byte[]> xlsx = professional.getForEntity(CALLS + "/export?format=XLSX", byte[].class);
    assertThat(xlsx.getStatusCode().value()).isEqualTo(200);
    assertThat(xlsx.getHeaders().getContentType().toString())
        .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
      Sheet sheet = workbook.getSheet(CooperationCallExport.SHEET);
      assertThat(sheet).isNotNull();
      List<String> headers = new ArrayList<>();
      sheet.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
      assertThat(headers).isEqualTo(CooperationCallExport.headers());
      Row found = null;
      for (Row r : sheet) {
        if (r.getRowNum() > 0 && key.equals(r.getCell(0).getStringCellValue())) {
          found = r;
        }
      }
      assertThat(found).as("row of %s", key).isNotNull();
      Cell closingCell = found.getCell(headers.indexOf("Fecha de cierre"));
      assertThat(closingCell.getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(DateUtil.isCellDateFormatted(closingCell)).isTrue();
      assertThat(closingCell.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(closing);
      assertThat(closingCell.getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy");
      Cell amount = found.getCell(headers.indexOf("Monto de los recursos"));
      assertThat(amount.getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(amount.getNumericCellValue()).isEqualTo(80000.0);
      assertThat(found.getCell(headers.indexOf("Prioridad (1-5)")).getNumericCellValue()).isEqualTo(5.0);
      assertThat(found.getCell(headers.indexOf("Estado")).getStringCellValue()).isEqualTo("Descartada");
      assertThat(found.getCell(headers.indexOf("Convocatoria")).getStringCellValue()).isEqualTo(title);
      assertThat(found.getCell(headers.indexOf("Última actualización")).getLocalDateTimeCellValue()).isNotNull();
      assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
    }

    assertThat(professional.getForEntity(CALLS + "/export?format=pdf", JsonNode.class).getStatusCode().value())
        .isEqualTo(400);
  }

  // ---------------------------------------------------------------------------------------------

  /** A valid REST start body (procedures.md §2.b.1 with the contract's types). */
  static ObjectNode startBody(String title, LocalDate closing) {
    ObjectNode v = JSON.createObjectNode();
    v.set("callTitle", variable(title, "String"));
    v.set("cooperant", variable("Unión Europea", "String"));
    v.set("cooperantCountry", variable("Bélgica", "String"));
    v.set("infoSource", variable("COOPERANT_BULLETIN", "String"));
    v.set("closingDate", variable(closing.atStartOfDay(BOGOTA)
        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")), "Date"));
    v.set("resources", variable("{\"amount\": 80000, \"currency\": \"EUR\"}", "Json"));
    v.set("eligibleActors", variable("Gobiernos locales", "String"));
    v.set("expectedImpact", variable("Acceso a agua potable en 5 corregimientos", "String"));
    v.set("supportType", variable("BOTH", "String"));
    ObjectNode priority = JSON.createObjectNode().put("value", 5).put("type", "Integer");
    v.set("priorityScore", priority);
    ObjectNode body = JSON.createObjectNode();
    body.set("variables", v);
    return body;
  }

  static ObjectNode variable(String value, String type) {
    return JSON.createObjectNode().put("value", value).put("type", type);
  }

  static HttpEntity<String> json(Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body.toString(), headers);
  }

  private long count(String path) {
    ResponseEntity<JsonNode> answer = admin.getForEntity(path, JsonNode.class);
    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    return answer.getBody().path("count").asLong();
  }

  private static JsonNode find(JsonNode rows, String id) {
    for (JsonNode row : rows) {
      if (id.equals(row.path("id").asText())) {
        return row;
      }
    }
    throw new AssertionError("no row " + id + " in " + rows);
  }
}
