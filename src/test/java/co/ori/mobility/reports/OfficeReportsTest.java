package co.ori.mobility.reports;

import static org.assertj.core.api.Assertions.assertThat;

import co.ori.agreements.Agreement;
import co.ori.agreements.AgreementScope;
import co.ori.agreements.AgreementStatus;
import co.ori.agreements.InstrumentType;
import co.ori.agreements.JdbcAgreementRegistry;
import co.ori.mobility.MobilityCase;
import co.ori.mobility.MobilityCaseRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The office reports over REST ({@link ReportsController}) from a realistic set of mobility cases
 * (60 cases of two periods, four agreements, every direction, scope and status) loaded into the
 * real registries; every figure is counted again here, independently, from the generated cases.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OfficeReportsTest {

  static final String TENANT = "ufps";
  static final String USER = "ufps.ori-staff";

  @LocalServerPort int port;
  @Autowired MobilityCaseRegistry cases;
  @Autowired JdbcAgreementRegistry agreements;

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<MobilityCase> generated = new ArrayList<>();
  private final List<String> agreementIds = new ArrayList<>();
  private String period;
  private String otherPeriod;

  @BeforeEach
  void load() {
    int year = 2040 + (int) (System.nanoTime() % 50);
    period = year + "-1";
    otherPeriod = year + "-2";
    String[][] partners = {{"Universidad de Salamanca", "España"}, {"Universidade de São Paulo", "Brasil"},
        {"Universidad Nacional Autónoma de México", "México"}, {"Universidad Industrial de Santander", "Colombia"}};
    for (int i = 0; i < partners.length; i++) {
      Agreement a = agreements.register(TENANT, new Agreement(null, TENANT, InstrumentType.CONVENIO_ESPECIFICO,
          "MOVILIDAD", null, null, partners[i][0], partners[i][1], null,
          "Colombia".equals(partners[i][1]) ? AgreementScope.NACIONAL : AgreementScope.INTERNACIONAL, "ORII",
          LocalDate.of(year - 3, 1, 10), LocalDate.of(year - 3, 2, 1), LocalDate.of(year, 3 + i * 3, 28),
          false, false, AgreementStatus.ACTIVE, 4, false, null));
      agreementIds.add(a.id());
    }
    Random random = new Random(year);
    MobilityCase.Status[] statuses = MobilityCase.Status.values();
    String[] types = {"SEM_INTERCAMBIO", "SEM_ACADEMICO", "CORTA_EVENTO", "CORTA_CURSO"};
    for (int i = 0; i < 60; i++) {
      int p = random.nextInt(partners.length);
      boolean outgoing = random.nextBoolean();
      String casePeriod = i % 5 == 0 ? otherPeriod : period;
      MobilityCase c = new MobilityCase(TENANT, "RPT-" + year + "-" + i, null,
          outgoing ? "student-outgoing-mobility" : "student-incoming-mobility",
          outgoing ? MobilityCase.Direction.OUTGOING : MobilityCase.Direction.INCOMING, false,
          "CC" + year + i, "Estudiante " + i, "Ingeniería de Sistemas", "PROFESIONAL", types[random.nextInt(types.length)],
          partners[p][0], partners[p][1], "Colombia".equals(partners[p][1]) ? "NACIONAL" : "INTERNACIONAL", "PRESENCIAL",
          i % 7 == 0 ? null : agreementIds.get(p), null, casePeriod, LocalDate.of(year, 2, 1), LocalDate.of(year, 6, 15),
          null, statuses[random.nextInt(statuses.length)], null, null);
      generated.add(cases.save(c));
    }
  }

  @Test
  void reciprocityPerAgreementCountsAcceptedCasesSentAndReceived() throws Exception {
    for (String id : agreementIds) {
      int sent = 0;
      int received = 0;
      for (MobilityCase c : generated) {
        if (id.equals(c.agreementId()) && period.equals(c.targetPeriod())
            && (c.status() == MobilityCase.Status.ACCEPTED || c.status() == MobilityCase.Status.IN_PROGRESS
                || c.status() == MobilityCase.Status.COMPLETED)) {
          if (c.direction() == MobilityCase.Direction.OUTGOING) {
            sent++;
          } else {
            received++;
          }
        }
      }
      JsonNode answer = json("/api/tenants/" + TENANT + "/agreements/" + id + "/reciprocity?period=" + period);
      assertThat(answer.size()).isEqualTo(1);
      assertThat(answer.get(0).get("sent").asInt()).as("sent under %s", id).isEqualTo(sent);
      assertThat(answer.get(0).get("received").asInt()).as("received under %s", id).isEqualTo(received);
      assertThat(answer.get(0).get("difference").asInt()).isEqualTo(received - sent);
      // and the agreement itself shows it (issue 7: "shown over /api/tenants/{tenant}/agreements/{id}")
      JsonNode agreement = json("/api/tenants/" + TENANT + "/agreements/" + id);
      assertThat(agreement.get("id").asText()).isEqualTo(id);
      JsonNode balance = null;
      for (JsonNode b : agreement.get("reciprocity")) {
        if (period.equals(b.get("period").asText())) {
          balance = b;
        }
      }
      assertThat(balance).as("balance of %s in %s", id, period).isNotNull();
      assertThat(balance.get("sent").asInt()).isEqualTo(sent);
      assertThat(balance.get("received").asInt()).isEqualTo(received);
    }
    // without a period: one balance per period with accepted cases
    JsonNode all = json("/api/tenants/" + TENANT + "/agreements/" + agreementIds.get(0) + "/reciprocity");
    assertThat(all.size()).isBetween(1, 2);

    List<CSVRecord> rows = csv(get("/api/tenants/" + TENANT + "/reports/reciprocity?period=" + period));
    assertThat(rows.stream().map(r -> r.get("Convenio")).toList()).containsAll(agreementIds);
  }

  @Test
  void statisticsCsvAndXlsxMatchCountsComputedFromTheCases() throws Exception {
    Map<String, Integer> expected = new TreeMap<>();
    for (MobilityCase c : generated) {
      if (period.equals(c.targetPeriod())) {
        expected.merge(String.join("|", c.direction().name(), c.scope(), c.mobilityType(), c.partnerCountry(),
            c.status().name()), 1, Integer::sum);
      }
    }
    HttpResponse<byte[]> csvAnswer = get("/api/tenants/" + TENANT + "/reports/statistics?period=" + period
        + "&format=csv&table=mobility");
    assertThat(csvAnswer.statusCode()).isEqualTo(200);
    assertThat(csvAnswer.headers().firstValue("Content-Disposition").orElseThrow()).contains("estadisticas-ufps-" + period);
    Map<String, Integer> actual = new TreeMap<>();
    for (CSVRecord r : csv(csvAnswer)) {
      assertThat(r.get("Periodo")).isEqualTo(period);
      actual.merge(String.join("|", r.get("Dirección"), r.get("Ámbito"), r.get("Tipo de movilidad"),
          r.get("País de la otra institución"), r.get("Estado")), Integer.parseInt(r.get("Cantidad")), Integer::sum);
    }
    assertThat(actual).isEqualTo(expected);
    assertThat(actual.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(48);

    // agreements by status and expiry relative to the period (1 Jan - 30 Jun)
    LocalDate start = LocalDate.parse(period.substring(0, 4) + "-01-01");
    LocalDate end = LocalDate.parse(period.substring(0, 4) + "-06-30");
    Map<String, Integer> expectedAgreements = new HashMap<>();
    for (Agreement a : agreements.findAll(TENANT)) {
      String expiry = a.indefinite() ? "SIN_VENCIMIENTO" : a.validUntil() == null ? "SIN_FECHA"
          : a.validUntil().isBefore(start) ? "VENCIDO" : !a.validUntil().isAfter(end) ? "VENCE_EN_EL_PERIODO"
          : !a.validUntil().isAfter(end.plusMonths(6)) ? "VENCE_EN_6_MESES" : "VIGENTE_MAS_DE_6_MESES";
      expectedAgreements.merge(a.status() + "|" + expiry, 1, Integer::sum);
    }
    Map<String, Integer> actualAgreements = new HashMap<>();
    for (CSVRecord r : csv(get("/api/tenants/" + TENANT + "/reports/statistics?period=" + period
        + "&format=csv&table=agreements"))) {
      actualAgreements.merge(r.get("Estado") + "|" + r.get("Vencimiento respecto del periodo"),
          Integer.parseInt(r.get("Cantidad")), Integer::sum);
    }
    assertThat(actualAgreements).isEqualTo(expectedAgreements);
    // of ours: two expire in the period (March, June), one in the next 6 months (September), one later (December)
    assertThat(actualAgreements.get("ACTIVE|VENCE_EN_EL_PERIODO")).isGreaterThanOrEqualTo(2);

    HttpResponse<byte[]> xlsx = get("/api/tenants/" + TENANT + "/reports/statistics?period=" + period + "&format=xlsx");
    assertThat(xlsx.statusCode()).isEqualTo(200);
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      Sheet sheet = book.getSheet(OfficeReports.MOBILITY_SHEET);
      int total = 0;
      for (Row row : sheet) {
        if (row.getRowNum() > 0) {
          total += (int) row.getCell(7).getNumericCellValue();
        }
      }
      assertThat(total).isEqualTo(48);
      assertThat(book.getSheet(OfficeReports.AGREEMENTS_SHEET)).isNotNull();
      assertThat(book.getSheet(OfficeReports.RECIPROCITY_SHEET).getPhysicalNumberOfRows()).isGreaterThan(1);
    }
  }

  @Test
  void badParametersAnswer400NamingThemAndOtherTenants403() throws Exception {
    assertThat(get("/api/tenants/" + TENANT + "/reports/statistics?period=2026-3").statusCode()).isEqualTo(400);
    assertThat(new String(get("/api/tenants/" + TENANT + "/reports/statistics").body(), StandardCharsets.UTF_8))
        .contains("period");
    assertThat(new String(get("/api/tenants/" + TENANT + "/reports/statistics?period=" + period + "&format=pdf").body(),
        StandardCharsets.UTF_8)).contains("format");
    assertThat(get("/api/tenants/cesmag/reports/statistics?period=" + period).statusCode()).isEqualTo(403);
    HttpResponse<byte[]> anonymous = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/api/tenants/" + TENANT + "/reports/reciprocity")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(anonymous.statusCode()).isEqualTo(401);
  }

  private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
    String auth = Base64.getEncoder().encodeToString((USER + ":demo").getBytes(StandardCharsets.UTF_8));
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + auth).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private JsonNode json(String path) throws IOException, InterruptedException {
    HttpResponse<byte[]> answer = get(path);
    assertThat(answer.statusCode()).as(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    return new ObjectMapper().readTree(answer.body());
  }

  private static List<CSVRecord> csv(HttpResponse<byte[]> answer) throws IOException {
    assertThat(answer.statusCode()).as(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    String text = new String(answer.body(), StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF");
    return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new InputStreamReader(new ByteArrayInputStream(text.substring(1).getBytes(StandardCharsets.UTF_8)),
            StandardCharsets.UTF_8)).getRecords();
  }
}
