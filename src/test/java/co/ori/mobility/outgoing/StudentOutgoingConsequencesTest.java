package co.ori.mobility.outgoing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.ori.mobility.Ban;
import co.ori.mobility.BanRegistry;
import co.ori.support.InvalidVariableException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What follows from an outgoing student case ({@code procedures.md} §6, §8.3, §4): a withdrawal
 * without force majeure after acceptance records the ban of the regulation, which makes the same
 * student's next application ineligible while it lasts (CES-SO-12, CES-SO-32, UN-SO-10) and
 * eligible afterwards, and never another student's; force majeure records none; the grade
 * conversion (table and piecewise-linear); the bans after the mobility (W6, U1) and the document
 * checklists. Real tables, real registries (H2), engine clock moved with {@link ClockUtil}.
 */
class StudentOutgoingConsequencesTest extends StudentOutgoingFixtures {

  @Autowired StudentOutgoingConsequences consequences;
  @Autowired BanRegistry bans;

  /** The case's variables after the intake (validated start variables + facts). */
  Map<String, Object> admitted(Map<String, Object> start) {
    StudentOutgoingEligibility.Result result = evaluate(start);
    assertThat(result.failedRules()).isEmpty();
    return new HashMap<>(result.facts());
  }

  StudentOutgoingConsequences.Withdrawal withdraw(String tenant, Map<String, Object> caseVars, String stage,
      boolean forceMajeure) {
    Map<String, Object> v = new HashMap<>(caseVars);
    v.put("mobilityStage", stage);
    v.put("forceMajeure", forceMajeure);
    return consequences.applyWithdrawal(tenant, v, "pi-test", "MES-TEST");
  }

  // ------------------------------------------------------------------ CESMAG art. 12 / 34

  @Test
  void cesmagWithdrawalWithoutForceMajeureBansTheTwoFollowingPeriods() {
    Map<String, Object> exchange = cesmagExchange();
    Map<String, Object> caseVars = admitted(exchange);

    StudentOutgoingConsequences.Withdrawal w = withdraw("cesmag", caseVars, "AFTER_ACCEPTANCE_BEFORE_START", false);

    assertThat(w.rule()).isEqualTo("W2");
    assertThat(w.ban().scope()).isEqualTo(Ban.Scope.ACADEMIC_MOBILITY);
    assertThat(w.ban().bannedPeriods()).containsExactly("2027-2", "2028-1"); // withdrawal in 2027-1
    assertThat(w.ban().personId()).isEqualTo(exchange.get("documentNumber"));
    assertThat(w.variables()).containsEntry("banId", w.ban().id()).containsEntry("refundSupport", true)
        .containsEntry("cancelCourses", "NONE");
    assertThat((String) w.variables().get("withdrawalConsequencesText")).contains("dos periodos académicos", "art. 12");

    // same student, next application for 2027-2: banned (CES-SO-12)
    Map<String, Object> again = new HashMap<>(exchange);
    assertThat(failed(again)).containsExactly("CES-SO-12");
    // also an extracurricular (academic mobility, art. 8.4), not a sports mobility (art. 34 is separate)
    Map<String, Object> extra = cesmagExtra("EXTRA_CONGRESO");
    extra.put("documentNumber", exchange.get("documentNumber"));
    extra.put("startDate", "2027-08-01");
    extra.put("endDate", "2027-08-10");
    extra.put("targetPeriod", "2027-2");
    assertThat(failed(extra)).containsExactly("CES-SO-12");
    Map<String, Object> sports = cesmagSports();
    sports.put("documentNumber", exchange.get("documentNumber"));
    assertThat(failed(sports)).isEmpty();
    // another student: eligible
    assertThat(failed(cesmagExchange())).isEmpty();

    // after the ban: applying in 2028-2 for 2029-1 (neither period banned)
    setToday(LocalDate.of(2028, 8, 1));
    Map<String, Object> later = new HashMap<>(exchange);
    later.put("startDate", "2029-02-01");
    later.put("endDate", "2029-06-15");
    later.put("targetPeriod", "2029-1");
    assertThat(failed(later)).isEmpty();
    // applying during a banned period (submission period 2028-1) for a free target period: still banned (§6.4)
    setToday(LocalDate.of(2028, 3, 1));
    assertThat(failed(later)).containsExactly("CES-SO-12");
  }

  @Test
  void cesmagForceMajeureRecordsNoBan() {
    Map<String, Object> exchange = cesmagExchange();
    StudentOutgoingConsequences.Withdrawal before = withdraw("cesmag", admitted(exchange), "AFTER_ACCEPTANCE_BEFORE_START", true);
    assertThat(before.rule()).isEqualTo("W1");
    assertThat(before.ban()).isNull();
    assertThat(before.variables()).containsEntry("banId", null).containsEntry("refundSupport", true);
    assertThat(bans.find("cesmag", (String) exchange.get("documentNumber"))).isEmpty();
    assertThat(failed(exchange)).isEmpty();
  }

  @Test
  void cesmagWithdrawalDuringTheExchange() {
    Map<String, Object> caseVars = admitted(cesmagExchange());
    Map<String, Object> v = new HashMap<>(caseVars);
    v.put("mobilityStage", "DURING");
    v.put("forceMajeure", true);
    v.put("addDropDeadlinePassed", false);
    assertThat(consequences.applyWithdrawal("cesmag", v, "pi", "MES").rule()).isEqualTo("W3");
    v.put("catchUpCommitment", false); // "caso contrario" (§9 Q35)
    StudentOutgoingConsequences.Withdrawal otherwise = consequences.applyWithdrawal("cesmag", v, "pi", "MES");
    assertThat(otherwise.variables()).containsEntry("cancelCourses", "WITHOUT_EFFECT").containsEntry("semesterPostponed", true)
        .containsEntry("tuitionRefund", false);
    v.put("catchUpCommitment", true);
    v.put("addDropDeadlinePassed", true);
    StudentOutgoingConsequences.Withdrawal w4 = consequences.applyWithdrawal("cesmag", v, "pi", "MES");
    assertThat(w4.rule()).isEqualTo("W4");
    assertThat(w4.variables()).containsEntry("hostGradesCount", true);
    assertThat(w4.ban()).isNull();
    v.put("forceMajeure", false);
    StudentOutgoingConsequences.Withdrawal w5 = consequences.applyWithdrawal("cesmag", v, "pi", "MES");
    assertThat(w5.rule()).isEqualTo("W5");
    assertThat(w5.variables()).containsEntry("cancelCourses", "WITH_EFFECT");
    assertThat(w5.ban().bannedPeriods()).containsExactly("2027-2", "2028-1");
  }

  @Test
  void cesmagSportsAbandonmentBansSportsOnlyAndChargesTheCosts() {
    Map<String, Object> sports = cesmagSports();
    StudentOutgoingConsequences.Withdrawal s4 = withdraw("cesmag", admitted(sports), "DURING", false);
    assertThat(s4.rule()).isEqualTo("S4");
    assertThat(s4.ban().scope()).isEqualTo(Ban.Scope.SPORTS);
    assertThat(s4.variables()).containsEntry("coverAbandonmentCosts", true);
    Map<String, Object> nextSports = cesmagSports();
    nextSports.put("documentNumber", sports.get("documentNumber"));
    nextSports.put("startDate", "2027-09-10");
    nextSports.put("endDate", "2027-09-20");
    nextSports.put("targetPeriod", "2027-2");
    assertThat(failed(nextSports)).containsExactly("CES-SO-32");
    Map<String, Object> art = new HashMap<>(nextSports);
    art.put("category", "ARTISTICA_CULTURAL");
    assertThat(failed(art)).as("art and culture: another category").isEmpty();
    Map<String, Object> exchange = cesmagExchange();
    exchange.put("documentNumber", sports.get("documentNumber"));
    assertThat(failed(exchange)).as("academic mobility is not barred by art. 34").isEmpty();
  }

  // ------------------------------------------------------------------ UNAL §2.13

  @Test
  void unalUnjustifiedWithdrawalAfterAcceptanceBarsNewApplicationsForOneYear() {
    Map<String, Object> first = unal();
    StudentOutgoingConsequences.Withdrawal n2 = withdraw("unal", admitted(first), "AFTER_ACCEPTANCE_BEFORE_START", false);
    assertThat(n2.rule()).isEqualTo("N2");
    assertThat(n2.ban().scope()).isEqualTo(Ban.Scope.UNAL_NEW_MOBILITY);
    assertThat(n2.ban().banUntil()).isEqualTo(TODAY.plusYears(1));
    assertThat(n2.variables()).containsEntry("registryFlag", "NA");

    // a year later minus one day: still barred (applicationDate < banUntil)
    setToday(TODAY.plusYears(1).minusDays(1));
    Map<String, Object> next = unal();
    next.put("documentNumber", first.get("documentNumber"));
    next.put("startDate", "2028-08-01");
    next.put("endDate", "2028-12-15");
    next.put("targetPeriod", "2028-2");
    next.put("callId", call("unal", next, null, LocalDate.of(2028, 3, 1), Map.of()).id());
    assertThat(failed(next)).containsExactly("UN-SO-10");
    Map<String, Object> someoneElse = new HashMap<>(next);
    someoneElse.put("documentNumber", first.get("documentNumber") + "X");
    assertThat(failed(someoneElse)).isEmpty();
    // on banUntil itself: free
    setToday(TODAY.plusYears(1));
    assertThat(failed(next)).isEmpty();
  }

  @Test
  void unalOtherWithdrawalsRecordNoBan() {
    Map<String, Object> v = admitted(unal());
    assertThat(withdraw("unal", v, "BEFORE_ACCEPTANCE", false).rule()).isEqualTo("N1");
    StudentOutgoingConsequences.Withdrawal n3 = withdraw("unal", v, "AFTER_ACCEPTANCE_BEFORE_START", true);
    assertThat(n3.rule()).isEqualTo("N3");
    assertThat(n3.ban()).isNull();
    assertThat(n3.variables()).containsEntry("registryFlag", "NA");
    assertThat(withdraw("unal", v, "DURING", false).ban()).isNull();
    assertThat(bans.find("unal", (String) v.get("documentNumber"))).isEmpty();
  }

  // ------------------------------------------------------------------ UFPS art. 34, 41

  @Test
  void ufpsWithdrawalsLoseTheSupport() {
    Map<String, Object> v = admitted(ufpsSemester());
    StudentOutgoingConsequences.Withdrawal u3 = withdraw("ufps", v, "AFTER_ACCEPTANCE_BEFORE_START", true);
    assertThat(u3.rule()).isEqualTo("U3");
    assertThat(u3.variables()).containsEntry("supportLost", true).containsEntry("banId", null);
    StudentOutgoingConsequences.Withdrawal u6 = withdraw("ufps", v, "DURING", true);
    assertThat(u6.rule()).isEqualTo("U6");
    assertThat(u6.ban()).isNull();
    Map<String, Object> beneficiary = new HashMap<>(v);
    beneficiary.put("supportProgram", "BECA_UFPS");
    StudentOutgoingConsequences.Withdrawal u4 = withdraw("ufps", beneficiary, "DURING", false);
    assertThat(u4.rule()).isEqualTo("U4");
    assertThat(u4.variables()).containsEntry("academicCouncilReview", true);
    assertThat(u4.ban().scope()).isEqualTo(Ban.Scope.UFPS_SUPPORT_EXCLUDED);
    assertThat(u4.ban().banUntil()).isNull();
    assertThat(u4.ban().bannedPeriods()).isEmpty();
  }

  @Test
  void withdrawalNeedsTheEvaluation() {
    Map<String, Object> v = admitted(cesmagExchange());
    v.put("mobilityStage", "DURING");
    assertThatThrownBy(() -> consequences.applyWithdrawal("cesmag", v, "pi", "MES"))
        .isInstanceOfSatisfying(InvalidVariableException.class, e -> assertThat(e.getVariable()).isEqualTo("forceMajeure"));
  }

  // ------------------------------------------------------------------ grades §8.3 and post-mobility bans

  static final String GRADES = "["
      + "{\"hostName\":\"Cálculo\",\"homeName\":\"Cálculo I\",\"grade\":\"8.5\",\"scaleMin\":0,\"scalePass\":6,\"scaleMax\":10},"
      + "{\"hostName\":\"Física\",\"homeName\":\"Física I\",\"grade\":\"5.9\",\"scaleMin\":0,\"scalePass\":6,\"scaleMax\":10},"
      + "{\"hostName\":\"Química\",\"grade\":\"6\",\"scaleMin\":0,\"scalePass\":6,\"scaleMax\":10},"
      + "{\"hostName\":\"Álgebra\",\"grade\":\"2.0\",\"scaleMin\":5,\"scalePass\":4,\"scaleMax\":1},"
      + "{\"hostName\":\"Historia\",\"grade\":\"B\"},"
      + "{\"hostName\":\"Taller\",\"grade\":\"Aprobado\"},"
      + "{\"hostName\":\"Seminario\",\"grade\":\"FX\"}]";

  @Test
  void gradesConvertByTableOrPiecewiseLinear() {
    Map<String, Object> v = admitted(cesmagExchange());
    v.put("hostGrades", GRADES);
    Map<String, Object> out = consequences.convertGrades("cesmag", v);
    List<SpinJsonNode> courses = ((SpinJsonNode) out.get("recognizedCourses")).elements();
    // 8.5 on 0-6-10 → 3.0 + 2.5/4 × 2.0 = 4.25 → 4.3 (half-up)
    assertThat(courses.get(0).prop("convertedGrade").numberValue().doubleValue()).isEqualTo(4.3);
    assertThat(courses.get(0).prop("conversionMethod").stringValue()).isEqualTo("LINEAR");
    // 5.9 → 5.9/6 × 3.0 = 2.95 → 3.0 after rounding: the pass decision uses the rounded home grade
    assertThat(courses.get(1).prop("convertedGrade").numberValue().doubleValue()).isEqualTo(3.0);
    assertThat(courses.get(1).prop("passed").boolValue()).isTrue();
    assertThat(courses.get(2).prop("convertedGrade").numberValue().doubleValue()).isEqualTo(3.0);
    // descending German-like scale 5 (worst) … 1 (best), pass 4: 2.0 → 3.0 + 2/3 × 2.0 = 4.33 → 4.3
    assertThat(courses.get(3).prop("convertedGrade").numberValue().doubleValue()).isEqualTo(4.3);
    assertThat(courses.get(4).prop("conversionMethod").stringValue()).isEqualTo("TABLE");
    assertThat(courses.get(4).prop("convertedGrade").numberValue().doubleValue()).isEqualTo(4.5);
    assertThat(courses.get(5).prop("conversionMethod").stringValue()).isEqualTo("PASS_FAIL");
    assertThat(courses.get(5).prop("passed").boolValue()).isTrue();
    assertThat(courses.get(6).prop("passed").boolValue()).isFalse();
    assertThat(out).containsEntry("failedCourses", 1).containsEntry("linearConversionUsed", true);
    assertThat((String) out.get("recognitionText")).contains("Cálculo → Cálculo I: 8.5 = 4,3 (aprobada");

    Map<String, Object> below = new HashMap<>(v);
    below.put("hostGrades", "[{\"hostName\":\"Física\",\"grade\":\"5.8\",\"scaleMin\":0,\"scalePass\":6,\"scaleMax\":10}]");
    Map<String, Object> failedOne = consequences.convertGrades("cesmag", below);
    assertThat(failedOne).containsEntry("failedCourses", 1); // 5.8/6 × 3 = 2.9
  }

  @Test
  void badHostGradesNameTheVariable() {
    Map<String, Object> v = admitted(cesmagExchange());
    v.put("hostGrades", "[{\"hostName\":\"Cálculo\",\"grade\":\"11\",\"scaleMin\":0,\"scalePass\":6,\"scaleMax\":10}]");
    assertThatThrownBy(() -> consequences.convertGrades("cesmag", v))
        .isInstanceOfSatisfying(InvalidVariableException.class, e -> assertThat(e.getVariable()).isEqualTo("hostGrades"));
    v.put("hostGrades", "[{\"hostName\":\"Cálculo\",\"grade\":\"muy bien\"}]");
    assertThatThrownBy(() -> consequences.convertGrades("cesmag", v)).isInstanceOf(InvalidVariableException.class);
  }

  @Test
  void cesmagTwoFailedCoursesBarFurtherExchangesButOneDoesNot() {
    Map<String, Object> exchange = cesmagExchange();
    Map<String, Object> v = admitted(exchange);
    v.put("failedCourses", 1);
    assertThat(consequences.applyPostMobilitySanctions("cesmag", v, "pi", "MES")).containsEntry("postMobilityBansText", "");
    assertThat(failed(exchange)).isEmpty();

    v.put("failedCourses", 2);
    Map<String, Object> out = consequences.applyPostMobilitySanctions("cesmag", v, "pi", "MES");
    assertThat((String) out.get("postMobilityBansText")).contains("art. 9 num. 6");
    Ban ban = bans.find("cesmag", (String) exchange.get("documentNumber")).get(0);
    assertThat(ban.scope()).isEqualTo(Ban.Scope.EXCHANGE_PERMANENT);
    assertThat(ban.banUntil()).isNull();
    assertThat(failed(exchange)).containsExactly("CES-SO-12");
    setToday(LocalDate.of(2031, 1, 10)); // open-ended
    Map<String, Object> years = new HashMap<>(exchange);
    years.put("startDate", "2031-08-01");
    years.put("endDate", "2031-12-15");
    years.put("targetPeriod", "2031-2");
    assertThat(failed(years)).contains("CES-SO-12");
    setToday(TODAY);
    Map<String, Object> congress = cesmagExtra("EXTRA_CONGRESO");
    congress.put("documentNumber", exchange.get("documentNumber"));
    assertThat(failed(congress)).as("not an exchange").isEmpty();
  }

  @Test
  void ufpsAFailedHomologableSubjectBarsSemesterMobilityAndSupport() {
    Map<String, Object> semester = ufpsSemester();
    Map<String, Object> v = admitted(semester);
    v.put("failedHomologableSubjects", 0);
    assertThat(consequences.applyPostMobilitySanctions("ufps", v, "pi", "MES")).containsEntry("postMobilityBansText", "");
    v.put("failedHomologableSubjects", 1);
    consequences.applyPostMobilitySanctions("ufps", v, "pi", "MES");
    assertThat(bans.find("ufps", (String) semester.get("documentNumber"))).extracting(Ban::scope)
        .containsExactlyInAnyOrder(Ban.Scope.UFPS_SEMESTER_MOBILITY, Ban.Scope.UFPS_FINANCIAL_SUPPORT);
    assertThat(failed(semester)).containsExactly("UF-SO-13");
    Map<String, Object> shortOne = ufpsShort();
    shortOne.put("documentNumber", semester.get("documentNumber"));
    assertThat(failed(shortOne)).as("short mobility is still allowed").isEmpty();
    assertThat(evaluate(shortOne).facts()).containsEntry("banUfpsSupport", true);
  }

  @Test
  void unalHasNoPostMobilityBan() {
    Map<String, Object> v = admitted(unal());
    v.put("failedCourses", 3);
    v.put("failedHomologableSubjects", 3);
    assertThat(consequences.applyPostMobilitySanctions("unal", v, "pi", "MES")).containsEntry("postMobilityBansText", "");
  }

  // ------------------------------------------------------------------ documents §4

  @Test
  void documentChecklistsFollowTheCase() {
    Map<String, Object> exchange = admitted(cesmagExchange());
    List<String> pre = codes("cesmag", "PRE", exchange);
    assertThat(pre).contains("CES-PRE-MEDICAL", "CES-PRE-INSURANCE", "CES-PRE-PASSPORT", "CES-PRE-COMMITMENT")
        .doesNotContain("CES-PRE-POS", "CES-PRE-LANGUAGE");
    exchange.put("physicalTravel", false);
    assertThat(codes("cesmag", "PRE", exchange)).doesNotContain("CES-PRE-MEDICAL", "CES-PRE-INSURANCE");

    Map<String, Object> unal = admitted(unal());
    assertThat(codes("unal", "APP", unal)).contains("UN-APP-PASSPORT", "UN-APP-FINANCIAL").doesNotContain("UN-APP-TUTOR-AUTH");
    assertThat(codes("unal", "ARR", unal)).containsExactly("UN-ARR-CONFIRMATION", "UN-ARR-INSURANCE");

    Map<String, Object> ufps = admitted(ufpsSemester());
    ufps.put("hostRequiresLanguageCert", true);
    ufps.put("hostSpanishSpeaking", false);
    List<String> app = codes("ufps", "APP", ufps);
    assertThat(app).contains("UF-APP-ACCEPTANCE", "UF-APP-HEALTH").containsOnlyOnce("UF-APP-LANGUAGE");
    Map<String, Object> shortOne = admitted(ufpsShort());
    assertThat(codes("ufps", "APP", shortOne)).containsExactly("UF-APP-FORM", "UF-APP-COMMITTEE", "UF-APP-RECOMMENDATIONS");
    assertThat(codes("ufps", "END", shortOne)).containsExactly("UF-END-REPORT");
  }

  List<String> codes(String tenant, String stage, Map<String, Object> v) {
    return consequences.requiredDocuments(tenant, stage, v).stream().map(d -> (String) d.get("code")).toList();
  }
}
