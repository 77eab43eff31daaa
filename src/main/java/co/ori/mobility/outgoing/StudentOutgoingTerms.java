package co.ori.mobility.outgoing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The enumerations of the outgoing student application ({@code procedures.md} §2.c.1) with the
 * Spanish label staff and students read, by code. Codes are the contract's values (Strings).
 */
public final class StudentOutgoingTerms {

  /** Institutions (= tenants) that run the procedure, by tenant id. */
  public static final Map<String, String> INSTITUTIONS = map(
      "CESMAG", "Universidad CESMAG", "UNAL", "Universidad Nacional de Colombia",
      "UFPS", "Universidad Francisco de Paula Santander");

  /** CESMAG categories (002 art. 7, 8, 21, 24, 28, 31). */
  public static final Map<String, String> CATEGORIES = map(
      "INTERCAMBIO", "Intercambio académico",
      "DOBLE_TITULACION", "Doble titulación",
      "PRACTICA_FORMATIVA", "Práctica formativa",
      "EXTRA_LINGUISTICO", "Intercambio lingüístico (extracurricular)",
      "EXTRA_CURSO_CORTO", "Curso corto (extracurricular)",
      "EXTRA_CONGRESO", "Congreso (extracurricular)",
      "EXTRA_SEMINARIO", "Seminario temático (extracurricular)",
      "EXTRA_MISION", "Misión académica (extracurricular)",
      "EXTRA_EVENTO_INTERNACIONAL", "Evento internacional (extracurricular)",
      "EXTRA_OTRO", "Otra actividad extracurricular",
      "INV_EVENTO", "Evento de investigación (formación investigativa)",
      "INV_CAPACITACION", "Capacitación en investigación (formación investigativa)",
      "PS_VINCULACION", "Vinculación con la comunidad (proyección social)",
      "PS_VOLUNTARIADO", "Voluntariado (proyección social)",
      "DEPORTIVA", "Movilidad deportiva",
      "ARTISTICA_CULTURAL", "Movilidad artística y cultural");

  /** UNAL modalities (003 Parte 1 §2.3). */
  public static final Map<String, String> UNAL_MODALITIES = map(
      "CURSAR_ASIGNATURAS", "Cursar asignaturas",
      "PRACTICA", "Práctica",
      "PASANTIA", "Pasantía",
      "ESTANCIA_INVESTIGACION", "Estancia de investigación",
      "TRABAJO_GRADO", "Trabajo de grado");

  /** UFPS types (004 art. 5 semester mobility, art. 6 short mobility). */
  public static final Map<String, String> UFPS_TYPES = map(
      "SEM_ACADEMICO", "Semestre académico",
      "SEM_INTERCAMBIO", "Semestre de intercambio",
      "SEM_PRACTICA", "Práctica académica, profesional o empresarial",
      "SEM_TRABAJO_GRADO", "Trabajo de grado",
      "SEM_DOBLE_TITULACION", "Doble titulación",
      "SEM_TITULACION_CONJUNTA", "Titulación conjunta",
      "SEM_ROTACION_MEDICA", "Rotación médica",
      "CORTA_ESTANCIA_INVESTIGACION", "Estancia de investigación (corta duración)",
      "CORTA_EVENTO", "Evento académico (corta duración)",
      "CORTA_VISITA", "Visita académica, técnica o empresarial",
      "CORTA_SALIDA_CAMPO", "Salida de campo",
      "CORTA_CURSO", "Curso académico (corta duración)",
      "CORTA_VERANO", "Curso de verano");

  /** Programme levels (002 art. 10.3; 004 art. 7.3). */
  public static final Map<String, String> PROGRAM_LEVELS = map(
      "TECNICO", "Técnico profesional", "TECNOLOGICO", "Tecnológico", "PROFESIONAL", "Profesional",
      "ESPECIALIZACION", "Especialización", "MAESTRIA", "Maestría", "DOCTORADO", "Doctorado");

  /** Undergraduate levels (procedures.md §3 notation {@code isUndergrad}). */
  public static final Set<String> UNDERGRAD = Set.of("TECNICO", "TECNOLOGICO", "PROFESIONAL");

  /** Scopes (002 art. 5.3). */
  public static final Map<String, String> SCOPES = map(
      "REGIONAL", "Regional (departamento de Nariño)", "NACIONAL", "Nacional", "INTERNACIONAL", "Internacional");

  /** Spatial modalities (002 art. 5.4; 003 Parte 1 §1.d). */
  public static final Map<String, String> MODALITIES = map(
      "PRESENCIAL", "Presencial", "VIRTUAL", "Virtual", "HIBRIDA", "Híbrida (mixta)");

  /** Routes (002 art. 3, 4.2, 4.13; 003 Parte 1 §1; 004 art. 8 par. 2). */
  public static final Map<String, String> ROUTES = map(
      "CONVOCATORIA_EXTERNA", "Convocatoria externa",
      "POSTULACION_INTERNA", "Postulación interna",
      "UNAL_CALL", "Convocatoria de la DRE (UNAL)",
      "UFPS_CALL", "Convocatoria de la ORII (UFPS)",
      "DIRECT_INVITATION", "Invitación directa");

  /** Enrolment statuses (003 Parte 1 §2.1; 004 art. 7.1). */
  public static final Map<String, String> ENROLMENT_STATUSES = map(
      "MATRICULADO", "Matriculado", "RESERVA_DE_CUPO", "Con reserva de cupo", "NONE", "Sin matrícula");

  /** UFPS support programmes (004 art. 24). */
  public static final Map<String, String> SUPPORT_PROGRAMS = map(
      "BRACOL", "BRACOL", "PILA", "PILA", "BECA_UFPS", "Beca UFPS", "BECA_ORII", "Beca ORII",
      "RECIPROCIDAD", "Beca de reciprocidad", "COMITE_ADMINISTRATIVO", "Apoyo del Comité Administrativo",
      "NONE", "Sin apoyo económico");

  /** Stay types (002 art. 6). */
  public static final Map<String, String> STAY_TYPES = map(
      "CORTA", "Estancia corta (hasta 3 meses)", "MEDIA", "Estancia media (más de 3 y menos de 6 meses)",
      "LARGA", "Estancia larga (6 meses o más)");

  /** Sanction types of the {@code sanctions} Json (§2.c.1). */
  public static final List<String> SANCTION_TYPES = List.of("DISCIPLINARY", "ACADEMIC");

  /** CEFR language levels, lowest first (host minimum level and the student's certified level). */
  public static final List<String> LANGUAGE_LEVELS = List.of("A1", "A2", "B1", "B2", "C1", "C2");

  /** Risk levels of CES-SO-21 (002 art. 22 row 4: "según tipo de riesgo y territorialidad"; PROPOSED). */
  public static final Map<String, String> RISK_LEVELS = map("LOW", "Bajo", "MEDIUM", "Medio", "HIGH", "Alto");

  private StudentOutgoingTerms() {}

  /** The label of a code, or the code itself when unknown, or "" for null. */
  public static String label(Map<String, String> labels, Object code) {
    if (code == null) {
      return "";
    }
    String label = labels.get(code.toString());
    return label == null ? code.toString() : label;
  }

  /** The mobility type label of any institution's code (category, unalModality or ufpsType). */
  public static String mobilityTypeLabel(Object code) {
    if (code == null) {
      return "";
    }
    for (Map<String, String> labels : List.of(CATEGORIES, UNAL_MODALITIES, UFPS_TYPES)) {
      if (labels.containsKey(code.toString())) {
        return labels.get(code.toString());
      }
    }
    return code.toString();
  }

  private static Map<String, String> map(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }
}
