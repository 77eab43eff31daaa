package co.ori.mobility.freemover;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain-language reasons (Spanish, with the article) of the UNAL free-mover rules UN-FM-01…08
 * ({@code procedures.md} §3.2; 003 Parte 3), for {@code failedRulesText} in mails and forms, and
 * the termination causes of the individual agreement (003 Anexo 1 cl. 8).
 */
public final class FreeMoverRuleCatalogue {

  /** Rule id → reason shown to people. */
  public static final Map<String, String> RULES;

  /** {@code terminationCause} value → Spanish cause of 003 Anexo 1 cl. 8 (§6.2 N6). */
  public static final Map<String, String> TERMINATION_CAUSES;

  static {
    Map<String, String> rules = new LinkedHashMap<>();
    rules.put("UN-FM-01", "No se certifica la calidad de estudiante en una institución de educación superior"
        + " (003 Parte 3 §4).");
    rules.put("UN-FM-02", "El Consejo de Facultad (o Comité Académico Administrativo de Sede / Consejo de"
        + " Escuelas) no avaló la movilidad libre saliente (003 Parte 3 §5.b).");
    rules.put("UN-FM-03", "No se verificó el pago de la matrícula en la Universidad durante toda la movilidad"
        + " con la figura «Movilidad Académica Nacional o Internacional» inscrita, o el pago de los cobros de la"
        + " institución anfitriona (003 Parte 3 §5.c-d).");
    rules.put("UN-FM-04", "La carta de presentación no certifica la calidad de estudiante y que la movilidad es"
        + " al margen de un convenio vigente, o existe un convenio vigente con la institución de origen"
        + " (003 Parte 3 §6.c).");
    rules.put("UN-FM-05", "El convenio específico e individual (Anexo 1) no está suscrito por las partes"
        + " (003 Parte 3 §6.d-e).");
    rules.put("UN-FM-06", "No se han pagado los derechos de la movilidad libre o no se presentó el seguro médico"
        + " (003 Parte 3 §6.f-g).");
    rules.put("UN-FM-07", "La movilidad libre se aprueba por un (1) periodo académico, sin que exista posibilidad"
        + " de hacer más de una prórroga por estudiante (003 Parte 3 §7).");
    rules.put("UN-FM-08", "El estudiante extranjero no ha completado los requisitos migratorios según su"
        + " nacionalidad, la duración y el tipo de actividad (003 Parte 3 §8).");
    RULES = Map.copyOf(rules);
    Map<String, String> causes = new LinkedHashMap<>();
    causes.put("BREACH", "Incumplimiento de las obligaciones pactadas");
    causes.put("MISCONDUCT", "Acto inmoral, delictivo o de irresponsabilidad comprobado del estudiante");
    causes.put("MUTUAL_AGREEMENT", "Mutuo acuerdo entre las partes");
    causes.put("VOLUNTARY_WITHDRAWAL", "Retiro voluntario del estudiante de la movilidad autorizada");
    TERMINATION_CAUSES = java.util.Collections.unmodifiableMap(causes);
  }

  private FreeMoverRuleCatalogue() {}

  /** One line "- UN-FM-0x: reason" per id, in the given order; "" for none. */
  public static String describe(List<String> ids) {
    StringBuilder out = new StringBuilder();
    for (String id : ids) {
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append("- ").append(id).append(": ").append(RULES.getOrDefault(id, id));
    }
    return out.toString();
  }
}
