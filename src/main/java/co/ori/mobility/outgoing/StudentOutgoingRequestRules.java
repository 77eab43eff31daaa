package co.ori.mobility.outgoing;

import static co.ori.agreements.AgreementValues.optionalBoolean;
import static co.ori.agreements.AgreementValues.optionalEnum;
import static co.ori.agreements.AgreementValues.optionalInteger;
import static co.ori.agreements.AgreementValues.optionalText;
import static co.ori.agreements.AgreementValues.requiredDate;
import static co.ori.agreements.AgreementValues.requiredEnum;
import static co.ori.agreements.AgreementValues.requiredText;

import co.ori.agreements.AgreementValues;
import co.ori.support.InvalidVariableException;
import co.ori.support.VariableRules;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * Start variables of {@code student-outgoing-mobility} ({@code procedures.md} §2.c.1, step O1:
 * "Submit outgoing mobility application"; 002 art. 10.5, 10.8; 003 Parte 1 §2.3; 004 art. 9.3),
 * checked by the {@code StartVariablesValidator} before anything of the case is stored. The first
 * problem is thrown as an {@link InvalidVariableException} naming the variable, in Spanish; a REST
 * start answers 400 and leaves no instance. That {@code institution} is the tenant's is checked
 * by {@link StudentOutgoingMobility#resolveStudent} (the next start listener, same transaction).
 *
 * <p>An application that is well formed but does not meet the regulation is NOT refused here: it
 * starts and ends in {@code EndEvent_NotEligible} with its {@code failedRules}.
 *
 * <p>Rules:
 * <ul>
 *   <li>{@code institution} CESMAG|UNAL|UFPS; required texts {@code studentId}, {@code fullName},
 *       {@code documentType}, {@code documentNumber} (the person id of the bans and case
 *       registries: letters, digits, '.', '-', '_'), {@code programName}, {@code hostInstitution},
 *       {@code hostCountry}; optional {@code email} (valid address), {@code phone},
 *       {@code nationality}, {@code programId}, {@code campus}, {@code hostCity}, {@code hostLanguage};</li>
 *   <li>{@code birthDate} required, the student at least 10 years old at the start;
 *       {@code startDate} after today (engine clock), {@code endDate} not before it, at most 3
 *       years; {@code targetPeriod} {@code YYYY-1}/{@code YYYY-2} of the start's year or the next;</li>
 *   <li>enums: {@code programLevel}, {@code enrolmentStatus}, {@code scope}, {@code modality},
 *       {@code route}; {@code scope} INTERNACIONAL only outside Colombia (002 art. 5.3);
 *       CESMAG {@code category} required (UNAL/UFPS: refused), UNAL {@code unalModality} and
 *       {@code callId} required, UFPS {@code ufpsType} required and {@code supportProgram}
 *       (default NONE); {@code hostMinLanguageLevel}, {@code languageLevel} CEFR A1…C2;
 *       {@code riskLevel} LOW|MEDIUM|HIGH (CES-SO-21, default HIGH: authorization required);</li>
 *   <li>numbers: {@code cumulativeGpa} 0–5 required; {@code creditsApprovedPct} 0–100 (UNAL and
 *       UFPS required); {@code highestSemesterFullyPassed} 0–20 (CESMAG and UFPS required);
 *       {@code programDurationSemesters} 1–20 (UFPS professional programmes required);
 *       {@code conductReferencesCount} 0–50 (CESMAG, default 0);</li>
 *   <li>Json: {@code sanctions} [ {type DISCIPLINARY|ACADEMIC, date, activeUntil?, campus?} ]
 *       (default []); {@code proposedCourses} [ {hostCode?, hostName, hostCredits?, homeCode?,
 *       homeName?, homeCredits?, prerequisitesMet?, hostPlan?} ] (optional);</li>
 *   <li>Booleans default false: {@code financialClearance}, {@code hostRequiresLanguageCert},
 *       {@code hasAcceptanceOrInvitation}, {@code supportRequested}, {@code teamMember},
 *       {@code healthProgram}, {@code agreementRequirementsMet}, {@code clinicalSetting},
 *       {@code settingCompliesMinEduMinSalud}, {@code financialViability},
 *       {@code followedByDegreeWork}, {@code anteproyectoApproved}, {@code scholarshipHeld};
 *       {@code physicalTravel} defaults to {@code modality != VIRTUAL} (§9 Q14);
 *       {@code hostSpanishSpeaking} defaults to true for a host in Colombia, else to
 *       {@code hostLanguage} starting with "es";</li>
 *   <li>documents (references or files): {@code letterOfIntent}, {@code acceptanceLetter},
 *       {@code legalGuardianAuthorization}, {@code permissionToLeaveCountry}, {@code mobilityForm},
 *       {@code endorsementLetter}, {@code languageCertificate}, {@code financialBackingLetter},
 *       {@code scholarshipCertificate}, {@code hostTutorInvitationLetter};</li>
 *   <li>{@code studentUserId}, {@code agreementId} optional texts.</li>
 * </ul>
 */
@Component
public class StudentOutgoingRequestRules implements VariableRules {

  /** The process key. */
  public static final String PROCESS_KEY = "student-outgoing-mobility";

  /** Document references the application may carry (see the class description). */
  public static final List<String> DOCUMENTS = List.of("letterOfIntent", "acceptanceLetter",
      "legalGuardianAuthorization", "permissionToLeaveCountry", "mobilityForm", "endorsementLetter",
      "languageCertificate", "financialBackingLetter", "scholarshipCertificate", "hostTutorInvitationLetter");

  /** Booleans that default to false. */
  public static final List<String> FLAGS = List.of("financialClearance", "hostRequiresLanguageCert",
      "hasAcceptanceOrInvitation", "supportRequested", "teamMember", "healthProgram",
      "agreementRequirementsMet", "clinicalSetting", "settingCompliesMinEduMinSalud", "financialViability",
      "followedByDegreeWork", "anteproyectoApproved", "scholarshipHeld");

  /** Longest stay accepted (sanity limit: a double degree may take several periods). */
  public static final int MAX_YEARS = 3;

  static final Pattern PERSON_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  static final Pattern PERIOD = Pattern.compile("(\\d{4})-([12])");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  @Override
  public String processKey() {
    return PROCESS_KEY;
  }

  /**
   * Validates and normalizes the start variables (texts stripped, dates as {@code Date}, numbers
   * as Double/Integer, Booleans defaulted, Json as Spin Json).
   *
   * @throws InvalidVariableException naming the first bad variable
   */
  @Override
  public void validate(Map<String, Object> v) {
    String institution = requiredEnum("institution", v.get("institution"),
        List.copyOf(StudentOutgoingTerms.INSTITUTIONS.keySet()));
    v.put("studentId", requiredText("studentId", v.get("studentId"), 64));
    v.put("fullName", requiredText("fullName", v.get("fullName"), 200));
    v.put("documentType", requiredText("documentType", v.get("documentType"), 40));
    String documentNumber = requiredText("documentNumber", v.get("documentNumber"), 64);
    if (!PERSON_ID.matcher(documentNumber).matches()) {
      throw new InvalidVariableException("documentNumber", "no es un documento de identidad válido: '"
          + documentNumber + "' (letras, números, punto, guion)");
    }
    v.put("documentNumber", documentNumber);
    String email = optionalText("email", v.get("email"), 254);
    if (email != null && !AgreementValues.EMAIL.matcher(email).matches()) {
      throw new InvalidVariableException("email", "no es un correo electrónico válido: '" + email + "'");
    }
    putText(v, "email", email);
    for (String name : List.of("phone", "nationality", "programId", "campus", "hostCity", "hostLanguage",
        "studentUserId", "agreementId")) {
      putText(v, name, optionalText(name, v.get(name), 200));
    }
    v.put("programName", requiredText("programName", v.get("programName"), 200));
    String level = requiredEnum("programLevel", v.get("programLevel"),
        List.copyOf(StudentOutgoingTerms.PROGRAM_LEVELS.keySet()));
    requiredEnum("enrolmentStatus", v.get("enrolmentStatus"),
        List.copyOf(StudentOutgoingTerms.ENROLMENT_STATUSES.keySet()));
    v.put("hostInstitution", requiredText("hostInstitution", v.get("hostInstitution"), 300));
    String country = requiredText("hostCountry", v.get("hostCountry"), 100);
    v.put("hostCountry", country);
    String scope = requiredEnum("scope", v.get("scope"), List.copyOf(StudentOutgoingTerms.SCOPES.keySet()));
    String modality = requiredEnum("modality", v.get("modality"),
        List.copyOf(StudentOutgoingTerms.MODALITIES.keySet()));
    requiredEnum("route", v.get("route"), List.copyOf(StudentOutgoingTerms.ROUTES.keySet()));
    scopeMatchesCountry(scope, country);

    dates(v);
    numbers(v, institution, level);
    typeByInstitution(v, institution);
    sanctions(v);
    proposedCourses(v);

    for (String flag : FLAGS) {
      v.put(flag, Boolean.TRUE.equals(optionalBoolean(flag, v.get(flag))));
    }
    Boolean travel = optionalBoolean("physicalTravel", v.get("physicalTravel"));
    if (Boolean.TRUE.equals(travel) && "VIRTUAL".equals(modality)) {
      throw new InvalidVariableException("physicalTravel", "una movilidad VIRTUAL no implica desplazamiento");
    }
    v.put("physicalTravel", travel == null ? !"VIRTUAL".equals(modality) : travel);
    Boolean spanish = optionalBoolean("hostSpanishSpeaking", v.get("hostSpanishSpeaking"));
    if (spanish == null) {
      Object language = v.get("hostLanguage");
      spanish = isColombia(country) || language != null
          && language.toString().toLowerCase(Locale.ROOT).startsWith("es");
    }
    v.put("hostSpanishSpeaking", spanish);
    List<String> levels = StudentOutgoingTerms.LANGUAGE_LEVELS;
    putText(v, "hostMinLanguageLevel", optionalEnum("hostMinLanguageLevel", upper(v.get("hostMinLanguageLevel")), levels));
    putText(v, "languageLevel", optionalEnum("languageLevel", upper(v.get("languageLevel")), levels));
    String risk = optionalEnum("riskLevel", v.get("riskLevel"), List.copyOf(StudentOutgoingTerms.RISK_LEVELS.keySet()));
    v.put("riskLevel", risk == null ? "HIGH" : risk);

    for (String document : DOCUMENTS) {
      Object ref = StudentOutgoingValues.documentRef(document, v.get(document));
      if (ref != null) {
        v.put(document, ref);
      } else {
        v.remove(document);
      }
    }
    if (Boolean.TRUE.equals(v.get("hasAcceptanceOrInvitation")) && v.get("acceptanceLetter") == null
        && "UFPS".equals(institution)) {
      throw new InvalidVariableException("acceptanceLetter", "adjunte la carta de aceptación o invitación"
          + " que declara tener (004 art. 8 par. 2, art. 9.1)");
    }
  }

  private static void dates(Map<String, Object> v) {
    LocalDate start = requiredDate("startDate", v.get("startDate"));
    LocalDate end = requiredDate("endDate", v.get("endDate"));
    LocalDate birth = requiredDate("birthDate", v.get("birthDate"));
    LocalDate today = AgreementValues.toLocalDate(ClockUtil.getCurrentTime());
    if (!start.isAfter(today)) {
      throw new InvalidVariableException("startDate", "debe ser posterior a hoy (" + DAY.format(today)
          + "): la solicitud se presenta antes del inicio de la movilidad");
    }
    if (end.isBefore(start)) {
      throw new InvalidVariableException("endDate", "no puede ser anterior a la fecha de inicio ("
          + DAY.format(start) + ")");
    }
    if (end.isAfter(start.plusYears(MAX_YEARS))) {
      throw new InvalidVariableException("endDate", "la movilidad no puede durar más de " + MAX_YEARS + " años");
    }
    if (!birth.isBefore(start.minusYears(10)) || birth.isBefore(start.minusYears(100))) {
      throw new InvalidVariableException("birthDate", "no es una fecha de nacimiento válida para un estudiante ("
          + DAY.format(birth) + ")");
    }
    String period = requiredText("targetPeriod", v.get("targetPeriod"), 6);
    var m = PERIOD.matcher(period);
    if (!m.matches()) {
      throw new InvalidVariableException("targetPeriod", "debe tener la forma AAAA-1 o AAAA-2 (es '" + period + "')");
    }
    int year = Integer.parseInt(m.group(1));
    if (year != start.getYear() && year != start.getYear() + 1) {
      throw new InvalidVariableException("targetPeriod", "el periodo " + period
          + " no corresponde a la fecha de inicio (" + DAY.format(start) + ")");
    }
    v.put("targetPeriod", period);
    v.put("startDate", AgreementValues.toDate(start));
    v.put("endDate", AgreementValues.toDate(end));
    v.put("birthDate", AgreementValues.toDate(birth));
  }

  private static void numbers(Map<String, Object> v, String institution, String level) {
    Double gpa = StudentOutgoingValues.optionalDouble("cumulativeGpa", v.get("cumulativeGpa"), 0, 5);
    if (gpa == null) {
      throw new InvalidVariableException("cumulativeGpa", "es obligatorio (promedio acumulado de 0,0 a 5,0)");
    }
    v.put("cumulativeGpa", gpa);
    Double credits = StudentOutgoingValues.optionalDouble("creditsApprovedPct", v.get("creditsApprovedPct"), 0, 100);
    if (credits == null && !"CESMAG".equals(institution)) {
      throw new InvalidVariableException("creditsApprovedPct", "es obligatorio (porcentaje de créditos aprobados, 0 a 100)");
    }
    putValue(v, "creditsApprovedPct", credits);
    Integer semester = optionalInteger("highestSemesterFullyPassed", v.get("highestSemesterFullyPassed"), 0, 20);
    if (semester == null && !"UNAL".equals(institution)) {
      throw new InvalidVariableException("highestSemesterFullyPassed",
          "es obligatorio (último semestre con todas las asignaturas aprobadas, 0 a 20)");
    }
    putValue(v, "highestSemesterFullyPassed", semester);
    Integer duration = optionalInteger("programDurationSemesters", v.get("programDurationSemesters"), 1, 20);
    if (duration == null && "UFPS".equals(institution) && "PROFESIONAL".equals(level)) {
      throw new InvalidVariableException("programDurationSemesters",
          "es obligatorio para un programa profesional de la UFPS (número de semestres, 004 art. 7.3)");
    }
    if (duration != null && semester != null && semester > duration) {
      throw new InvalidVariableException("highestSemesterFullyPassed", "no puede superar la duración del programa ("
          + duration + " semestres)");
    }
    putValue(v, "programDurationSemesters", duration);
    Integer references = optionalInteger("conductReferencesCount", v.get("conductReferencesCount"), 0, 50);
    v.put("conductReferencesCount", references == null ? 0 : references);
  }

  private static void typeByInstitution(Map<String, Object> v, String institution) {
    Map<String, List<String>> types = new LinkedHashMap<>();
    types.put("CESMAG", List.copyOf(StudentOutgoingTerms.CATEGORIES.keySet()));
    types.put("UNAL", List.copyOf(StudentOutgoingTerms.UNAL_MODALITIES.keySet()));
    types.put("UFPS", List.copyOf(StudentOutgoingTerms.UFPS_TYPES.keySet()));
    Map<String, String> variable = Map.of("CESMAG", "category", "UNAL", "unalModality", "UFPS", "ufpsType");
    for (var entry : variable.entrySet()) {
      String name = entry.getValue();
      if (entry.getKey().equals(institution)) {
        v.put(name, requiredEnum(name, v.get(name), types.get(institution)));
      } else if (v.get(name) != null && !(v.get(name) instanceof String s && s.isBlank())) {
        throw new InvalidVariableException(name, "no aplica a " + institution + " (use "
            + variable.get(institution) + ")");
      } else {
        v.remove(name);
      }
    }
    String callId = optionalText("callId", v.get("callId"), 64);
    if ("UNAL".equals(institution) && callId == null) {
      throw new InvalidVariableException("callId", "es obligatorio en la UNAL: la DRE abre una convocatoria"
          + " por universidad (003 Parte 1 §1.a–b)");
    }
    putText(v, "callId", callId);
    String program = optionalEnum("supportProgram", v.get("supportProgram"),
        List.copyOf(StudentOutgoingTerms.SUPPORT_PROGRAMS.keySet()));
    if (program != null && !"NONE".equals(program) && !"UFPS".equals(institution)) {
      throw new InvalidVariableException("supportProgram", "los programas de apoyo (004 art. 24) son de la UFPS");
    }
    v.put("supportProgram", program == null ? "NONE" : program);
  }

  private static void sanctions(Map<String, Object> v) {
    List<Object> normalized = new ArrayList<>();
    for (SpinJsonNode s : StudentOutgoingValues.elements("sanctions", v.get("sanctions"))) {
      if (!s.isObject()) {
        throw new InvalidVariableException("sanctions", "cada sanción debe ser un objeto {type, date, activeUntil, campus}");
      }
      String type = StudentOutgoingValues.text(s, "type");
      if (type == null || !StudentOutgoingTerms.SANCTION_TYPES.contains(type)) {
        throw new InvalidVariableException("sanctions", "type debe ser DISCIPLINARY o ACADEMIC (es '" + type + "')");
      }
      LocalDate date = StudentOutgoingValues.date(s, "date", "sanctions");
      if (date == null) {
        throw new InvalidVariableException("sanctions", "cada sanción requiere su fecha (date, aaaa-mm-dd)");
      }
      LocalDate until = StudentOutgoingValues.date(s, "activeUntil", "sanctions");
      if (until != null && until.isBefore(date)) {
        throw new InvalidVariableException("sanctions", "activeUntil no puede ser anterior a date");
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("type", type);
      row.put("date", date.toString());
      row.put("activeUntil", until == null ? null : until.toString());
      row.put("campus", StudentOutgoingValues.text(s, "campus"));
      normalized.add(row);
    }
    v.put("sanctions", Spin.JSON(normalized));
  }

  private static void proposedCourses(Map<String, Object> v) {
    SpinJsonNode courses = StudentOutgoingValues.jsonArray("proposedCourses", v.get("proposedCourses"));
    if (courses == null) {
      v.remove("proposedCourses");
      return;
    }
    v.put("proposedCourses", checkCourses("proposedCourses", courses));
  }

  /**
   * Checks the shape of a learning agreement (§2.c.1 {@code proposedCourses}): each element an
   * object with {@code hostName}, credits ≥ 0 when given, {@code prerequisitesMet} Boolean when given.
   *
   * @return the array, as Spin Json
   * @throws InvalidVariableException naming {@code name}
   */
  public static SpinJsonNode checkCourses(String name, SpinJsonNode courses) {
    int i = 0;
    for (SpinJsonNode c : courses.elements()) {
      i++;
      if (!c.isObject()) {
        throw new InvalidVariableException(name, "el elemento " + i + " debe ser un objeto {hostName, homeName, ...}");
      }
      if (StudentOutgoingValues.text(c, "hostName") == null) {
        throw new InvalidVariableException(name, "el elemento " + i + " requiere hostName (asignatura en la institución de destino)");
      }
      for (String credits : List.of("hostCredits", "homeCredits")) {
        Double value = StudentOutgoingValues.number(c, credits, name);
        if (value != null && value < 0) {
          throw new InvalidVariableException(name, "el elemento " + i + ": " + credits + " no puede ser negativo");
        }
      }
      if (c.hasProp("prerequisitesMet") && !c.prop("prerequisitesMet").isNull() && !c.prop("prerequisitesMet").isBoolean()) {
        throw new InvalidVariableException(name, "el elemento " + i + ": prerequisitesMet debe ser true o false");
      }
    }
    return courses;
  }

  private static void scopeMatchesCountry(String scope, String country) {
    boolean colombia = isColombia(country);
    if ("INTERNACIONAL".equals(scope) && colombia) {
      throw new InvalidVariableException("scope", "INTERNACIONAL no corresponde a una institución de"
          + " Colombia; use NACIONAL o REGIONAL, o corrija hostCountry");
    }
    if (!"INTERNACIONAL".equals(scope) && !colombia) {
      throw new InvalidVariableException("scope", scope + " no corresponde a una institución de "
          + country + "; use INTERNACIONAL o corrija hostCountry");
    }
  }

  /** Whether a country name denotes Colombia ("Colombia", "CO", "COL"). */
  static boolean isColombia(String country) {
    String plain = Normalizer.normalize(country, Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "").strip().toUpperCase(Locale.ROOT);
    return plain.equals("COLOMBIA") || plain.equals("CO") || plain.equals("COL")
        || plain.equals("REPUBLICA DE COLOMBIA");
  }

  private static Object upper(Object value) {
    return value instanceof String s ? s.strip().toUpperCase(Locale.ROOT) : value;
  }

  private static void putText(Map<String, Object> v, String name, String value) {
    if (value == null) {
      v.remove(name);
    } else {
      v.put(name, value);
    }
  }

  private static void putValue(Map<String, Object> v, String name, Object value) {
    if (value == null) {
      v.remove(name);
    } else {
      v.put(name, value);
    }
  }
}
