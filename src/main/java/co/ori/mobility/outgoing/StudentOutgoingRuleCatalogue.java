package co.ori.mobility.outgoing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The eligibility rules of outgoing student mobility ({@code procedures.md} §3.1.a CES-SO-01…33,
 * §3.2 UN-SO-01…13, §3.3 UF-SO-01…18) as students and staff read them: for each rule id the
 * plain-language reason (Spanish) and the article of the regulation that sets it (002 Acuerdo 106
 * de 2023 CESMAG; 003 Instructivo de movilidad académica estudiantil UNAL; 004 Resolución 206 de
 * 2020 UFPS).
 *
 * <p>Rules marked {@link Rule#gate()} are checked at a later step of the process (the step is in
 * {@link Rule#step()}), through {@link StudentOutgoingMobility#recordGate}; the others are rows of
 * the tenant's decision table {@code student-outgoing-eligibility}.
 */
public final class StudentOutgoingRuleCatalogue {

  /**
   * One rule.
   *
   * @param id rule id of procedures.md §3
   * @param reason why an application fails it, in Spanish
   * @param source regulation and article
   * @param step the process steps where it is checked, comma-separated ({@code O5} = intake
   *     table; any other = a gate of that step, through {@code recordGate})
   */
  public record Rule(String id, String reason, String source, String step) {
    /** A row of the tenant's {@code student-outgoing-eligibility} (checked at O5). */
    public boolean intake() {
      return List.of(step.split(",\\s*")).contains("O5");
    }

    /** Checked (also) at a later step than the intake, through {@code recordGate}. */
    public boolean gate() {
      return !"O5".equals(step);
    }
  }

  private static final String CES = "Acuerdo 106 de 2023 (Universidad CESMAG), ";
  private static final String UN = "Instructivo de movilidad académica estudiantil (UNAL), ";
  private static final String UF = "Resolución 206 de 2020 (UFPS), ";

  /** The rules, by id, in order. */
  public static final Map<String, Rule> RULES = rules(
      // ---------------------------------------------------------------- CESMAG §3.1.a
      new Rule("CES-SO-01", "El intercambio académico debe ser de estancia media o larga (más de tres meses) y durar uno o dos periodos académicos.", CES + "art. 9 num. 1 y art. 6", "O5"),
      new Rule("CES-SO-02", "Para el intercambio académico presencial (o híbrido con desplazamiento) el estudiante debe ser mayor de edad antes de iniciarlo.", CES + "art. 10 num. 1", "O5"),
      new Rule("CES-SO-03", "El estudiante no debe tener sanciones disciplinarias en el año inmediatamente anterior al del inicio del proceso.", CES + "art. 10 num. 2", "O5"),
      new Rule("CES-SO-04", "El estudiante debe tener aprobadas todas las asignaturas hasta el semestre exigido por su nivel: tecnológico 3.º, profesional 5.º, especialización 1.º, maestría 2.º (doctorado 2.º, propuesto).", CES + "art. 10 num. 3", "O5"),
      new Rule("CES-SO-05", "Si la lengua oficial de la institución de destino no es el español, debe acreditar mediante examen internacional el nivel mínimo que exige la institución de destino.", CES + "art. 10 num. 4 y num. 9 lit. c", "O5"),
      new Rule("CES-SO-06", "El aval del director de programa exige un convenio vigente con la institución de destino.", CES + "art. 10 num. 6", "O5"),
      new Rule("CES-SO-07", "Se requieren referencias de buena conducta de docentes del estudiante (al menos una).", CES + "art. 10 num. 6", "O5"),
      new Rule("CES-SO-08", "La solicitud de intercambio debe presentarse a tiempo: al menos con la antelación configurada (90 días, propuesto) antes del inicio de la movilidad.", CES + "art. 10 num. 6", "O5"),
      new Rule("CES-SO-09", "El promedio acumulado debe ser mínimo 4,0 en pregrado y 4,3 en posgrado (doctorado: 4,3 o equivalente), certificado por la Secretaría General.", CES + "art. 10 num. 9 lit. b", "O5"),
      new Rule("CES-SO-10", "El estudiante debe ser admitido por la institución de destino.", CES + "art. 10 num. 7", "O17"),
      new Rule("CES-SO-11", "Se requieren el examen médico de aptitud (movilidad con desplazamiento) y el certificado de orientación psicológica.", CES + "art. 10 num. 9 lit. d y e", "O20"),
      new Rule("CES-SO-12", "El estudiante tiene una sanción vigente que le impide participar en procesos de movilidad académica (retiro sin fuerza mayor: dos periodos académicos; o pérdida de dos o más asignaturas en un intercambio anterior).", CES + "art. 9 num. 6 y art. 12", "O5"),
      new Rule("CES-SO-13", "El proyecto de homologación debe estar firmado y las asignaturas aprobadas previamente por la dirección de programa o la coordinación de posgrado.", CES + "art. 9 num. 3 y art. 13", "O9"),
      new Rule("CES-SO-14", "La doble titulación exige estancia larga (seis meses o más) y cumplir los requisitos del convenio específico.", CES + "art. 19 num. 3 y 4", "O5"),
      new Rule("CES-SO-15", "En la doble titulación de doble vía, el título de la institución de destino se entrega solo después de obtener el título de la Universidad CESMAG.", CES + "art. 19 num. 1", "O24"),
      new Rule("CES-SO-16", "La práctica formativa debe ser de estancia media y, en escenarios clínicos, cumplir la normativa de los Ministerios de Educación y de Salud.", CES + "art. 20 num. 1, 2 y 4", "O5"),
      new Rule("CES-SO-17", "El intercambio lingüístico debe ser internacional y de estancia corta o media.", CES + "art. 22 filas 1 y 2", "O5"),
      new Rule("CES-SO-18", "Los cursos cortos, congresos, seminarios y misiones académicas deben ser de estancia corta (hasta tres meses).", CES + "art. 22 fila 2", "O5"),
      new Rule("CES-SO-19", "Los eventos internacionales deben ser internacionales y de estancia corta.", CES + "art. 22 filas 1 y 2", "O5"),
      new Rule("CES-SO-20", "En el intercambio lingüístico el estudiante menor de edad debe presentar la autorización de sus representantes legales.", CES + "art. 22 fila 4", "O5"),
      new Rule("CES-SO-21", "El estudiante menor de edad debe presentar la autorización de sus representantes legales, según el tipo de riesgo y la territorialidad (no se exige solo en movilidad regional de riesgo bajo).", CES + "art. 22 fila 4, art. 25 fila 4, art. 30 num. 3 lit. d", "O5"),
      new Rule("CES-SO-22", "El estudiante menor de edad en movilidad internacional debe presentar el permiso de salida del país.", CES + "art. 23 num. 5, art. 30 num. 3 lit. e, art. 32 num. 3 lit. b", "O5"),
      new Rule("CES-SO-23", "El intercambio lingüístico, la misión académica y los eventos internacionales exigen el formulario de movilidad y la carta de aval o autorización.", CES + "art. 22 fila 5 y art. 23 num. 1", "O5"),
      new Rule("CES-SO-24", "La movilidad extracurricular o de formación investigativa no debe obstaculizar ni retrasar significativamente el avance curricular (concepto de la dirección de programa).", CES + "art. 22 par. 1 y art. 25 par. 2", "O9"),
      new Rule("CES-SO-25", "La movilidad de formación investigativa debe ser de estancia corta.", CES + "art. 25 fila 2", "O5"),
      new Rule("CES-SO-26", "La vinculación con la comunidad (proyección social) es saliente y presencial.", CES + "art. 29 filas 1 y 2", "O5"),
      new Rule("CES-SO-27", "El voluntariado debe ser de estancia corta y el estudiante mayor de edad al iniciarlo.", CES + "art. 29 filas 2 y 4, art. 30 num. 1", "O5"),
      new Rule("CES-SO-28", "La movilidad deportiva, artística y cultural debe ser presencial y de estancia corta.", CES + "art. 31 num. 1 y 2", "O5"),
      new Rule("CES-SO-29", "El estudiante debe pertenecer a una selección deportiva o a un grupo artístico (danza, música o teatro) de la Universidad.", CES + "art. 31 num. 3", "O5"),
      new Rule("CES-SO-30", "El promedio acumulado debe ser mínimo 3,3 en pregrado y 4,0 en posgrado, validado por Registro y Control Académico.", CES + "art. 32 num. 1", "O5"),
      new Rule("CES-SO-31", "El estudiante debe cumplir la asistencia a entrenamientos o ensayos según el cronograma del Área de Deporte y Cultura.", CES + "art. 32 num. 2", "O20"),
      new Rule("CES-SO-32", "El estudiante tiene una sanción vigente (dos periodos académicos) por retiro injustificado de una movilidad deportiva o artística y cultural de la misma clase.", CES + "art. 34", "O5"),
      new Rule("CES-SO-33", "La postulación interna con apoyo económico requiere el concepto previo de viabilidad financiera.", CES + "art. 4 num. 13", "O5"),
      // ---------------------------------------------------------------- UNAL §3.2
      new Rule("UN-SO-01", "El estudiante debe estar matriculado o con reserva de cupo al postularse, y matriculado (derechos pagos y figura inscrita) durante el periodo de movilidad.", UN + "Parte 1 §2.1 y §3.4", "O5, O19"),
      new Rule("UN-SO-02", "El estudiante no debe haber sido sancionado ni tener vigente una sanción (en cualquier sede).", UN + "Parte 1 §2.1", "O5"),
      new Rule("UN-SO-03", "El estudiante de pregrado debe haber superado el 40 % de los créditos de su plan de estudios, salvo que el convenio acepte estudiantes sin este límite.", UN + "Parte 1 §2.1", "O5"),
      new Rule("UN-SO-04", "El estudiante de posgrado necesita la autorización de su tutor o director de tesis o trabajo final.", UN + "Parte 1 §2.1", "O9"),
      new Rule("UN-SO-05", "El PAPA (promedio académico ponderado acumulado) debe ser igual o superior a 3,5.", UN + "Parte 1 §2.1", "O5"),
      new Rule("UN-SO-06", "Se requiere el certificado de suficiencia en la lengua oficial de la institución de destino (con el nivel exigido, si lo fija).", UN + "Parte 1 §2.1 y §2.3", "O5"),
      new Rule("UN-SO-07", "Se requiere la carta de respaldo financiero (y el certificado de la beca, si la tiene).", UN + "Parte 1 §2.1 y §2.3", "O5"),
      new Rule("UN-SO-08", "Se puede aplicar como máximo a dos instituciones de destino por periodo académico.", UN + "Parte 1 §1.d", "O5"),
      new Rule("UN-SO-09", "Solo se puede realizar una movilidad por periodo académico, independientemente de su tipo (virtual, presencial o mixta), y ya tiene una aceptada.", UN + "Parte 1 §1.d", "O5"),
      new Rule("UN-SO-10", "El estudiante no puede presentar nuevas solicitudes de movilidad durante un año tras desistir sin fuerza mayor de una movilidad aceptada.", UN + "Parte 1 §2.13", "O5"),
      new Rule("UN-SO-11", "La solicitud debe presentarse dentro de una convocatoria abierta de la DRE para la institución de destino, antes de su fecha de cierre.", UN + "Parte 1 §1.a–b, §2.8–2.9", "O5"),
      new Rule("UN-SO-12", "La dirección del área curricular debe confirmar la pertinencia y que se cumple la carga académica mínima del Estatuto Estudiantil.", UN + "Parte 1 §2.4", "O9"),
      new Rule("UN-SO-13", "La práctica, pasantía, estancia de investigación o trabajo de grado requiere la carta de invitación de un profesor de la institución de destino que actúe como tutor.", UN + "Parte 1 §2.3", "O5"),
      // ---------------------------------------------------------------- UFPS §3.3
      new Rule("UF-SO-01", "El estudiante debe estar matriculado en un programa regular de la UFPS.", UF + "art. 7 num. 1", "O5"),
      new Rule("UF-SO-02", "El estudiante menor de edad al momento de la solicitud debe presentar la autorización escrita y explícita de sus padres o acudiente.", UF + "art. 7 num. 2 y art. 9 num. 8", "O5"),
      new Rule("UF-SO-03", "El estudiante no cumple el avance exigido: programa profesional de 10 semestres o más, 4.º semestre aprobado; de menos de 10 semestres, 3.º semestre aprobado; técnico o tecnológico, 50 % de los créditos (salvo lo que disponga el convenio o la convocatoria).", UF + "art. 7 num. 3", "O5"),
      new Rule("UF-SO-04", "El estudiante no debe tener una sanción académica vigente.", UF + "art. 7 num. 4", "O5"),
      new Rule("UF-SO-05", "El estudiante no debe tener ni haber tenido sanciones disciplinarias.", UF + "art. 7 num. 5", "O5"),
      new Rule("UF-SO-06", "El estudiante debe estar a paz y salvo con la UFPS.", UF + "art. 7 num. 6", "O5"),
      new Rule("UF-SO-07", "La movilidad de semestre debe solicitarse con un semestre (seis meses) de anticipación.", UF + "art. 8", "O5"),
      new Rule("UF-SO-08", "La movilidad de corta duración debe solicitarse mínimo con dos meses de anticipación.", UF + "art. 8", "O5"),
      new Rule("UF-SO-09", "Los documentos de la movilidad de semestre se entregan hasta la primera semana de noviembre (semestre I) o de mayo (semestre II) del periodo anterior, salvo que la convocatoria disponga otra fecha.", UF + "art. 44 y par.", "O5"),
      new Rule("UF-SO-10", "Se requiere el aval de pertinencia del Comité Curricular del programa: solo este aval habilita cualquier trámite.", UF + "art. 8", "O9"),
      new Rule("UF-SO-11", "Se requiere la carta de aceptación o invitación de la institución de destino, salvo que la convocatoria disponga otra cosa.", UF + "art. 8 par. 2 y art. 9 num. 1", "O19"),
      new Rule("UF-SO-12", "La movilidad de semestre requiere al menos cuatro asignaturas a homologar con sus prerrequisitos cumplidos, de máximo tres planes de estudio de la institución de destino.", UF + "art. 17 y par. 2, art. 18", "O5, O9"),
      new Rule("UF-SO-13", "El estudiante perdió el derecho a la movilidad de semestre por haber reprobado una asignatura homologable en una movilidad anterior.", UF + "art. 19 par. 1", "O5"),
      new Rule("UF-SO-14", "Si la lengua de la institución de destino no es el español o esta lo exige, se requiere el certificado de segunda lengua con el nivel exigido.", UF + "art. 9 num. 13", "O5"),
      new Rule("UF-SO-15", "La práctica seguida de trabajo de grado requiere el anteproyecto aprobado por el Comité Curricular.", UF + "art. 48", "O5"),
      new Rule("UF-SO-16", "El evento académico de corta duración debe durar menos de 30 días y no da lugar a homologación.", UF + "art. 6 num. 2", "O5"),
      new Rule("UF-SO-17", "El curso académico de corta duración debe durar menos de un semestre académico (seis meses, propuesto).", UF + "art. 6 num. 5", "O5"),
      new Rule("UF-SO-18", "La movilidad requiere un convenio o acuerdo de cooperación suscrito y vigente, salvo la invitación a eventos académicos cortos.", UF + "art. 2", "O5"));

  private StudentOutgoingRuleCatalogue() {}

  /**
   * One line for a failed rule: {@code "CES-SO-09: <reason> (<facts>) Fuente: <source>."}.
   *
   * @param facts the case's variables by name, to add the values that failed (may return null)
   * @throws IllegalArgumentException for an unknown id (a DMN row without catalogue entry)
   */
  public static String describe(String ruleId, Function<String, Object> facts) {
    Rule rule = RULES.get(ruleId);
    if (rule == null) {
      throw new IllegalArgumentException("Regla de elegibilidad sin descripción en el catálogo: " + ruleId);
    }
    String detail = detail(ruleId, facts);
    return rule.id() + ": " + rule.reason() + (detail.isEmpty() ? "" : " " + detail) + " Fuente: " + rule.source() + ".";
  }

  /** {@link #describe} of each rule, one per line starting with "- ". */
  public static String describeAll(List<String> ruleIds, Function<String, Object> facts) {
    StringBuilder text = new StringBuilder();
    for (String id : ruleIds) {
      if (!text.isEmpty()) {
        text.append('\n');
      }
      text.append("- ").append(describe(id, facts));
    }
    return text.toString();
  }

  /** The case's values that explain the failure, e.g. "(promedio acumulado: 3,99)". */
  private static String detail(String id, Function<String, Object> facts) {
    return switch (id) {
      case "CES-SO-09", "CES-SO-30", "UN-SO-05" -> value("promedio acumulado", grade(facts.apply("cumulativeGpa")));
      case "UN-SO-03" -> value("créditos aprobados", percent(facts.apply("creditsApprovedPct")));
      case "UN-SO-08" -> value("solicitudes en el periodo, incluida esta", facts.apply("applicationsInPeriod"));
      case "CES-SO-01", "CES-SO-14", "CES-SO-16", "CES-SO-17", "CES-SO-18", "CES-SO-19", "CES-SO-25",
          "CES-SO-28" -> value("tipo de estancia", StudentOutgoingTerms.label(StudentOutgoingTerms.STAY_TYPES,
              facts.apply("stayType")));
      case "CES-SO-02", "CES-SO-27" -> value("edad al inicio", facts.apply("ageAtStart"));
      case "CES-SO-04" -> value("último semestre aprobado completo", facts.apply("highestSemesterFullyPassed"));
      case "CES-SO-08", "UF-SO-08", "UF-SO-07" -> value("días entre la solicitud y el inicio", facts.apply("leadTimeDays"));
      case "UF-SO-16" -> value("duración en días", facts.apply("durationDays"));
      case "UF-SO-09" -> value("fecha límite de documentos", facts.apply("docsDeadlineLabel"));
      default -> "";
    };
  }

  private static String value(String label, Object value) {
    return value == null || value.toString().isEmpty() ? "" : "(" + label + ": " + value + ").";
  }

  private static String grade(Object value) {
    return value instanceof Number n ? String.format(java.util.Locale.ROOT, "%.2f", n.doubleValue()).replace('.', ',') : null;
  }

  private static String percent(Object value) {
    return value instanceof Number n ? String.format(java.util.Locale.ROOT, "%.1f %%", n.doubleValue()).replace('.', ',') : null;
  }

  private static Map<String, Rule> rules(Rule... rules) {
    Map<String, Rule> map = new LinkedHashMap<>();
    for (Rule rule : rules) {
      map.put(rule.id(), rule);
    }
    return Collections.unmodifiableMap(map);
  }
}
