package co.ori.mobility.incoming;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The enumerations of {@code student-incoming-mobility} ({@code procedures.md} §2.c.1 and §2.d.1)
 * with the Spanish label shown in forms and e-mails for each value.
 */
public final class IncomingTerms {

  /** Tenant id → institution code ({@code institution} of §2.c.1, "= tenant"). */
  public static final Map<String, String> INSTITUTIONS = Map.of("cesmag", "CESMAG", "unal", "UNAL", "ufps", "UFPS");

  /** Identity documents ({@code documentType}). */
  public static final Map<String, String> DOCUMENT_TYPES = ordered(
      "PASAPORTE", "Pasaporte",
      "CEDULA_CIUDADANIA", "Cédula de ciudadanía",
      "CEDULA_EXTRANJERIA", "Cédula de extranjería",
      "TARJETA_IDENTIDAD", "Tarjeta de identidad",
      "DOCUMENTO_EXTRANJERO", "Documento de identidad extranjero");

  /** {@code programLevel} (002 art. 10.3; 004 art. 7.3). */
  public static final Map<String, String> PROGRAM_LEVELS = ordered(
      "TECNICO", "Técnico profesional", "TECNOLOGICO", "Tecnológico", "PROFESIONAL", "Profesional universitario",
      "ESPECIALIZACION", "Especialización", "MAESTRIA", "Maestría", "DOCTORADO", "Doctorado");

  /** {@code scope} (002 art. 5.3). */
  public static final Map<String, String> SCOPES = ordered(
      "REGIONAL", "Regional", "NACIONAL", "Nacional", "INTERNACIONAL", "Internacional");

  /** {@code modality} (002 art. 5.4). */
  public static final Map<String, String> MODALITIES = ordered(
      "PRESENCIAL", "Presencial", "VIRTUAL", "Virtual", "HIBRIDA", "Híbrida");

  /** {@code submittedBy} (003 Parte 2 §2.2; 004 art. 13 par.). */
  public static final Map<String, String> CHANNELS = ordered(
      "STUDENT_ONLINE", "Registro en línea del estudiante",
      "HOME_INSTITUTION_EMAIL", "Correo institucional de la institución de origen");

  /** {@code route} (§2.c.1). */
  public static final Map<String, String> ROUTES = ordered(
      "CONVOCATORIA_EXTERNA", "Convocatoria o convenio", "UNAL_CALL", "Convocatoria de la DRE",
      "UFPS_CALL", "Convocatoria de la UFPS", "DIRECT_INVITATION", "Invitación directa");

  /** {@code unalModality} (003 Parte 1 §2.3; Parte 2 §1.1). */
  public static final Map<String, String> UNAL_MODALITIES = ordered(
      "CURSAR_ASIGNATURAS", "Cursar asignaturas", "PRACTICA", "Práctica", "PASANTIA", "Pasantía",
      "ESTANCIA_INVESTIGACION", "Estancia de investigación", "TRABAJO_GRADO", "Trabajo de grado");

  /** UNAL modalities that need a UNAL tutor's invitation letter (UN-SI-05, 003 Parte 2 §2.4). */
  public static final List<String> UNAL_TUTORED = List.of("PRACTICA", "PASANTIA", "ESTANCIA_INVESTIGACION", "TRABAJO_GRADO");

  /** {@code ufpsType} (004 art. 5 and 6). */
  public static final Map<String, String> UFPS_TYPES = ordered(
      "SEM_ACADEMICO", "Semestre académico", "SEM_INTERCAMBIO", "Semestre de intercambio",
      "SEM_PRACTICA", "Práctica académica, profesional o empresarial", "SEM_TRABAJO_GRADO", "Trabajo de grado",
      "SEM_DOBLE_TITULACION", "Doble titulación", "SEM_TITULACION_CONJUNTA", "Titulación conjunta",
      "SEM_ROTACION_MEDICA", "Rotación médica", "CORTA_ESTANCIA_INVESTIGACION", "Estancia de investigación (corta)",
      "CORTA_EVENTO", "Evento académico", "CORTA_VISITA", "Visita académica, técnica o empresarial",
      "CORTA_SALIDA_CAMPO", "Salida de campo", "CORTA_CURSO", "Curso académico", "CORTA_VERANO", "Curso de verano");

  /** {@code supportProgram} for incoming students (004 art. 25.2, 26.2). */
  public static final Map<String, String> SUPPORT_PROGRAMS = ordered(
      "NONE", "Sin apoyo", "BRACOL", "BRACOL (ASCUN–GCUB)", "PILA", "PILA (ASCUN–CIN–ANUIES)");

  /** Stay types (002 art. 6). */
  public static final Map<String, String> STAY_TYPES = ordered(
      "CORTA", "Estancia corta (hasta 3 meses)", "MEDIA", "Estancia media (más de 3 y menos de 6 meses)",
      "LARGA", "Estancia larga (6 meses o más)");

  /** Migratory documents of a foreign student (002 art. 15.7 lit. d; 003 Parte 2 §4.1). */
  public static final Map<String, String> MIGRATORY_DOCUMENTS = ordered(
      "VISA", "Visa", "PEP", "Permiso especial de permanencia (PEP)", "PPT", "Permiso por protección temporal (PPT)",
      "PASAPORTE", "Pasaporte (sin visa, cuando no se exige)", "TARJETA_ANDINA", "Tarjeta andina");

  private IncomingTerms() {}

  /** The Spanish label of a value, or the value itself when unknown, "" for null. */
  public static String label(Map<String, String> labels, Object value) {
    if (value == null) {
      return "";
    }
    return labels.getOrDefault(value.toString(), value.toString());
  }

  /** Whether a country or nationality denotes Colombia ("Colombia", "colombiana", "CO", "COL"). */
  public static boolean isColombia(String country) {
    if (country == null) {
      return false;
    }
    String plain = Normalizer.normalize(country, Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "").strip().toUpperCase(Locale.ROOT);
    return plain.equals("COLOMBIA") || plain.equals("CO") || plain.equals("COL")
        || plain.equals("COLOMBIANA") || plain.equals("COLOMBIANO") || plain.equals("REPUBLICA DE COLOMBIA");
  }

  private static Map<String, String> ordered(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(map);
  }
}
