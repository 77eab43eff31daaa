package co.ori.mobility.outgoing;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Realistic start variables of {@code student-outgoing-mobility} (procedures.md §2.c.1), as the
 * Tasklist start form submits them (dates {@code yyyy-MM-dd}), one eligible application per
 * university. Shared by the process tests ({@link StudentOutgoingDriver}) and the benchmark's case
 * driver ({@code src/bench}); the callers add what depends on their database: the registered
 * agreement and call, and the {@code initiator}.
 */
public final class OutgoingApplications {

  private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");

  private OutgoingApplications() {
  }

  /** Academic period of a day: {@code YYYY-1} (January–June) or {@code YYYY-2}. */
  public static String period(LocalDate day) {
    return day.getYear() + (day.getMonthValue() <= 6 ? "-1" : "-2");
  }

  /** A learning agreement of {@code n} courses of one host study plan, as a Json text. */
  public static String courses(int n, String plan) {
    List<String> items = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      items.add("{\"hostCode\":\"H" + i + "\",\"hostName\":\"Asignatura de destino " + i + "\",\"hostCredits\":4,"
          + "\"homeCode\":\"L" + i + "\",\"homeName\":\"Asignatura local " + i + "\",\"homeCredits\":3,"
          + "\"prerequisitesMet\":true,\"hostPlan\":\"" + plan + "\"}");
    }
    return "[" + String.join(",", items) + "]";
  }

  /**
   * The variables every university asks: an adult undergraduate in good standing (GPA 4.3), in
   * person, Spanish-speaking host, no support.
   *
   * @param studentNumber distinguishes the student id
   * @param documentNumber the person id of bans and the case registry
   */
  public static Map<String, Object> common(String institution, int studentNumber, String documentNumber,
      LocalDate start, LocalDate end) {
    Map<String, Object> v = new HashMap<>();
    v.put("institution", institution);
    v.put("fullName", "Camila Andrea Rosero");
    v.put("studentId", "2021" + studentNumber);
    v.put("documentType", "CC");
    v.put("documentNumber", documentNumber);
    v.put("email", "camila.rosero@estudiantes.example.edu.co");
    v.put("phone", "3001234567");
    v.put("birthDate", "2002-03-15");
    v.put("nationality", "CO");
    v.put("programId", "ISIS");
    v.put("programName", "Ingeniería de Sistemas");
    v.put("programLevel", "PROFESIONAL");
    v.put("enrolmentStatus", "MATRICULADO");
    v.put("cumulativeGpa", 4.3);
    v.put("modality", "PRESENCIAL");
    v.put("physicalTravel", true);
    v.put("startDate", start.toString());
    v.put("endDate", end.toString());
    v.put("targetPeriod", period(start));
    v.put("hostSpanishSpeaking", true);
    v.put("hostLanguage", "es");
    v.put("hostRequiresLanguageCert", false);
    v.put("supportRequested", false);
    v.put("healthProgram", false);
    return v;
  }

  /**
   * CESMAG exchange (002 art. 9–13): international, in person, medium stay of 5 months starting in
   * 120 days, 6 semesters passed, 2 conduct references, at the Universidad de Guadalajara (México).
   */
  public static Map<String, Object> cesmagExchange(int studentNumber, String documentNumber) {
    LocalDate start = today().plusDays(120);
    Map<String, Object> v = common("CESMAG", studentNumber, documentNumber, start, start.plusMonths(5).minusDays(1));
    v.put("category", "INTERCAMBIO");
    v.put("route", "CONVOCATORIA_EXTERNA");
    v.put("highestSemesterFullyPassed", 6);
    v.put("conductReferencesCount", 2);
    v.put("scope", "INTERNACIONAL");
    v.put("hostInstitution", "Universidad de Guadalajara");
    v.put("hostCountry", "México");
    v.put("hostCity", "Guadalajara");
    v.put("letterOfIntent", "https://gd.unicesmag.edu.co/movilidad/carta-intencion.pdf");
    v.put("proposedCourses", courses(4, "Ingeniería en Computación"));
    return v;
  }

  /**
   * UNAL "cursar asignaturas" (003 Parte 1): international, starting in 150 days, 55 % credits,
   * PAPA 4.0, financial backing letter, at the Universidad de Chile; the caller adds {@code callId}.
   */
  public static Map<String, Object> unalCourses(int studentNumber, String documentNumber) {
    LocalDate start = today().plusDays(150);
    Map<String, Object> v = common("UNAL", studentNumber, documentNumber, start, start.plusMonths(5).minusDays(1));
    v.put("unalModality", "CURSAR_ASIGNATURAS");
    v.put("campus", "ANDINA:Bogotá");
    v.put("route", "UNAL_CALL");
    v.put("creditsApprovedPct", 55.0);
    v.put("cumulativeGpa", 4.0);
    v.put("scope", "INTERNACIONAL");
    v.put("hostInstitution", "Universidad de Chile");
    v.put("hostCountry", "Chile");
    v.put("hostCity", "Santiago");
    v.put("financialBackingLetter", "https://gd.unal.edu.co/movilidad/respaldo-financiero.pdf");
    v.put("proposedCourses", courses(3, "Ingeniería Civil en Computación"));
    return v;
  }

  /**
   * UFPS semester exchange (004 art. 5, 7–11): national, at the Universidad de Antioquia, starting
   * {@link #ufpsSemesterStart()}; 5 subjects from one host plan, financial clearance.
   */
  public static Map<String, Object> ufpsSemester(int studentNumber, String documentNumber) {
    LocalDate start = ufpsSemesterStart();
    Map<String, Object> v = common("UFPS", studentNumber, documentNumber, start, start.plusMonths(5).minusDays(1));
    v.put("ufpsType", "SEM_INTERCAMBIO");
    v.put("campus", "CUCUTA");
    v.put("route", "UFPS_CALL");
    v.put("programDurationSemesters", 10);
    v.put("highestSemesterFullyPassed", 5);
    v.put("creditsApprovedPct", 52.0);
    v.put("financialClearance", true);
    v.put("supportProgram", "NONE");
    v.put("scope", "NACIONAL");
    v.put("hostInstitution", "Universidad de Antioquia");
    v.put("hostCountry", "Colombia");
    v.put("hostCity", "Medellín");
    v.put("proposedCourses", courses(5, "Ingeniería de Sistemas UdeA"));
    return v;
  }

  /**
   * First UFPS period whose art. 44 document deadline (7 Nov / 7 May) is at least a week ahead and
   * that starts at least 7 months from today (UF-SO-07, UF-SO-09).
   */
  public static LocalDate ufpsSemesterStart() {
    LocalDate today = today();
    for (int year = today.getYear(); ; year++) {
      LocalDate first = LocalDate.of(year, 2, 1);
      if (!LocalDate.of(year - 1, 11, 7).isBefore(today.plusDays(7)) && !first.isBefore(today.plusMonths(7))) {
        return first;
      }
      LocalDate second = LocalDate.of(year, 8, 2);
      if (!LocalDate.of(year, 5, 7).isBefore(today.plusDays(7)) && !second.isBefore(today.plusMonths(7))) {
        return second;
      }
    }
  }

  private static LocalDate today() {
    return LocalDate.now(BOGOTA);
  }
}
