package co.ori.mobility.teacher;

import co.ori.mobility.FailedRulesText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The eligibility rules of outgoing teacher mobility at CESMAG, {@code procedures.md} §3.1.c
 * (CES-TO-01 … CES-TO-13), as staff and teachers read them: for each rule id, the plain-language
 * reason why a request fails it and the article of Acuerdo 106 de 2023 (source 002) that sets it.
 *
 * <p>CES-TO-01 … CES-TO-11 are rows of the tenant decision table
 * {@code teacher-outgoing-eligibility} (hit policy COLLECT, one {@code failedRule} per failing row);
 * CES-TO-12 (letter of intent approved by the program director and the vice-rector of the area)
 * is checked at steps TO5/TO6 and CES-TO-13 (language certificate at the host's level) at the
 * document review of TO10. The e-mail to the teacher lists each failed rule with
 * {@link #describe}.
 */
public final class TeacherOutgoingRuleCatalogue {

  /** One rule: its id, a general statement and the article of 002. */
  public record Rule(String id, String statement, String article) {}

  /** The rules of §3.1.c, by id, in order. */
  public static final Map<String, Rule> RULES = rules(
      new Rule("CES-TO-01", "Las actividades de docencia, la misión académica y los eventos académicos"
          + " admiten docentes de tiempo completo (DTC), medio tiempo (DMT) y hora cátedra (DHC).",
          "art. 36, condición 1"),
      new Rule("CES-TO-02", "Los eventos científico-académicos solo admiten docentes de tiempo completo"
          + " (DTC) o de medio tiempo (DMT).", "art. 36, condición 1"),
      new Rule("CES-TO-03", "Las actividades de investigación, la estancia de investigación y la"
          + " formación de alto nivel solo admiten docentes de tiempo completo (DTC).",
          "art. 36, condición 1"),
      new Rule("CES-TO-04", "El intercambio lingüístico, los cursos cortos y los eventos deportivos,"
          + " artísticos y culturales admiten docentes DTC, DMT y DHC.", "art. 37, condición 1"),
      new Rule("CES-TO-05", "La movilidad en proyección social y extensión solo admite docentes de"
          + " tiempo completo (DTC), salvo el voluntariado, que admite DTC, DMT y DHC.",
          "art. 37, condición 1"),
      new Rule("CES-TO-06", "El tipo de estancia debe ser uno de los admitidos para la clase de"
          + " movilidad.", "art. 6, art. 36 y art. 37, condición 3"),
      new Rule("CES-TO-07", "La modalidad y el ámbito deben ser los admitidos para la clase de"
          + " movilidad.", "art. 36 y art. 37, condición 2"),
      new Rule("CES-TO-08", "El incumplimiento en la presentación del informe de actividades de una"
          + " movilidad anterior conlleva la no aprobación de las movilidades que el docente solicite"
          + " después, hasta que lo presente.", "art. 36 parágrafo 1 y art. 37 parágrafo 1"),
      new Rule("CES-TO-09", "La estancia de investigación debe enmarcarse en un proyecto de"
          + " investigación aprobado por la Universidad, con su correspondiente rubro presupuestal.",
          "art. 35 numeral 6"),
      new Rule("CES-TO-10", "En los eventos científico-académicos el docente concurre como conferencista"
          + " magistral o como ponente con publicación asegurada en revistas categorizadas por"
          + " Publindex.", "art. 35 numeral 4"),
      new Rule("CES-TO-11", "En los eventos académicos el docente participa como ponente o como"
          + " asistente.", "art. 35 numeral 3"),
      new Rule("CES-TO-12", "La carta de intención debe contar con la aprobación del director del"
          + " programa y del vicerrector del área respectiva.", "art. 38 literal b"),
      new Rule("CES-TO-13", "El certificado de conocimiento del idioma debe acreditar el nivel de dominio"
          + " requerido por la institución de destino.", "art. 38 literal e"));

  private TeacherOutgoingRuleCatalogue() {}

  /**
   * The reason, for this request, why it fails a rule, followed by the article:
   * {@code "CES-TO-06: La clase «Misión académica» solo admite estancia corta ... Fuente: Acuerdo
   * 106 de 2023, art. 6, art. 36 y art. 37, condición 3."}.
   *
   * @param ruleId a rule id of {@link #RULES}
   * @param facts the case's variables by name ({@code mobilityClass}, {@code employmentType},
   *     {@code stayType}, {@code scope}, {@code modality}, {@code eventRole} …); may return null
   * @throws IllegalArgumentException for an unknown rule id (a DMN row without catalogue entry)
   */
  public static String describe(String ruleId, Function<String, Object> facts) {
    Rule rule = RULES.get(ruleId);
    if (rule == null) {
      throw new IllegalArgumentException("Regla de elegibilidad sin descripción en el catálogo: " + ruleId);
    }
    return rule.id() + ": " + reason(rule, facts) + " Fuente: Acuerdo 106 de 2023, " + rule.article() + ".";
  }

  /** {@link #describe} of each rule, one per line, each line starting with "- ". */
  public static String describeAll(List<String> ruleIds, Function<String, Object> facts) {
    return FailedRulesText.lines(ruleIds, id -> describe(id, facts));
  }

  private static String reason(Rule rule, Function<String, Object> facts) {
    String classLabel = classLabel(facts.apply("mobilityClass"));
    String employment = TeacherMobilityTerms.label(TeacherMobilityTerms.EMPLOYMENT_TYPES,
        text(facts.apply("employmentType")));
    String stay = TeacherMobilityTerms.label(TeacherMobilityTerms.STAY_TYPES, text(facts.apply("stayType")));
    String mobilityClass = text(facts.apply("mobilityClass"));
    return switch (rule.id()) {
      case "CES-TO-01", "CES-TO-02", "CES-TO-03", "CES-TO-04", "CES-TO-05" ->
          "La clase «" + classLabel + "» no admite su tipo de vinculación: " + lowerFirst(employment)
              + ". " + rule.statement();
      case "CES-TO-06" -> "La clase «" + classLabel + "» solo admite " + allowedStays(mobilityClass)
          + "; las fechas solicitadas corresponden a " + lowerFirst(stay) + ".";
      case "CES-TO-07" -> modalityReason(mobilityClass, classLabel, facts);
      case "CES-TO-08" -> "Tiene pendiente el informe de actividades de una movilidad anterior. "
          + rule.statement();
      case "CES-TO-10" -> "En un evento científico-académico participa como «"
          + TeacherMobilityTerms.label(TeacherMobilityTerms.EVENT_ROLES, text(facts.apply("eventRole")))
          + "»" + (Boolean.TRUE.equals(facts.apply("publicationAssuredPublindex")) ? ""
              : " sin publicación asegurada en una revista Publindex") + ". " + rule.statement();
      case "CES-TO-11" -> "En un evento académico participa como «"
          + TeacherMobilityTerms.label(TeacherMobilityTerms.EVENT_ROLES, text(facts.apply("eventRole")))
          + "». " + rule.statement();
      default -> rule.statement();
    };
  }

  private static String modalityReason(String mobilityClass, String classLabel,
      Function<String, Object> facts) {
    if ("INTERCAMBIO_LINGUISTICO".equals(mobilityClass)) {
      return "El intercambio lingüístico solo aplica a movilidad internacional; la solicitud es de ámbito "
          + lowerFirst(TeacherMobilityTerms.label(TeacherMobilityTerms.SCOPES, text(facts.apply("scope")))) + ".";
    }
    return "La clase «" + classLabel + "» solo admite movilidad física (presencial); la solicitud es "
        + lowerFirst(TeacherMobilityTerms.label(TeacherMobilityTerms.MODALITIES, text(facts.apply("modality"))))
        + ".";
  }

  /** The stay types the class admits (002 art. 36 row 3, art. 37 row 3), in words. */
  static String allowedStays(String mobilityClass) {
    if (mobilityClass == null) {
      return "los tipos de estancia de su clase";
    }
    return switch (mobilityClass) {
      case "FORMACION_ALTO_NIVEL" -> "estancia larga (6 meses o más)";
      case "INTERCAMBIO_LINGUISTICO" -> "estancia corta o media (menos de 6 meses)";
      case "DOCENCIA", "ACTIVIDAD_INVESTIGACION", "ESTANCIA_INVESTIGACION", "PROYECCION_SOCIAL" ->
          "estancia corta, media o larga";
      default -> "estancia corta (hasta 3 meses)";
    };
  }

  private static String classLabel(Object mobilityClass) {
    try {
      return mobilityClass == null ? "" : TeacherMobilityClass.valueOf(mobilityClass.toString()).label();
    } catch (IllegalArgumentException e) {
      return mobilityClass.toString();
    }
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private static String lowerFirst(String s) {
    return s == null || s.isEmpty() ? "" : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  private static Map<String, Rule> rules(Rule... rules) {
    Map<String, Rule> map = new LinkedHashMap<>();
    for (Rule rule : rules) {
      map.put(rule.id(), rule);
    }
    return java.util.Collections.unmodifiableMap(map);
  }
}
