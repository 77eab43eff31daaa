package co.ori.security;

import java.util.Map;

/**
 * Spanish names of the candidate groups of {@code procedures.md} §1.1, shown in Admin and used as
 * the demo users' first names. A group not listed here is named by its id.
 */
public final class CandidateGroups {

  private static final Map<String, String> NAMES = Map.ofEntries(
      Map.entry("student", "Estudiante en movilidad saliente"),
      Map.entry("incoming-student", "Estudiante entrante"),
      Map.entry("professor", "Docente en movilidad"),
      Map.entry("visiting-professor", "Docente visitante"),
      Map.entry("ori-staff", "Oficina de Relaciones Internacionales"),
      Map.entry("dre", "Dirección de Relaciones Exteriores"),
      Map.entry("program-director", "Dirección de programa"),
      Map.entry("curricular-committee", "Comité curricular"),
      Map.entry("faculty-council", "Consejo de facultad"),
      Map.entry("academic-tutor", "Tutor académico"),
      Map.entry("registrar", "Registro y control académico"),
      Map.entry("campus-academic-director", "Dirección académica de sede"),
      Map.entry("vice-rector-area", "Vicerrectoría del área"),
      Map.entry("academic-vice-rector", "Vicerrectoría académica"),
      Map.entry("financial-vice-rector", "Vicerrectoría administrativa y financiera"),
      Map.entry("rector-office", "Rectoría"),
      Map.entry("general-secretary", "Secretaría General"),
      Map.entry("cini-coordinator", "Coordinación del CINI"),
      Map.entry("faculty-requester", "Facultad o centro solicitante"),
      Map.entry("pasto-office-head", "Jefatura de la Oficina de Asuntos Internacionales"),
      Map.entry("pasto-professional", "Profesional de la Oficina de Asuntos Internacionales"),
      Map.entry("pasto-project-bank", "Banco de proyectos de la Alcaldía"),
      Map.entry("pasto-dependency-lead", "Responsable de dependencia u organización"),
      Map.entry("sports-culture-coordinator", "Coordinación de deporte y cultura"),
      Map.entry("outreach-coordinator", "Proyección social y extensión"),
      Map.entry("volunteering-coordinator", "Coordinación de voluntariado"),
      Map.entry("welfare-services", "Bienestar universitario"),
      Map.entry("ohs-office", "Seguridad y salud en el trabajo"),
      Map.entry("event-coordinator", "Coordinación del evento"),
      Map.entry("evaluation-committee", "Comité de evaluación"),
      Map.entry("administrative-committee", "Comité administrativo"),
      Map.entry("academic-council", "Consejo académico"),
      Map.entry("academic-unit-director", "Dirección de unidad académica"),
      Map.entry("hr-office", "Talento humano (permisos)"));

  private CandidateGroups() {}

  /** The Spanish name of a candidate group id, or the id itself when unknown. */
  public static String nameOf(String groupId) {
    return NAMES.getOrDefault(groupId, groupId);
  }
}
