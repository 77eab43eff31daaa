package co.ori.mobility.teacher;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The enumerated values of {@code teacher-outgoing-mobility} ({@code procedures.md} §2.f.1,
 * §1.2) with their Spanish names, as forms, e-mails and messages show them. Values travel as
 * {@code String} variables (contract: "enums as String").
 */
public final class TeacherMobilityTerms {

  /** {@code employmentType}: tipo de vinculación (002 art. 36 row 1). */
  public static final Map<String, String> EMPLOYMENT_TYPES = ordered(
      "DTC", "Docente de tiempo completo (DTC)",
      "DMT", "Docente de medio tiempo (DMT)",
      "DHC", "Docente hora cátedra (DHC)");

  /** {@code eventRole}: the teacher's role at an event (002 art. 35.3–35.4). */
  public static final Map<String, String> EVENT_ROLES = ordered(
      "PONENTE", "Ponente",
      "ASISTENTE", "Asistente",
      "CONFERENCISTA_MAGISTRAL", "Conferencista magistral");

  /** {@code route}: how the mobility arises (002 art. 3, 4.2, 4.13). */
  public static final Map<String, String> ROUTES = ordered(
      "CONVOCATORIA_EXTERNA", "Convocatoria externa",
      "POSTULACION_INTERNA", "Postulación interna",
      "INVITATION", "Invitación de la institución de destino");

  /** {@code scope}: ámbito (002 art. 5.3). */
  public static final Map<String, String> SCOPES = ordered(
      "REGIONAL", "Regional (Nariño)",
      "NACIONAL", "Nacional",
      "INTERNACIONAL", "Internacional");

  /** {@code modality}: condiciones espaciales (002 art. 5.4). */
  public static final Map<String, String> MODALITIES = ordered(
      "PRESENCIAL", "Presencial",
      "VIRTUAL", "Virtual",
      "HIBRIDA", "Híbrida");

  /** {@code stayType}: tipo de estancia (002 art. 6), output of the DMN {@code stay-type}. */
  public static final Map<String, String> STAY_TYPES = ordered(
      "CORTA", "Estancia corta (hasta 3 meses)",
      "MEDIA", "Estancia media (más de 3 y menos de 6 meses)",
      "LARGA", "Estancia larga (6 meses o más)");

  /** Items of {@code supportItems}: the costs of 002 art. 36 row 4 / art. 37 row 4. */
  public static final Map<String, String> SUPPORT_ITEMS = ordered(
      "REGISTRATION", "Inscripción",
      "TRAVEL", "Desplazamiento",
      "MAINTENANCE", "Manutención",
      "PASSPORT_VISA", "Trámite de pasaporte o visado");

  /** Support items the host covers when the teacher is invited to teach in person (002 art. 36 par. 2). */
  public static final List<String> HOST_COVERED_ITEMS = List.of("TRAVEL", "MAINTENANCE");

  private TeacherMobilityTerms() {}

  /** The Spanish name of a value of one of the maps, or the value itself when unknown. */
  public static String label(Map<String, String> terms, String value) {
    return value == null ? "" : terms.getOrDefault(value, value);
  }

  private static Map<String, String> ordered(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(map);
  }
}
