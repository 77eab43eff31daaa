package co.ori.mobility.outgoing;

import static co.ori.mobility.outgoing.StudentOutgoingValues.str;

import co.ori.agreements.AgreementValues;
import co.ori.mobility.Ban;
import co.ori.mobility.BanRegistry;
import co.ori.support.InvalidVariableException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Service;

/**
 * What follows from the facts of an outgoing student case, by the tenant's decision tables:
 * the documents of a stage ({@code required-documents}, §4), the consequences of a withdrawal
 * ({@code withdrawal-consequences}, §6.1–6.3, written to the bans registry §6.4), the conversion
 * of the host's grades ({@code grade-conversion}, §8.3) and the sanctions after the mobility
 * ({@code post-mobility-sanctions}, §6.1 W6, §6.3 U1). Used by the bean {@code studentOutgoing};
 * each method takes the case's variables as a map so it can also be called outside a process.
 */
@Service
public class StudentOutgoingConsequences {

  /** Stages of the document checklists (§4). */
  public static final Set<String> STAGES = Set.of("APP", "PRE", "ARR", "DUR", "END");
  /** Stages of a withdrawal (§2.h.4), maintained by the model in {@code mobilityStage}. */
  public static final List<String> MOBILITY_STAGES = List.of("BEFORE_ACCEPTANCE", "AFTER_ACCEPTANCE_BEFORE_START", "DURING");

  private final TenantDecisions decisions;
  private final BanRegistry bans;
  private final StudentMobilitySettings settings;

  /**
   * @param decisions tenant decision evaluation
   * @param bans the bans registry (§6.4)
   * @param settings configurable terms ({@code minPassingGrade})
   */
  public StudentOutgoingConsequences(TenantDecisions decisions, BanRegistry bans, StudentMobilitySettings settings) {
    this.decisions = decisions;
    this.bans = bans;
    this.settings = settings;
  }

  // ------------------------------------------------------------------ documents (§4)

  /**
   * The documents the case needs at a stage, in table order, without duplicates: each
   * {@code {code, label}}.
   *
   * @param stage APP|PRE|ARR|DUR|END
   * @param v the case's variables (facts of O2 included)
   * @throws IllegalArgumentException for an unknown stage
   */
  public List<Map<String, Object>> requiredDocuments(String tenantId, String stage, Map<String, Object> v) {
    if (!STAGES.contains(stage)) {
      throw new IllegalArgumentException("Etapa de documentos desconocida: " + stage + " (APP, PRE, ARR, DUR, END)");
    }
    Map<String, Object> in = new HashMap<>();
    in.put("stage", stage);
    for (String name : List.of("mobilityType", "ufpsFamily", "scope", "modality", "physicalTravel", "isMinor",
        "isMinorAtApplication", "hostSpanishSpeaking", "hostRequiresLanguageCert", "isPostgrad", "scholarshipHeld",
        "supportRequested", "healthProgram", "hostAdmissionApplies", "participationCertificateRequired")) {
      in.put(name, v.get(name));
    }
    DmnDecisionResult result = decisions.evaluate("required-documents", tenantId, in);
    Map<String, Map<String, Object>> byCode = new LinkedHashMap<>();
    for (DmnDecisionResultEntries row : result) {
      String code = String.valueOf(row.get("docCode"));
      byCode.putIfAbsent(code, new LinkedHashMap<>(Map.of("code", code, "label", String.valueOf(row.get("docLabel")))));
    }
    return new ArrayList<>(byCode.values());
  }

  /** The documents as text, one "- label" per line. */
  public static String documentsText(List<Map<String, Object>> docs) {
    StringBuilder text = new StringBuilder();
    for (Map<String, Object> d : docs) {
      if (!text.isEmpty()) {
        text.append('\n');
      }
      text.append("- ").append(d.get("label"));
    }
    return text.toString();
  }

  // ------------------------------------------------------------------ withdrawal (§6)

  /**
   * A withdrawal's consequences.
   *
   * @param rule the §6 rule applied (W1…W5, S1…S4, N1…N4, U3, U4, U6, Q22)
   * @param ban the recorded ban, or null
   * @param variables the process variables to set (see {@link StudentOutgoingMobility#applyWithdrawal})
   */
  public record Withdrawal(String rule, Ban ban, Map<String, Object> variables) {}

  /**
   * Evaluates {@code withdrawal-consequences} and records its ban.
   *
   * @param v the case's variables: {@code mobilityStage}, {@code forceMajeure} (required),
   *     {@code addDropDeadlinePassed}, {@code catchUpCommitment} (optional), {@code mobilityType},
   *     {@code ufpsFamily}, {@code supportProgram}, {@code documentNumber}, {@code targetPeriod}
   * @throws InvalidVariableException naming {@code forceMajeure} or {@code mobilityStage}
   * @throws IllegalStateException when the table has no single row for the case
   */
  public Withdrawal applyWithdrawal(String tenantId, Map<String, Object> v, String processInstanceId, String businessKey) {
    String stage = AgreementValues.requiredEnum("mobilityStage", v.get("mobilityStage"), MOBILITY_STAGES);
    boolean forceMajeure = AgreementValues.requiredBoolean("forceMajeure", v.get("forceMajeure"));
    Boolean addDrop = AgreementValues.optionalBoolean("addDropDeadlinePassed", v.get("addDropDeadlinePassed"));
    Boolean catchUp = AgreementValues.optionalBoolean("catchUpCommitment", v.get("catchUpCommitment"));
    Map<String, Object> in = new HashMap<>();
    in.put("mobilityStage", stage);
    in.put("forceMajeure", forceMajeure);
    in.put("addDropDeadlinePassed", Boolean.TRUE.equals(addDrop));
    in.put("catchUpCommitment", !Boolean.FALSE.equals(catchUp));
    in.put("withdrawalFamily", withdrawalFamily(tenantId, v));
    in.put("supportBeneficiary", v.get("supportProgram") != null && !"NONE".equals(v.get("supportProgram")));
    DmnDecisionResult result = decisions.evaluate("withdrawal-consequences", tenantId, in);
    if (result.size() != 1) {
      throw new IllegalStateException("La decisión withdrawal-consequences de " + tenantId + " dio " + result.size()
          + " filas para " + in);
    }
    Map<String, Object> out = result.getSingleResult().getEntryMap();
    String rule = String.valueOf(out.get("withdrawalRule"));
    String scope = (String) out.get("banScope");
    Ban ban = null;
    LocalDate today = AgreementValues.toLocalDate(ClockUtil.getCurrentTime());
    if (scope != null) {
      Integer periods = (Integer) out.get("banPeriods");
      Integer years = (Integer) out.get("banYears");
      List<String> banned = periods == null || periods == 0 ? List.of()
          : Ban.followingPeriods(StudentOutgoingEligibility.periodOf(today), periods);
      LocalDate until = years == null || years == 0 ? null : today.plusYears(years);
      ban = bans.record(tenantId, new Ban(null, null, str(v, "documentNumber"), Ban.Scope.valueOf(scope), banned,
          until, rule + " — " + out.get("source"), processInstanceId,
          "Retiro de la movilidad " + businessKey + " sin causa de fuerza mayor o caso fortuito probada.",
          null, null, null));
    }
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("withdrawalRule", rule);
    vars.put("banId", ban == null ? null : ban.id());
    vars.put("banScope", scope);
    vars.put("cancelCourses", out.get("cancelCourses"));
    vars.put("hostGradesCount", out.get("hostGradesCount"));
    vars.put("semesterPostponed", out.get("semesterPostponed"));
    vars.put("refundSupport", out.get("refundSupport"));
    vars.put("supportLost", out.get("supportLost"));
    vars.put("tuitionRefund", false);
    vars.put("mustResumeHomeActivities", out.get("mustResumeHomeActivities"));
    vars.put("coverAbandonmentCosts", out.get("coverAbandonmentCosts"));
    vars.put("academicCouncilReview", out.get("academicCouncilReview"));
    vars.put("registryFlag", out.get("registryFlag"));
    String text = out.get("consequences") + (ban == null ? "" : " Sanción registrada " + ban.id() + ": "
        + banText(ban)) + " (" + out.get("source") + ").";
    vars.put("withdrawalConsequencesText", text);
    return new Withdrawal(rule, ban, vars);
  }

  /**
   * The family of rules of §6 a case falls under: CESMAG EXCHANGE (exchange, double degree,
   * training practice: art. 12), EXTRACURRICULAR (art. 12 by §9 Q22), SPORTS, ART (art. 34),
   * OTHER (research training, social outreach: no automatic ban, Q22); UNAL ALL; UFPS SEMESTER|SHORT.
   */
  static String withdrawalFamily(String tenantId, Map<String, Object> v) {
    String type = str(v, "mobilityType");
    if (type == null) {
      type = str(v, "category") != null ? str(v, "category") : str(v, "ufpsType");
    }
    return switch (tenantId) {
      case "cesmag" -> type == null ? "EXCHANGE"
          : Set.of("INTERCAMBIO", "DOBLE_TITULACION", "PRACTICA_FORMATIVA").contains(type) ? "EXCHANGE"
          : type.startsWith("EXTRA_") ? "EXTRACURRICULAR"
          : "DEPORTIVA".equals(type) ? "SPORTS" : "ARTISTICA_CULTURAL".equals(type) ? "ART" : "OTHER";
      case "ufps" -> type != null && type.startsWith("CORTA_") ? "SHORT" : "SEMESTER";
      default -> "ALL";
    };
  }

  static String banText(Ban ban) {
    if (!ban.bannedPeriods().isEmpty()) {
      return "periodos académicos " + String.join(" y ", ban.bannedPeriods());
    }
    if (ban.banUntil() != null) {
      return "hasta el " + ban.banUntil().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))
          + " (exclusive)";
    }
    return "sin fecha de terminación";
  }

  // ------------------------------------------------------------------ grades (§8.3)

  /**
   * Converts the host's grades (§8.3): for each course, the tenant's {@code grade-conversion} table
   * (hit policy FIRST, inputs {@code hostInstitution}, {@code hostCountry}, {@code hostGrade} as
   * text, {@code scaleMax}; outputs {@code homeGrade} 0–5 or null, {@code passed} or null); when
   * no row matches, the piecewise-linear fallback (descending scales normalized first) with the
   * tenant's {@code minPassingGrade}, rounded half-up to one decimal.
   *
   * @return the variables {@code recognizedCourses}, {@code failedCourses},
   *     {@code failedHomologableSubjects}, {@code linearConversionUsed}, {@code recognitionText}
   * @throws InvalidVariableException naming {@code hostGrades}
   */
  public Map<String, Object> convertGrades(String tenantId, Map<String, Object> v) {
    List<SpinJsonNode> grades = StudentOutgoingValues.elements("hostGrades", v.get("hostGrades"));
    if (grades.isEmpty()) {
      throw new InvalidVariableException("hostGrades", "registre al menos una asignatura con su calificación");
    }
    double pass = settings.forTenant(tenantId).minPassingGrade();
    List<Map<String, Object>> recognized = new ArrayList<>();
    int failed = 0;
    boolean linear = false;
    StringBuilder text = new StringBuilder();
    int i = 0;
    for (SpinJsonNode g : grades) {
      i++;
      String hostName = StudentOutgoingValues.text(g, "hostName");
      String grade = StudentOutgoingValues.text(g, "grade");
      if (hostName == null || grade == null) {
        throw new InvalidVariableException("hostGrades", "la asignatura " + i + " requiere hostName y grade");
      }
      Double min = StudentOutgoingValues.number(g, "scaleMin", "hostGrades");
      Double passHost = StudentOutgoingValues.number(g, "scalePass", "hostGrades");
      Double max = StudentOutgoingValues.number(g, "scaleMax", "hostGrades");
      Map<String, Object> in = new HashMap<>();
      in.put("hostInstitution", str(v, "hostInstitution"));
      in.put("hostCountry", str(v, "hostCountry"));
      in.put("hostGrade", grade.toUpperCase(Locale.ROOT));
      in.put("scaleMax", max);
      DmnDecisionResult table = decisions.evaluate("grade-conversion", tenantId, in);
      Double converted;
      Boolean passed;
      String method;
      if (!table.isEmpty()) {
        Map<String, Object> row = table.getFirstResult().getEntryMap();
        converted = row.get("homeGrade") instanceof Number n ? round(n.doubleValue()) : null;
        passed = row.get("passed") instanceof Boolean b ? b : converted != null && converted >= pass;
        method = converted == null ? "PASS_FAIL" : "TABLE";
      } else {
        double value;
        try {
          value = Double.parseDouble(grade.replace(',', '.'));
        } catch (NumberFormatException e) {
          throw new InvalidVariableException("hostGrades", "la calificación '" + grade + "' de " + hostName
              + " no es un número ni está en la tabla de equivalencias de la institución");
        }
        if (min == null || passHost == null || max == null) {
          throw new InvalidVariableException("hostGrades", "sin tabla de equivalencias, indique la escala de "
              + hostName + ": scaleMin, scalePass y scaleMax");
        }
        converted = linear(value, min, passHost, max, pass, hostName);
        passed = converted >= pass;
        method = "LINEAR";
        linear = true;
      }
      if (!passed) {
        failed++;
      }
      Map<String, Object> course = new LinkedHashMap<>();
      for (String p : List.of("hostCode", "hostName", "homeCode", "homeName")) {
        course.put(p, StudentOutgoingValues.text(g, p));
      }
      course.put("originalGrade", grade);
      course.put("originalScale", min == null ? null : StudentOutgoingValues.fmt(min) + "–"
          + StudentOutgoingValues.fmt(max) + " (aprueba " + StudentOutgoingValues.fmt(passHost) + ")");
      course.put("convertedGrade", converted);
      course.put("conversionMethod", method);
      course.put("passed", passed);
      recognized.add(course);
      if (!text.isEmpty()) {
        text.append('\n');
      }
      text.append("- ").append(hostName).append(course.get("homeName") == null ? "" : " → " + course.get("homeName"))
          .append(": ").append(grade).append(converted == null ? "" : " = " + String.format(Locale.ROOT, "%.1f", converted).replace('.', ','))
          .append(passed ? " (aprobada" : " (reprobada").append(", ")
          .append(switch (method) {
            case "TABLE" -> "tabla de equivalencias";
            case "PASS_FAIL" -> "aprobado/reprobado sin nota numérica";
            default -> "conversión lineal, requiere aprobación";
          }).append(")");
    }
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("recognizedCourses", Spin.JSON(recognized));
    vars.put("failedCourses", failed);
    vars.put("failedHomologableSubjects", failed);
    vars.put("linearConversionUsed", linear);
    vars.put("recognitionText", text.toString());
    return vars;
  }

  /**
   * The piecewise-linear conversion of §8.3 (2): host scale [min, pass, max] (descending when
   * min > max, e.g. 5 worst … 1 best) onto [0, homePass, 5], rounded half-up to one decimal.
   *
   * @throws InvalidVariableException naming {@code hostGrades} for an inconsistent scale or a
   *     grade outside it
   */
  static double linear(double g, double min, double pass, double max, double homePass, String course) {
    if (min > max) { // descending scale: normalize by negation
      g = -g;
      min = -min;
      pass = -pass;
      max = -max;
    }
    if (!(min < pass && pass < max)) {
      throw new InvalidVariableException("hostGrades", "la escala de " + course
          + " no es coherente: se espera scaleMin < scalePass < scaleMax (o la inversa)");
    }
    if (g < min || g > max) {
      throw new InvalidVariableException("hostGrades", "la calificación de " + course + " está fuera de su escala");
    }
    double home = g >= pass ? homePass + (g - pass) / (max - pass) * (5.0 - homePass)
        : (g - min) / (pass - min) * homePass;
    return round(home);
  }

  private static double round(double d) {
    return BigDecimal.valueOf(d).setScale(1, RoundingMode.HALF_UP).doubleValue();
  }

  // ------------------------------------------------------------------ post-mobility (§6.1 W6, §6.3 U1)

  /**
   * Evaluates {@code post-mobility-sanctions} (COLLECT: {@code sanctionRule}, {@code banScope},
   * {@code source}) and records each ban, open-ended (§9 Q34).
   *
   * @return {@code postMobilityBanIds} (Json array) and {@code postMobilityBansText}
   */
  public Map<String, Object> applyPostMobilitySanctions(String tenantId, Map<String, Object> v,
      String processInstanceId, String businessKey) {
    Map<String, Object> in = new HashMap<>();
    in.put("mobilityType", v.get("mobilityType"));
    in.put("ufpsFamily", v.get("ufpsFamily"));
    in.put("failedCourses", v.get("failedCourses") instanceof Number n ? n.intValue() : 0);
    in.put("failedHomologableSubjects", v.get("failedHomologableSubjects") instanceof Number n ? n.intValue() : 0);
    DmnDecisionResult result = decisions.evaluate("post-mobility-sanctions", tenantId, in);
    List<String> ids = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (DmnDecisionResultEntries row : result) {
      Ban ban = bans.record(tenantId, new Ban(null, null, str(v, "documentNumber"),
          Ban.Scope.valueOf(String.valueOf(row.get("banScope"))), List.of(), null,
          row.get("sanctionRule") + " — " + row.get("source"), processInstanceId,
          row.get("reason") + " (movilidad " + businessKey + ")", null, null, null));
      ids.add(ban.id());
      if (!text.isEmpty()) {
        text.append('\n');
      }
      text.append("- ").append(ban.id()).append(": ").append(row.get("reason")).append(" (")
          .append(row.get("source")).append(").");
    }
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("postMobilityBanIds", Spin.JSON(ids));
    vars.put("postMobilityBansText", text.toString());
    return vars;
  }
}
