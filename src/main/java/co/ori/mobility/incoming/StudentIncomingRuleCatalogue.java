package co.ori.mobility.incoming;

import co.ori.mobility.FailedRulesText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The eligibility rules of incoming student mobility ({@code procedures.md} §3.1.b CES-SI, §3.2
 * UN-SI, §3.3 UF-SI) as staff and home institutions read them: for each rule id, the reason an
 * application fails it and the article that sets it.
 *
 * <p>Rows of the tenant decision tables {@code student-incoming-eligibility} (hit policy COLLECT,
 * one {@code failedRule} per failing row): CES-SI-01…07, 09; UN-SI-01…05; UF-SI-01…08. Gates
 * checked later by the process: UN-SI-06 (programme approval, then the Dirección Académica de Sede
 * endorsement, steps I8–I9) and UF-SI-09 (grades only with paz y salvo, step I22). CES-SI-08
 * (extracurricular incoming classes) is not an exchange and is not handled by this procedure.
 */
public final class StudentIncomingRuleCatalogue {

  /** One rule: id, general statement, regulation and article. */
  public record Rule(String id, String statement, String article) {

    /** The regulation the rule comes from, by the id's prefix. */
    public String source() {
      if (id.startsWith("CES")) {
        return "Acuerdo 106 de 2023 de la Universidad CESMAG";
      }
      if (id.startsWith("UN")) {
        return "Instructivo de movilidad académica estudiantil de la Universidad Nacional de Colombia";
      }
      return "Resolución 206 de 2020 de la UFPS";
    }
  }

  /** Every rule, by id, in order. */
  public static final Map<String, Rule> RULES = rules(
      new Rule("CES-SI-01", "El intercambio académico entrante aplica para estancias media y larga, de uno o dos"
          + " periodos académicos; una estancia corta solo cuando desarrolla parcialmente temáticas de un espacio"
          + " académico con evaluación.", "art. 14 num. 1 y parágrafo"),
      new Rule("CES-SI-02", "El estudiante debe ser mayor de edad, según las normas de su país de origen, antes"
          + " de iniciar el intercambio académico presencial.", "art. 15 num. 1"),
      new Rule("CES-SI-03", "Se requieren la carta de presentación de la institución de origen y la carta de aval"
          + " de movilidad de su autoridad competente.", "art. 15 num. 2 y 4"),
      new Rule("CES-SI-04", "Los espacios académicos que se cursarán deben estar aprobados previamente por la"
          + " institución de origen.", "art. 14 num. 3"),
      new Rule("CES-SI-05", "Debe haber cupos disponibles en el convenio para el periodo, según el principio de"
          + " reciprocidad.", "art. 18 num. 1 y 3"),
      new Rule("CES-SI-06", "Cuando la lengua oficial del estudiante no es el castellano se requiere la"
          + " certificación del examen expedido por el Servicio Internacional de Evaluación (SIELE o"
          + " equivalente).", "art. 15 num. 7 lit. c"),
      new Rule("CES-SI-07", "La matrícula se paga únicamente en la institución de origen.", "art. 14 num. 5 y art. 18 num. 4"),
      new Rule("CES-SI-09", "La movilidad debe darse en el marco de un convenio, vínculo o red de cooperación"
          + " vigente.", "art. 1, art. 14 num. 4 y art. 15 num. 8"),
      new Rule("UN-SI-01", "El estudiante debe estar matriculado en un programa de formación profesional de una"
          + " institución reconocida por el sistema universitario de su país.", "Parte 2 §2 num. 1"),
      new Rule("UN-SI-02", "La movilidad entrante requiere un convenio de intercambio vigente con la institución"
          + " de origen; sin él corresponde la movilidad libre (free mover).", "Parte 2 §1 num. 1 y Parte 3"),
      new Rule("UN-SI-03", "Se requiere el certificado de suficiencia de español nivel B1 o su equivalente en"
          + " horas (no se exige a estudiantes colombianos o de países hispanohablantes).", "Parte 2 §2 num. 2"),
      new Rule("UN-SI-04", "Los programas del área de la salud exigen esquema de vacunación, afiliación a ARL y"
          + " EPS, certificado de buena conducta y póliza de responsabilidad civil.", "Parte 2 §2 num. 3"),
      new Rule("UN-SI-05", "La práctica, pasantía, estancia de investigación o trabajo de grado exige la carta"
          + " de invitación de un profesor tutor de la Universidad Nacional de Colombia.", "Parte 2 §2 num. 4"),
      new Rule("UN-SI-06", "La movilidad requiere la aprobación del programa curricular y, después, el aval de la"
          + " Dirección Académica de Sede.", "Parte 2 §3 num. 2 y 3"),
      new Rule("UF-SI-01", "El estudiante debe ser estudiante regular de la institución de origen.", "art. 12 num. 1"),
      new Rule("UF-SI-02", "El estudiante debe ser presentado por la autoridad competente de la institución de"
          + " origen, que remite los documentos desde su correo electrónico institucional.", "art. 12 num. 2 y art. 13 parágrafo"),
      new Rule("UF-SI-03", "Debe haber aprobado el cuarto semestre (programas profesionales de 10 semestres o"
          + " más), el tercer semestre (programas profesionales de menos de 10 semestres) o el 50 % de los"
          + " créditos (programas técnicos y tecnológicos), salvo disposición del convenio o de la"
          + " convocatoria.", "art. 12 num. 3"),
      new Rule("UF-SI-04", "Debe cumplir los requisitos particulares de la convocatoria de movilidad entrante.", "art. 12 num. 4"),
      new Rule("UF-SI-05", "Los estudiantes de países no hispanohablantes deben certificar su competencia en"
          + " español, salvo que la actividad sea el aprendizaje del español.", "art. 13 num. 9"),
      new Rule("UF-SI-06", "Un menor de edad al momento de la solicitud necesita la autorización escrita de sus"
          + " padres o acudiente.", "art. 13 num. 7"),
      new Rule("UF-SI-07", "La documentación se remite hasta el mes de noviembre del año anterior (movilidad del"
          + " primer semestre) o hasta el mes de mayo (segundo semestre), salvo que la convocatoria disponga"
          + " otra fecha.", "art. 44"),
      new Rule("UF-SI-08", "La movilidad requiere un convenio vigente, salvo la invitación a eventos académicos"
          + " de corta duración.", "art. 2"),
      new Rule("UF-SI-09", "Las calificaciones se expiden solo si el estudiante está a paz y salvo con la UFPS.", "art. 21"));

  private StudentIncomingRuleCatalogue() {}

  /**
   * The reason, for this application, why it fails a rule, with its source:
   * {@code "CES-SI-05: No quedan cupos ... Fuente: Acuerdo 106 de 2023 ..., art. 18 num. 1 y 3."}.
   *
   * @param facts the case's variables by name; may return null
   * @throws IllegalArgumentException for an unknown rule id (a DMN row without catalogue entry)
   */
  public static String describe(String ruleId, Function<String, Object> facts) {
    Rule rule = RULES.get(ruleId);
    if (rule == null) {
      throw new IllegalArgumentException("Regla de elegibilidad sin descripción en el catálogo: " + ruleId);
    }
    return rule.id() + ": " + reason(rule, facts) + " Fuente: " + rule.source() + ", " + rule.article() + ".";
  }

  /** {@link #describe} of each rule, one per line, each starting with "- ". */
  public static String describeAll(List<String> ruleIds, Function<String, Object> facts) {
    return FailedRulesText.lines(ruleIds, id -> describe(id, facts));
  }

  private static String reason(Rule rule, Function<String, Object> facts) {
    return switch (rule.id()) {
      case "CES-SI-01" -> "La solicitud corresponde a " + lowerFirst(IncomingTerms.label(IncomingTerms.STAY_TYPES,
          facts.apply("stayType"))) + " y abarca " + facts.apply("academicPeriods") + " periodo(s) académico(s). "
          + rule.statement();
      case "CES-SI-02" -> "Al inicio tendrá " + facts.apply("ageAtStart") + " años y la mayoría de edad en "
          + facts.apply("homeCountry") + " es " + facts.apply("majorityAge") + " años. " + rule.statement();
      case "CES-SI-05" -> "No quedan cupos en el convenio " + facts.apply("agreementId") + " para el periodo "
          + facts.apply("targetPeriod") + " (cupos del convenio: " + facts.apply("placesPerPeriod") + "). "
          + rule.statement();
      case "UF-SI-07" -> "La documentación se recibió el " + facts.apply("receivedDateLabel") + " y el plazo era el "
          + facts.apply("documentsDeadlineLabel") + ". " + rule.statement();
      default -> rule.statement();
    };
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
