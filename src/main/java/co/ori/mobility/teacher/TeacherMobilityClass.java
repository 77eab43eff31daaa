package co.ori.mobility.teacher;

import java.util.Arrays;
import java.util.List;

/**
 * Classes of outgoing teacher mobility at CESMAG (variable {@code mobilityClass},
 * {@code procedures.md} §2.f.1; 002 art. 35), with what the process needs to know of each:
 * its Spanish name, whether a work plan is required before the start (002 art. 38 lit. d),
 * whether the activity report is mandatory (002 art. 36 row 7, art. 37 row 7) and whether the
 * teacher's role at the event ({@code eventRole}) applies (002 art. 35.3–35.4).
 */
public enum TeacherMobilityClass {

  /** 002 art. 35.1. */
  DOCENCIA("Actividades de docencia", "art. 35 num. 1", true, true, false),
  /** 002 art. 35.2. */
  MISION_ACADEMICA("Misión académica", "art. 35 num. 2", true, true, false),
  /** 002 art. 35.3. */
  EVENTO_ACADEMICO("Evento académico", "art. 35 num. 3", false, true, true),
  /** 002 art. 35.4. */
  EVENTO_CIENTIFICO_ACADEMICO("Evento científico-académico", "art. 35 num. 4", false, true, true),
  /** 002 art. 35.5. */
  ACTIVIDAD_INVESTIGACION("Actividades de investigación", "art. 35 num. 5", false, true, false),
  /** 002 art. 35.6. */
  ESTANCIA_INVESTIGACION("Estancia de investigación", "art. 35 num. 6", true, true, false),
  /** 002 art. 35.7. */
  FORMACION_ALTO_NIVEL("Formación de alto nivel", "art. 35 num. 7", false, true, false),
  /** 002 art. 35.8 lit. a. */
  INTERCAMBIO_LINGUISTICO("Intercambio lingüístico", "art. 35 num. 8 lit. a", false, true, false),
  /** 002 art. 35.8 lit. b. */
  CURSO_CORTO("Curso corto", "art. 35 num. 8 lit. b", false, true, false),
  /** 002 art. 35.8 lit. c; report optional (art. 37 row 7). */
  EVENTO_DEPORTIVO_ARTISTICO_CULTURAL("Evento deportivo, artístico o cultural", "art. 35 num. 8 lit. c",
      false, false, false),
  /** 002 art. 35.8 lit. d; report optional (art. 37 row 7). */
  PROYECCION_SOCIAL("Proyección social y extensión", "art. 35 num. 8 lit. d", false, false, false),
  /** 002 art. 35.8 lit. d and art. 37 row 1 (voluntariado); report optional (art. 37 row 7). */
  VOLUNTARIADO("Voluntariado (proyección social y extensión)", "art. 35 num. 8 lit. d", false, false, false);

  private final String label;
  private final String article;
  private final boolean workPlanRequired;
  private final boolean reportMandatory;
  private final boolean event;

  TeacherMobilityClass(String label, String article, boolean workPlanRequired,
      boolean reportMandatory, boolean event) {
    this.label = label;
    this.article = article;
    this.workPlanRequired = workPlanRequired;
    this.reportMandatory = reportMandatory;
    this.event = event;
  }

  /** Spanish name, as staff read it in forms and e-mails. */
  public String label() {
    return label;
  }

  /** Article of Acuerdo 106 de 2023 (source 002) that defines the class. */
  public String article() {
    return article;
  }

  /**
   * Whether the work plan must reach the ORI at least one day before the start: docencia,
   * misión académica and estancia de investigación (002 art. 38 lit. d; {@code procedures.md} §5 T17).
   */
  public boolean workPlanRequired() {
    return workPlanRequired;
  }

  /**
   * Whether the activity report within 10 days after the end is mandatory: all classes of art. 36,
   * intercambio lingüístico and cursos cortos; optional for sports, arts and culture events and
   * social outreach (002 art. 37 row 7; {@code procedures.md} §2.f.2 TO12).
   */
  public boolean reportMandatory() {
    return reportMandatory;
  }

  /** Whether the class is an event, where the teacher's role {@code eventRole} applies (002 art. 35.3–35.4). */
  public boolean event() {
    return event;
  }

  /** The names of all classes, in the order of art. 35. */
  public static List<String> names() {
    return Arrays.stream(values()).map(Enum::name).toList();
  }
}
