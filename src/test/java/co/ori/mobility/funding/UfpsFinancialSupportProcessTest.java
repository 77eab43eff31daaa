package co.ori.mobility.funding;

import static co.ori.mobility.funding.SupportDriver.TENANT;
import static co.ori.mobility.funding.SupportDriver.request;
import static co.ori.support.ProcessTestDriver.assertInvalid;
import static co.ori.support.ProcessTestDriver.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import co.ori.mobility.Ban;
import co.ori.mobility.BanRegistry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every path of {@code processes/ufps-financial-support.bpmn} ({@code procedures.md} §7.1–7.2,
 * §6.3; 004 art. 19, 24–34, 41, 47) on the real engine, tenant {@code ufps}, with the tenant's DMN
 * tables, the real bans registry, grants register, mail outbox and SMMLV configuration. Fails below
 * 90 % coverage of the model's flow nodes and sequence flows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "ori.tenants[0].id=ufps",
    "ori.tenants[0].name=Universidad Francisco de Paula Santander",
    "ori.tenants[0].procedures[0]=ufps-financial-support"})
@ActiveProfiles("test")
@Import(ProcessEngineCoverageConfiguration.class)
class UfpsFinancialSupportProcessTest {

  static final double REQUIRED_COVERAGE = 0.9;

  @TestConfiguration
  static class CoverageConfiguration {
    @Bean
    @Primary
    ProcessEngineCoverageProperties supportCoverageProperties() {
      return ProcessEngineCoverageProperties.builder().assertClassCoverageAtLeast(REQUIRED_COVERAGE).build();
    }
  }

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;
  @Autowired DecisionService decisionService;
  @Autowired BanRegistry bans;
  @Autowired JdbcSupportGrantRegistry grants;
  @Autowired FinancialSupportSettings settings;
  @Autowired JdbcClient jdbc;

  private SupportDriver driver;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(processEngine);
    driver = new SupportDriver(runtimeService, taskService, managementService, jdbc);
  }

  /** 2.5 SMMLV × SMMLV of the year × fraction, rounded to pesos: the art. 27 arithmetic, written out here. */
  private BigDecimal month(String rate, int year, BigDecimal fraction) {
    return new BigDecimal(rate).multiply(settings.smmlv().get(year)).multiply(fraction).setScale(0, RoundingMode.HALF_UP);
  }

  private static BigDecimal days(int days) {
    return BigDecimal.valueOf(days).divide(BigDecimal.valueOf(30), 6, RoundingMode.HALF_UP);
  }

  private String key(ProcessInstance instance) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
        .singleResult().getBusinessKey();
  }

  private double number(ProcessInstance instance, String name) {
    return ((Number) historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).singleResult().getValue()).doubleValue();
  }

  private Object historic(ProcessInstance instance, String name) {
    return historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).singleResult().getValue();
  }

  // ---- F1-F10: a Beca UFPS to Europe, 4 months and 10 days across the turn of the year --------

  @Test
  void becaUfpsEuropeIsComputedPerMonthWithTheSmmlvOfEachPaymentYearAndPaidInFull() {
    LocalDate start = LocalDate.of(2025, 10, 15);
    LocalDate end = LocalDate.of(2026, 2, 24); // 15 Oct → 15 Feb = 4 months; 15 → 24 Feb = 10 days
    ProcessInstance instance = driver.start(request("BECA_UFPS", start, end));
    String key = key(instance);
    assertThat(key).startsWith("APO-");
    assertThat(instance).isWaitingAt("Task_VerifyDocuments");
    assertThat(driver.variable(instance, "region")).isEqualTo("NORTEAMERICA_EUROPA");
    assertThat(driver.variable(instance, "airfareIncluded")).isEqualTo(true);
    assertThat(driver.variable(instance, "monthlyRateSmmlv")).isEqualTo(2.5);

    driver.verify(instance, start, end, 4_200_000);
    driver.inputs(instance);
    driver.select(instance);
    assertThat(instance).isWaitingAt("Task_AdministrativeApproval");

    // three months at the 2025 SMMLV, one month and 10 days at the 2026 SMMLV, plus the airfare
    BigDecimal expected = BigDecimal.valueOf(4_200_000)
        .add(month("2.5", 2025, BigDecimal.ONE).multiply(BigDecimal.valueOf(3)))
        .add(month("2.5", 2026, BigDecimal.ONE))
        .add(month("2.5", 2026, days(10)));
    assertThat(BigDecimal.valueOf(number(instance, "proposedAmount"))).isEqualByComparingTo(expected);
    assertThat(number(instance, "supportMonths")).isEqualTo(4.3333);

    // the committee cannot approve more than the regulation gives
    assertInvalid(() -> driver.complete(instance, "Task_AdministrativeApproval",
        Map.of("approved", "true", "approvedAmount", expected.doubleValue() + 1)), "approvedAmount");
    driver.approve(instance, expected.doubleValue());
    assertThat(number(instance, "supportApprovedAmount")).isEqualTo(expected.doubleValue());
    SpinJsonNode schedule = (SpinJsonNode) driver.variable(instance, "paymentSchedule");
    assertThat(schedule.elements()).hasSize(6);
    assertThat(schedule.elements().get(0).prop("concept").stringValue()).isEqualTo("AIRFARE");
    assertThat(schedule.elements().get(3).prop("smmlvYear").numberValue().intValue()).isEqualTo(2025);
    assertThat(schedule.elements().get(4).prop("dueDate").stringValue()).isEqualTo("2026-01-15");
    assertThat(schedule.elements().get(5).prop("coveredTo").stringValue()).isEqualTo("2026-02-24");
    assertThat(driver.mails(key).get(0).get("body").toString()).contains("Cuota 6", "24/02/2026");

    driver.payNext(instance);
    driver.payNext(instance);
    // U9 (art. 47 par.): the mobility is extended, the support is not
    runtimeService.createMessageCorrelation("MobilityExtended").tenantId(TENANT).processInstanceBusinessKey(key)
        .setVariable("newEndDate", "2026-06-30").correlate();
    driver.executeJob(instance, "SendTask_NotifyNotExtended");
    assertThat(instance).hasPassed("EndEvent_ExtensionWithoutSupport");
    assertThat(((SpinJsonNode) driver.variable(instance, "paymentSchedule")).elements()).hasSize(6);
    assertThat(driver.variable(instance, "supportEnd")).isEqualTo(co.ori.agreements.AgreementValues.toDate(end));
    for (int i = 2; i < 6; i++) {
      driver.payNext(instance);
    }
    driver.executeJob(instance, "SendTask_NotifyClosed");
    assertThat(instance).isEnded().hasPassed("EndEvent_SupportClosed");
    assertThat(historic(instance, "supportOutcome")).isEqualTo("APPROVED_AND_PAID");
    SupportGrant grant = grants.findById(TENANT, key).orElseThrow();
    assertThat(grant.status()).isEqualTo(SupportGrant.Status.PAID);
    assertThat(grant.paidAmount()).isEqualByComparingTo(expected);
    assertThat(grant.semesterInternational()).isTrue();
    assertThat(driver.mailTemplates(key)).containsExactly("ufps-support-approved", "ufps-support-not-extended",
        "ufps-support-closed");

    // U8 (art. 32 par. 2): the same student cannot receive another support
    Map<String, Object> again = request("BECA_ORII", LocalDate.of(2026, 8, 1), LocalDate.of(2026, 12, 15));
    again.put("documentNumber", grant.personId());
    ProcessInstance second = driver.start(again);
    driver.executeJob(second, "SendTask_NotifyExcluded");
    assertThat(second).isEnded().hasPassed("EndEvent_SupportExcluded");
    assertThat(historic(second, "exclusionRules").toString()).isEqualTo("[\"UF-FS-02\"]");
  }

  // ---- amounts of each programme and region at month boundaries (§7.1) ------------------------

  static Stream<Arguments> programmes() {
    return Stream.of(
        // programme, direction, host country, home country, rate written out, airfare paid
        Arguments.of("BECA_UFPS", "OUTGOING", "Argentina", null, "1.8", true),
        Arguments.of("BECA_UFPS", "OUTGOING", "México", null, "1.8", true),
        Arguments.of("BECA_UFPS", "OUTGOING", "Estados Unidos", null, "2.5", true),
        Arguments.of("BECA_UFPS", "OUTGOING", "Canadá", null, "2.5", true),
        Arguments.of("BECA_UFPS", "OUTGOING", "Alemania", null, "2.5", true),
        Arguments.of("BECA_UFPS", "OUTGOING", "Japón", null, "3.0", true),
        Arguments.of("BECA_UFPS", "OUTGOING", "Sudáfrica", null, "3.0", true),
        Arguments.of("BECA_UFPS", "OUTGOING", "Australia", null, "3.0", true),
        Arguments.of("BECA_ORII", "OUTGOING", "Chile", null, null, true),
        Arguments.of("BRACOL", "OUTGOING", "Brasil", null, null, true),
        Arguments.of("PILA", "OUTGOING", "Argentina", null, null, true),
        Arguments.of("BRACOL", "INCOMING", "Colombia", "Brasil", "1.5", false),
        Arguments.of("PILA", "INCOMING", "Colombia", "México", "1.5", false));
  }

  /**
   * The decision tables of the tenant and the schedule arithmetic give, for a stay of 4 months and
   * 10 days (1 February – 10 June 2026), exactly 4 whole months plus 10/30 of a month at the
   * programme's rate, and the airfare when the programme pays it; 4 whole months (1 February – 31
   * May) have no fraction; a stay starting on 31 January counts its months to the end of February.
   */
  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("programmes")
  void eachProgrammeAndRegionAtMonthBoundaries(String program, String direction, String host, String home,
      String rate, boolean airfare) {
    Map<String, Object> facts = new HashMap<>();
    facts.put("regionCountryKey", SupportValues.countryKey("OUTGOING".equals(direction) ? host : "Colombia"));
    String region = (String) decisionService.evaluateDecisionByKey("ufps-support-region").decisionDefinitionTenantId(TENANT)
        .variables(facts).evaluate().getSingleResult().getEntry("region");
    Map<String, Object> ruleFacts = Map.of("supportProgram", program, "direction", direction, "region", region);
    Map<String, Object> rule = decisionService.evaluateDecisionByKey("ufps-support-amount").decisionDefinitionTenantId(TENANT)
        .variables(Variables.fromMap(ruleFacts)).evaluate().getSingleResult().getEntryMap();
    assertThat(rule.get("airfareIncluded")).isEqualTo(airfare);
    Object ruleRate = rule.get("monthlyRateSmmlv");
    assertThat(ruleRate == null ? null : new BigDecimal(ruleRate.toString()).stripTrailingZeros())
        .isEqualTo(rate == null ? null : new BigDecimal(rate).stripTrailingZeros());

    BigDecimal quote = airfare ? BigDecimal.valueOf(3_150_000) : null;
    BigDecimal monthly = rate == null ? null : new BigDecimal(rate);
    List<SupportSchedule.Instalment> fourMonthsTenDays = SupportSchedule.proposal(LocalDate.of(2026, 2, 1),
        LocalDate.of(2026, 6, 10), monthly, quote, today(), settings::forYear);
    List<SupportSchedule.Instalment> fourMonths = SupportSchedule.proposal(LocalDate.of(2026, 2, 1),
        LocalDate.of(2026, 5, 31), monthly, quote, today(), settings::forYear);
    List<SupportSchedule.Instalment> fromJanuary31 = SupportSchedule.proposal(LocalDate.of(2026, 1, 31),
        LocalDate.of(2026, 3, 30), monthly, quote, today(), settings::forYear);
    BigDecimal air = airfare ? quote : BigDecimal.ZERO;
    if (rate == null) {
      assertThat(SupportSchedule.total(fourMonthsTenDays)).isEqualByComparingTo(air);
      assertThat(fourMonthsTenDays).hasSize(1);
      return;
    }
    BigDecimal full = month(rate, 2026, BigDecimal.ONE);
    assertThat(SupportSchedule.total(fourMonthsTenDays)).isEqualByComparingTo(
        air.add(full.multiply(BigDecimal.valueOf(4))).add(month(rate, 2026, days(10))));
    assertThat(fourMonthsTenDays).hasSize(airfare ? 6 : 5);
    assertThat(fourMonthsTenDays.get(fourMonthsTenDays.size() - 1).coveredFrom()).isEqualTo(LocalDate.of(2026, 6, 1));
    assertThat(SupportSchedule.total(fourMonths)).isEqualByComparingTo(air.add(full.multiply(BigDecimal.valueOf(4))));
    // 31 Jan + 1 month = 28 Feb (Java month arithmetic), so 31 Jan – 30 Mar is 1 month (to 27 Feb) + 31 days? No:
    // 31 Jan → 28 Feb is one month, 28 Feb → 31 Mar (end exclusive) is 31 days ≥ 1 month → 2 months exactly
    assertThat(SupportSchedule.total(fromJanuary31)).isEqualByComparingTo(air.add(full.multiply(BigDecimal.valueOf(2))));
  }

  @Test
  void unlistedCountryLeavesTheAmountToTheAdministrativeCommitteeSpreadOverTheMonths() {
    LocalDate start = LocalDate.of(2026, 2, 1);
    LocalDate end = LocalDate.of(2026, 6, 10);
    Map<String, Object> v = request("BECA_UFPS", start, end);
    v.put("hostCountry", "Islas Feroe");
    ProcessInstance instance = driver.start(v);
    assertThat(driver.variable(instance, "region")).isEqualTo("SIN_CLASIFICAR");
    assertThat(driver.variable(instance, "amountSetByCommittee")).isEqualTo(true);
    driver.verify(instance, start, end, 5_000_000);
    driver.inputs(instance);
    driver.select(instance);
    assertThat(number(instance, "proposedAmount")).isEqualTo(5_000_000.0);
    driver.approve(instance, 18_000_000.0);
    SpinJsonNode schedule = (SpinJsonNode) driver.variable(instance, "paymentSchedule");
    assertThat(schedule.elements()).hasSize(6);
    // 13 000 000 over 4 + 10/30 months: whole months get 13 000 000 / 4.3333… each, the last the rest
    double whole = schedule.elements().get(1).prop("amount").numberValue().doubleValue();
    double last = schedule.elements().get(5).prop("amount").numberValue().doubleValue();
    assertThat(whole).isEqualTo(new BigDecimal("13000000").divide(new BigDecimal("4.333333"), 0, RoundingMode.HALF_UP).doubleValue());
    assertThat(whole * 4 + last).isEqualTo(13_000_000.0);
  }

  // ---- F2 exclusions (U1, U7, U8, programme) -------------------------------------------------

  static Stream<Arguments> exclusions() {
    return Stream.of(
        Arguments.of("U1 ban on UFPS supports", "UF-FS-01", Ban.Scope.UFPS_FINANCIAL_SUPPORT, Map.of()),
        Arguments.of("U7 unjustified withdrawal", "UF-FS-03", Ban.Scope.UFPS_SUPPORT_EXCLUDED, Map.of()),
        Arguments.of("Beca UFPS for an incoming student", "UF-FS-04", null,
            Map.of("direction", "INCOMING", "homeCountry", "Perú", "hostCountry", "Colombia")),
        Arguments.of("Beca ORII for a national mobility", "UF-FS-04", null,
            Map.of("scope", "NACIONAL", "hostCountry", "Colombia")),
        Arguments.of("BRACOL to Chile", "UF-FS-04", null, Map.of("supportProgram", "BRACOL", "hostCountry", "Chile")),
        Arguments.of("PILA to Peru", "UF-FS-04", null, Map.of("supportProgram", "PILA", "hostCountry", "Perú")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exclusions")
  void exclusionsEndTheCaseBeforeAnyCommittee(String name, String rule, Ban.Scope scope, Map<String, Object> changes) {
    Map<String, Object> v = request(name.contains("ORII") ? "BECA_ORII" : "BECA_UFPS",
        LocalDate.of(2026, 8, 1), LocalDate.of(2026, 12, 10));
    v.putAll(changes);
    if (scope != null) {
      bans.record(TENANT, new Ban(null, TENANT, (String) v.get("documentNumber"), scope, List.of(), null,
          "004 art. 19 par. 1", null, "Prueba", null, null, null));
    }
    ProcessInstance instance = driver.start(v);
    assertThat(driver.variable(instance, "excluded")).isEqualTo(true);
    driver.executeJob(instance, "SendTask_NotifyExcluded");
    assertThat(instance).isEnded().hasPassed("EndEvent_SupportExcluded");
    assertThat(historic(instance, "supportOutcome")).isEqualTo("EXCLUDED");
    assertThat(historic(instance, "exclusionRules").toString()).isEqualTo("[\"" + rule + "\"]");
    Map<String, Object> mail = driver.mails(key(instance)).get(0);
    assertThat(mail.get("template")).isEqualTo("ufps-support-excluded");
    assertThat(mail.get("body").toString()).contains(rule);
  }

  // ---- F3, F5, F6 negative outcomes ----------------------------------------------------------

  @Test
  void incompleteDocumentsLoseTheSupport() {
    ProcessInstance instance = driver.start(request("PILA", LocalDate.of(2026, 8, 1), LocalDate.of(2026, 12, 10)));
    instance = restartWith(instance, "hostCountry", "México");
    assertInvalid(() -> driver.complete(instanceOf(), "Task_VerifyDocuments", Map.of("docsVerified", "false")), "docsNotes");
    driver.complete(instanceOf(), "Task_VerifyDocuments", Map.of("docsVerified", "false",
        "docsNotes", "Falta la carta de aceptación de la UNAM."));
    driver.executeJob(instanceOf(), "SendTask_NotifyDocsIncomplete");
    assertThat(instanceOf()).isEnded().hasPassed("EndEvent_DocumentsIncomplete");
    assertThat(historic(instanceOf(), "supportOutcome")).isEqualTo("LOST");
    assertThat(historic(instanceOf(), "lossCause")).isEqualTo(4);
  }

  private ProcessInstance current;

  private ProcessInstance restartWith(ProcessInstance instance, String name, Object value) {
    runtimeService.deleteProcessInstance(instance.getId(), "test: start again");
    Map<String, Object> v = request("PILA", LocalDate.of(2026, 8, 1), LocalDate.of(2026, 12, 10));
    v.put(name, value);
    current = driver.start(v);
    return current;
  }

  private ProcessInstance instanceOf() {
    return current;
  }

  @Test
  void notSelectedByTheEvaluationCommittee() {
    ProcessInstance instance = driver.start(request("BECA_ORII", LocalDate.of(2026, 8, 1), LocalDate.of(2026, 12, 10)));
    assertInvalid(() -> driver.verify(instance, LocalDate.of(2026, 8, 1), LocalDate.of(2026, 12, 10), 0), "airfareQuote");
    driver.verify(instance, LocalDate.of(2026, 8, 1), LocalDate.of(2026, 12, 10), 2_800_000);
    driver.inputs(instance);
    assertInvalid(() -> driver.complete(instance, "Task_EvaluationSelection", Map.of("selected", "false")), "selectionNotes");
    driver.complete(instance, "Task_EvaluationSelection", Map.of("selected", "false",
        "selectionNotes", "Otros postulantes obtuvieron mayor puntaje."));
    driver.executeJob(instance, "SendTask_NotifyNotSelected");
    assertThat(instance).isEnded().hasPassed("EndEvent_NotSelected");
    assertThat(historic(instance, "supportOutcome")).isEqualTo("NOT_SELECTED");
  }

  @Test
  void notApprovedByTheAdministrativeCommittee() {
    ProcessInstance instance = driver.start(request("BECA_ORII", LocalDate.of(2026, 8, 1), LocalDate.of(2026, 12, 10)));
    driver.verify(instance, LocalDate.of(2026, 8, 1), LocalDate.of(2026, 12, 10), 2_800_000);
    driver.inputs(instance);
    driver.select(instance);
    driver.complete(instance, "Task_AdministrativeApproval", Map.of("approved", "false",
        "approvalNotes", "Sin disponibilidad presupuestal en la vigencia (art. 31)."));
    driver.executeJob(instance, "SendTask_NotifyNotApproved");
    assertThat(instance).isEnded().hasPassed("EndEvent_NotApproved");
    assertThat(historic(instance, "supportOutcome")).isEqualTo("NOT_APPROVED");
    assertThat(grants.findById(TENANT, key(instance))).isEmpty();
  }

  // ---- art. 34: the six causes of loss -------------------------------------------------------

  /** A Beca UFPS case approved with its two first instalments (airfare, first month) paid. */
  private ProcessInstance paying(String document) {
    LocalDate start = today().minusMonths(1);
    LocalDate end = start.plusMonths(4).plusDays(9);
    Map<String, Object> v = request("BECA_UFPS", start, end);
    v.put("documentNumber", document);
    ProcessInstance instance = driver.start(v);
    driver.verify(instance, start, end, 3_000_000);
    driver.inputs(instance);
    driver.select(instance);
    driver.approve(instance, number(instance, "proposedAmount"));
    driver.payNext(instance);
    driver.payNext(instance);
    return instance;
  }

  @Test
  void cause1UnjustifiedRenunciationStopsPaymentsBansAndGoesToTheCouncilAndRefund() {
    String document = SupportDriver.newStudent();
    ProcessInstance instance = paying(document);
    String key = key(instance);
    double paid = number(instance, "paidAmount");
    assertThat(paid).isGreaterThan(3_000_000.0);
    driver.lose(instance, 1, false, false);
    assertThat(grants.paymentStatuses(TENANT, key)).containsExactly("PAID", "PAID", "CANCELLED", "CANCELLED",
        "CANCELLED", "CANCELLED");
    assertThat(bans.isBanned(TENANT, document, Ban.Scope.UFPS_SUPPORT_EXCLUDED, today(), null)).isTrue();
    assertThat(instance).isWaitingAt("Task_CouncilSanctions");
    driver.complete(instance, "Task_CouncilSanctions", Map.of("councilDecision",
        "Amonestación y pérdida del derecho a apoyos económicos.", "banFinancialSupport", "true",
        "councilOrdersRefund", "true"));
    assertThat(bans.isBanned(TENANT, document, Ban.Scope.UFPS_FINANCIAL_SUPPORT, today(), null)).isTrue();
    assertInvalid(() -> driver.complete(instance, "Task_RefundOrder", Map.of("refundAmount", paid + 1,
        "refundOrderRef", "OR-2026-3")), "refundAmount");
    driver.complete(instance, "Task_RefundOrder", Map.of("refundAmount", paid, "refundOrderRef", "OR-2026-3"));
    driver.executeJob(instance, "SendTask_NotifyLost");
    assertThat(instance).isEnded().hasPassed("EndEvent_SupportLost");
    assertThat(historic(instance, "supportOutcome")).isEqualTo("LOST");
    SupportGrant grant = grants.findById(TENANT, key).orElseThrow();
    assertThat(grant.status()).isEqualTo(SupportGrant.Status.LOST);
    assertThat(grant.lossCause()).isEqualTo(1);
    assertThat(grant.refundAmount()).isEqualByComparingTo(BigDecimal.valueOf(paid));
    assertThat(driver.mails(key).get(driver.mails(key).size() - 1).get("body").toString())
        .contains("Renuncia voluntaria", "Consejo Académico", "OR-2026-3");
  }

  @Test
  void cause6ForceMajeureStopsPaymentsWithoutSanctionOrRefund() {
    String document = SupportDriver.newStudent();
    ProcessInstance instance = paying(document);
    driver.lose(instance, "FUERZA_MAYOR", false, false);
    driver.executeJob(instance, "SendTask_NotifyLost");
    assertThat(instance).isEnded().hasPassed("EndEvent_SupportLost").hasNotPassed("Task_CouncilSanctions", "Task_RefundOrder");
    assertThat(historic(instance, "justifiedCause")).isEqualTo(true);
    assertThat(bans.find(TENANT, document)).isEmpty();
    assertThat(grants.paymentStatuses(TENANT, key(instance))).filteredOn("SCHEDULED"::equals).isEmpty();
  }

  @Test
  void cause5WithWasteEvidencedByTheHostOrdersTheRefundOnly() {
    String document = SupportDriver.newStudent();
    ProcessInstance instance = paying(document);
    driver.lose(instance, 5, true, true);
    assertThat(instance).isWaitingAt("Task_RefundOrder");
    driver.complete(instance, "Task_RefundOrder", Map.of("refundAmount", 1_000_000, "refundOrderRef", "OR-2026-9"));
    driver.executeJob(instance, "SendTask_NotifyLost");
    assertThat(instance).isEnded().hasPassed("EndEvent_SupportLost").hasNotPassed("Task_CouncilSanctions");
    assertThat(bans.find(TENANT, document)).isEmpty();
  }

  @Test
  void councilMayDecideWithoutBanOrRefund() {
    String document = SupportDriver.newStudent();
    ProcessInstance instance = paying(document);
    driver.lose(instance, 3, false, false);
    driver.complete(instance, "Task_CouncilSanctions", Map.of("councilDecision", "Llamado de atención.",
        "banFinancialSupport", "false", "councilOrdersRefund", "false"));
    driver.executeJob(instance, "SendTask_NotifyLost");
    assertThat(instance).isEnded().hasPassed("EndEvent_SupportLost").hasNotPassed("Task_RefundOrder");
    assertThat(bans.find(TENANT, document)).isEmpty();
  }

  static Stream<Arguments> causesBeforeApproval() {
    return Stream.of(Arguments.of(2), Arguments.of(3), Arguments.of(4), Arguments.of(5), Arguments.of("1"));
  }

  @ParameterizedTest(name = "cause {0} during the selection")
  @MethodSource("causesBeforeApproval")
  void causesBeforeAnyPaymentOnlyEndTheCase(Object cause) {
    ProcessInstance instance = driver.start(request("BECA_ORII", LocalDate.of(2026, 8, 1), LocalDate.of(2026, 12, 10)));
    driver.verify(instance, LocalDate.of(2026, 8, 1), LocalDate.of(2026, 12, 10), 2_500_000);
    driver.lose(instance, cause, true, true);
    driver.executeJob(instance, "SendTask_NotifyLost");
    assertThat(instance).isEnded().hasPassed("EndEvent_SupportLost").hasNotPassed("Task_CouncilSanctions", "Task_RefundOrder");
    assertThat(historic(instance, "lossCause")).isEqualTo(Integer.parseInt(cause.toString()));
    assertThat(historic(instance, "supportOutcome")).isEqualTo("LOST");
  }

  @Test
  void unknownLossCauseIsRefusedNamingIt() {
    ProcessInstance instance = driver.start(request("BECA_ORII", LocalDate.of(2026, 8, 1), LocalDate.of(2026, 12, 10)));
    assertInvalid(() -> driver.lose(instance, 7, false, false), "lossCause");
    assertThat(instance).isWaitingAt("Task_VerifyDocuments");
  }

  // ---- call activity: outputs, and a withdrawal of the mobility stops the payments ------------

  @Test
  void calledFromAMobilityCaseReturnsTheOutcomeAndAWithdrawalStopsPayments() {
    repositoryService.createDeployment().tenantId(TENANT).name("ufps-support-caller-test")
        .addClasspathResource("bpmn/ufps-support-caller-test.bpmn").enableDuplicateFiltering(true).deploy();
    LocalDate start = today().minusDays(5);
    Map<String, Object> v = request("BECA_UFPS", start, start.plusMonths(5));
    v.put("studentMailTo", "user:ufps.ori-staff");
    ProcessInstance caller = runtimeService.createProcessInstanceByKey("ufps-support-caller-test")
        .processDefinitionTenantId(TENANT).businessKey("MES-2026-7001").setVariables(v).execute();
    ProcessInstance support = runtimeService.createProcessInstanceQuery().superProcessInstanceId(caller.getId()).singleResult();
    assertThat(support.getBusinessKey()).isEqualTo("MES-2026-7001");
    driver.verify(support, start, start.plusMonths(5), 3_300_000);
    driver.inputs(support);
    driver.select(support);
    driver.approve(support, number(support, "proposedAmount"));
    driver.payNext(support);
    runtimeService.createMessageCorrelation("WithdrawalRequested").processInstanceId(caller.getId()).correlate();
    assertThat(caller).isEnded().hasPassed("EndEvent_CallerWithdrawn");
    SupportGrant grant = grants.findById(TENANT, "MES-2026-7001").orElseThrow();
    assertThat(grant.status()).isEqualTo(SupportGrant.Status.WITHDRAWN);
    assertThat(grants.paymentStatuses(TENANT, "MES-2026-7001")).containsExactly("PAID", "CANCELLED", "CANCELLED",
        "CANCELLED", "CANCELLED", "CANCELLED", "CANCELLED");

    Map<String, Object> other = request("BECA_ORII", LocalDate.of(2026, 8, 1), LocalDate.of(2026, 12, 10));
    ProcessInstance caller2 = runtimeService.createProcessInstanceByKey("ufps-support-caller-test")
        .processDefinitionTenantId(TENANT).businessKey("MES-2026-7002").setVariables(other).execute();
    ProcessInstance support2 = runtimeService.createProcessInstanceQuery().superProcessInstanceId(caller2.getId()).singleResult();
    driver.verify(support2, LocalDate.of(2026, 8, 1), LocalDate.of(2026, 12, 10), 2_000_000);
    driver.inputs(support2);
    driver.select(support2);
    driver.complete(support2, "Task_AdministrativeApproval", Map.of("approved", "false", "approvalNotes", "Sin presupuesto."));
    driver.executeJob(support2, "SendTask_NotifyNotApproved");
    assertThat(caller2).isEnded().hasPassed("EndEvent_CallerDone");
    assertThat(historic(caller2, "supportOutcome")).isEqualTo("NOT_APPROVED");
    assertThat(historic(caller2, "supportApprovedAmount")).isEqualTo(0.0);
  }

  // ---- F1 start validation ---------------------------------------------------------------------

  @Test
  void badStartVariablesAreRefusedNamingTheVariableAndLeaveNoCase() {
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(SupportDriver.KEY).count();
    List<Object[]> cases = new ArrayList<>();
    cases.add(new Object[] {"supportProgram", "NONE"});
    cases.add(new Object[] {"supportProgram", "BECA_X"});
    cases.add(new Object[] {"direction", "SIDEWAYS"});
    cases.add(new Object[] {"endDate", "2025-01-01"});
    cases.add(new Object[] {"documentNumber", " "});
    cases.add(new Object[] {"hostCountry", null});
    cases.add(new Object[] {"targetPeriod", "2026-3"});
    cases.add(new Object[] {"email", "no-es-correo"});
    cases.add(new Object[] {"airfareQuote", -5});
    for (Object[] c : cases) {
      Map<String, Object> v = request("BECA_UFPS", LocalDate.of(2026, 8, 1), LocalDate.of(2026, 12, 10));
      v.put((String) c[0], c[1]);
      assertInvalid(() -> driver.start(v), (String) c[0]);
    }
    Map<String, Object> incoming = request("BRACOL", LocalDate.of(2026, 8, 1), LocalDate.of(2026, 12, 10));
    incoming.put("direction", "INCOMING");
    assertInvalid(() -> driver.start(incoming), "homeCountry");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(SupportDriver.KEY).count()).isEqualTo(before);
  }
}
