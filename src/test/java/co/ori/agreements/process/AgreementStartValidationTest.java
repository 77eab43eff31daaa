package co.ori.agreements.process;

import static co.ori.agreements.process.AgreementProcessDriver.KEY;
import static co.ori.agreements.process.AgreementProcessDriver.TENANT;
import static co.ori.agreements.process.AgreementProcessDriver.assertInvalid;
import static co.ori.agreements.process.AgreementProcessDriver.marcoRequest;
import static org.assertj.core.api.Assertions.assertThat;

import co.ori.agreements.Agreement;
import co.ori.agreements.AgreementRegistry;
import co.ori.agreements.AgreementScope;
import co.ori.agreements.AgreementStatus;
import co.ori.agreements.InstrumentType;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Starting {@code agreement-formalization} (procedures.md §2.a.1, contract "Starting a case"):
 * a refused start leaves no process instance, no history and no registry row; an accepted one
 * gets a business key {@code AGR-<year>-<seq>}. Uses the shared {@code test} context (model
 * deployed to every tenant of the contract).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AgreementStartValidationTest {

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired AgreementRegistry registry;
  @Autowired JdbcClient jdbc;

  private AgreementProcessDriver driver;

  @BeforeEach
  void setUp() {
    driver = new AgreementProcessDriver(runtimeService, taskService, managementService, registry, jdbc);
  }

  @Test
  void aStartWithoutPartnerNameIsRefusedNamingItAndLeavesNothing() {
    long running = runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count();
    long history = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(KEY).count();
    int rows = registry.findAll(TENANT).size();
    Map<String, Object> request = marcoRequest("ignorado");
    request.remove("partnerName");

    assertInvalid(() -> driver.start(request), "partnerName");

    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(running);
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(history);
    assertThat(registry.findAll(TENANT)).hasSize(rows);
  }

  @Test
  void aStartWithATextValidityIsRefusedNamingIt() {
    Map<String, Object> request = marcoRequest("Universidad de Pamplona " + UUID.randomUUID());
    request.put("proposedValidityMonths", "abc");
    assertThat(assertInvalid(() -> driver.start(request), "proposedValidityMonths")).hasMessageContaining("Integer");
  }

  @Test
  void anEspecificoOfAnUnknownOrNonMarcoAgreementIsRefusedAtRegistrationAndLeavesNothing() {
    String partner = "Universidad de Salamanca " + UUID.randomUUID();
    Map<String, Object> request = especifico(partner, "NO-EXISTE-1");
    long history = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(KEY).count();

    assertThat(assertInvalid(() -> driver.start(request), "parentAgreementId")).hasMessageContaining("NO-EXISTE-1");

    String allianceId = "ALZ-" + UUID.randomUUID().toString().substring(0, 8);
    LocalDate today = LocalDate.now(ZoneId.of("America/Bogota"));
    registry.register(TENANT, new Agreement(allianceId, TENANT, InstrumentType.ALIANZA, null, null, null,
        "Cámara de Comercio", "Colombia", "Cartagena", AgreementScope.NACIONAL, "CINI", today, today,
        today.plusYears(1), false, false, AgreementStatus.ACTIVE, null, false, null));
    assertThat(assertInvalid(() -> driver.start(especifico(partner, allianceId)), "parentAgreementId"))
        .hasMessageContaining("CONVENIO_MARCO");

    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(history);
    assertThat(registry.findAll(TENANT)).noneMatch(a -> partner.equals(a.partnerName()));
  }

  @Test
  void anAcceptedStartGetsAYearlySequentialBusinessKeyPerTenant() {
    ProcessInstance first = driver.start("Universidad de Antioquia " + UUID.randomUUID());
    ProcessInstance second = driver.start("Universidad del Valle " + UUID.randomUUID());

    String year = String.valueOf(Year.now(ZoneId.of("America/Bogota")).getValue());
    assertThat(first.getBusinessKey()).matches("^AGR-\\d{4}-\\d{4}$").startsWith("AGR-" + year + "-");
    int a = Integer.parseInt(first.getBusinessKey().substring(9));
    int b = Integer.parseInt(second.getBusinessKey().substring(9));
    assertThat(b).isEqualTo(a + 1);
    assertThat(driver.agreement(first).status()).isEqualTo(AgreementStatus.REQUESTED);
    assertThat(runtimeService.getVariable(first.getId(), "agreementId")).isEqualTo(first.getBusinessKey());
  }

  private static Map<String, Object> especifico(String partner, String parent) {
    Map<String, Object> v = marcoRequest(partner);
    v.put("instrumentType", "CONVENIO_ESPECIFICO");
    v.put("specificPurpose", "MOVILIDAD");
    v.put("parentAgreementId", parent);
    v.put("proposedProject", "Movilidad estudiantil");
    v.put("proposedObjective", "Intercambio de estudiantes.");
    v.put("proposedActivities", "Convocatoria\nSelección");
    v.put("proposedExecutionTime", "2 años");
    v.put("proposedResponsibles", "Coordinación CINI");
    v.put("proposedExpectedResults", "8 estudiantes.");
    return v;
  }
}
