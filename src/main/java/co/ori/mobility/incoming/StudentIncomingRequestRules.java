package co.ori.mobility.incoming;

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
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.Spin;
import org.camunda.spin.SpinRuntimeException;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * Start variables of {@code student-incoming-mobility} ({@code procedures.md} §2.c.1 with the
 * home/host roles inverted and §2.d.1; 002 art. 14–15, 003 Parte 2 §2, 004 art. 12–13): the
 * application the office registers when it receives it from the home institution (or the portal).
 * Checked by the {@code StartVariablesValidator} before anything of the case is stored; the first
 * problem is an {@link InvalidVariableException} naming the variable, in Spanish (REST: HTTP 400,
 * no instance left). The institution-specific requirements (UNAL {@code unalModality}, UFPS
 * {@code ufpsType} …) need the tenant and are checked by {@link StudentIncoming#checkStart}.
 *
 * <p>A well-formed application that does not meet the regulation is NOT refused here: it starts and
 * ends in {@code EndEvent_NotEligible} with its {@code failedRules}.
 *
 * <ul>
 *   <li>required Strings: {@code fullName}, {@code documentNumber} (the person id of the bans and
 *       mobility-case registries), {@code email} (the student's), {@code homeContactEmail}
 *       (institutional e-mail of the home authority that presents the student, 004 art. 13 par.),
 *       {@code nationality}, {@code homeInstitution}, {@code homeCountry}, {@code homeProgramName}
 *       (the student's programme at home), {@code programName} (the programme at our institution
 *       that receives the student, as the mobility-case registry records it; optional code
 *       {@code hostProgramId}), {@code targetPeriod} ({@code YYYY-1}/{@code YYYY-2});</li>
 *   <li>enums: {@code documentType}, {@code programLevel}, {@code scope}, {@code modality},
 *       {@code submittedBy}; optional {@code route} (default {@code CONVOCATORIA_EXTERNA}),
 *       {@code unalModality}, {@code ufpsType}, {@code supportProgram} (default {@code NONE});</li>
 *   <li>dates: {@code birthDate} (in the past, at least 10 years before the start),
 *       {@code startDate} after today, {@code endDate} not before it and at most 2 years later
 *       (002 art. 14.1: one or two academic periods), optional {@code receivedDate} (day the office
 *       received the documents, not in the future; default today; 004 art. 44);</li>
 *   <li>{@code scope} consistent with {@code homeCountry}: INTERNACIONAL outside Colombia,
 *       REGIONAL/NACIONAL in Colombia;</li>
 *   <li>numbers: {@code cumulativeGpa} 0–5, {@code creditsApprovedPct} 0–100,
 *       {@code highestSemesterFullyPassed} 0–20, {@code programDurationSemesters} 1–20 (all optional);</li>
 *   <li>Booleans (absent = false): {@code homeInstitutionRecognized}, {@code originSpanishSpeaking},
 *       {@code activityIsSpanishLearning}, {@code partialCourseShortStay}, {@code healthProgram},
 *       {@code regularStudent}, {@code coursesApprovedByHome}, {@code tuitionPaidAtHome},
 *       {@code progressRuleWaived}; {@code callRequirementsMet} defaults to true;
 *       {@code physicalTravel} defaults to {@code modality != VIRTUAL} and cannot be true for VIRTUAL;</li>
 *   <li>{@code requestedCourses}: Json array of course names/codes, a list, or text with one
 *       course per line (forms); stored as a Json array of Strings;</li>
 *   <li>documents ({@link #DOCUMENTS}): references (link or document-management id, up to 1000
 *       characters) or a {@code File} over REST.</li>
 * </ul>
 */
@Component
public class StudentIncomingRequestRules implements VariableRules {

  /** The process key. */
  public static final String PROCESS_KEY = "student-incoming-mobility";

  /** Application documents that may come with the start (§4.3, §4.8, §4.10, APP stage). */
  public static final List<String> DOCUMENTS = List.of("presentationLetter", "homeEndorsementLetter",
      "applicationForm", "motivationLetter", "transcript", "spanishCertificate", "financialBacking",
      "legalGuardianAuthorization", "tutorInvitationLetter", "healthAreaDocuments", "identityDocumentCopy",
      "goodConductCertificate", "healthCertificate");

  /** Longest incoming stay accepted: two academic periods (002 art. 14.1) with margins. */
  public static final int MAX_MONTHS = 24;

  static final Pattern PERSON_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  static final Pattern PERIOD = Pattern.compile("(\\d{4})-([12])");
  static final int REF = 1000;
  static final int LONG = 4000;
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  @Override
  public String processKey() {
    return PROCESS_KEY;
  }

  /**
   * Validates and normalizes the start variables (strings stripped, dates as {@code Date},
   * Booleans defaulted, numbers typed, {@code requestedCourses} as Json).
   *
   * @throws InvalidVariableException naming the first bad variable
   */
  @Override
  public void validate(Map<String, Object> v) {
    v.put("fullName", requiredText("fullName", v.get("fullName"), 200));
    requiredEnum("documentType", v.get("documentType"), List.copyOf(IncomingTerms.DOCUMENT_TYPES.keySet()));
    String id = requiredText("documentNumber", v.get("documentNumber"), 64);
    if (!PERSON_ID.matcher(id).matches()) {
      throw new InvalidVariableException("documentNumber", "no es un número de documento válido: '" + id
          + "' (letras, números, punto, guion)");
    }
    v.put("documentNumber", id);
    putText(v, "studentId", optionalText("studentId", v.get("studentId"), 64));
    v.put("email", email("email", requiredText("email", v.get("email"), 254)));
    v.put("homeContactEmail", email("homeContactEmail", requiredText("homeContactEmail", v.get("homeContactEmail"), 254)));
    putText(v, "phone", optionalText("phone", v.get("phone"), 40));
    v.put("nationality", requiredText("nationality", v.get("nationality"), 100));
    v.put("homeInstitution", requiredText("homeInstitution", v.get("homeInstitution"), 300));
    String homeCountry = requiredText("homeCountry", v.get("homeCountry"), 100);
    v.put("homeCountry", homeCountry);
    v.put("homeProgramName", requiredText("homeProgramName", v.get("homeProgramName"), 200));
    v.put("programName", requiredText("programName", v.get("programName"), 200));
    requiredEnum("programLevel", v.get("programLevel"), List.copyOf(IncomingTerms.PROGRAM_LEVELS.keySet()));
    putText(v, "hostProgramId", optionalText("hostProgramId", v.get("hostProgramId"), 64));
    putText(v, "campus", optionalText("campus", v.get("campus"), 100));
    String scope = requiredEnum("scope", v.get("scope"), List.copyOf(IncomingTerms.SCOPES.keySet()));
    String modality = requiredEnum("modality", v.get("modality"), List.copyOf(IncomingTerms.MODALITIES.keySet()));
    requiredEnum("submittedBy", v.get("submittedBy"), List.copyOf(IncomingTerms.CHANNELS.keySet()));
    String route = optionalEnum("route", v.get("route"), List.copyOf(IncomingTerms.ROUTES.keySet()));
    v.put("route", route == null ? "CONVOCATORIA_EXTERNA" : route);
    putText(v, "unalModality", optionalEnum("unalModality", v.get("unalModality"),
        List.copyOf(IncomingTerms.UNAL_MODALITIES.keySet())));
    putText(v, "ufpsType", optionalEnum("ufpsType", v.get("ufpsType"), List.copyOf(IncomingTerms.UFPS_TYPES.keySet())));
    String support = optionalEnum("supportProgram", v.get("supportProgram"),
        List.copyOf(IncomingTerms.SUPPORT_PROGRAMS.keySet()));
    v.put("supportProgram", support == null ? "NONE" : support);
    String agreementId = optionalText("agreementId", v.get("agreementId"), 64);
    if (agreementId != null && !AgreementValues.AGREEMENT_ID.matcher(agreementId).matches()) {
      throw new InvalidVariableException("agreementId", "no es un identificador de convenio válido: '" + agreementId + "'");
    }
    putText(v, "agreementId", agreementId);
    putText(v, "callId", optionalText("callId", v.get("callId"), 64));

    LocalDate start = requiredDate("startDate", v.get("startDate"));
    LocalDate end = requiredDate("endDate", v.get("endDate"));
    LocalDate today = AgreementValues.toLocalDate(ClockUtil.getCurrentTime());
    if (!start.isAfter(today)) {
      throw new InvalidVariableException("startDate", "debe ser posterior a hoy (" + DAY.format(today)
          + "): la movilidad se aprueba y legaliza antes de su inicio");
    }
    if (end.isBefore(start)) {
      throw new InvalidVariableException("endDate", "no puede ser anterior a la fecha de inicio (" + DAY.format(start) + ")");
    }
    if (end.isAfter(start.plusMonths(MAX_MONTHS))) {
      throw new InvalidVariableException("endDate", "la movilidad entrante no puede durar más de " + MAX_MONTHS
          + " meses (uno o dos periodos académicos, Acuerdo 106 de 2023 art. 14 num. 1)");
    }
    v.put("startDate", AgreementValues.toDate(start));
    v.put("endDate", AgreementValues.toDate(end));
    LocalDate birth = requiredDate("birthDate", v.get("birthDate"));
    if (!birth.isBefore(start.minusYears(10)) || birth.isBefore(start.minusYears(100))) {
      throw new InvalidVariableException("birthDate", "no es una fecha de nacimiento válida para un estudiante ("
          + DAY.format(birth) + ")");
    }
    v.put("birthDate", AgreementValues.toDate(birth));
    LocalDate received = AgreementValues.optionalDate("receivedDate", v.get("receivedDate"));
    if (received == null) {
      received = today;
    } else if (received.isAfter(today)) {
      throw new InvalidVariableException("receivedDate", "no puede ser una fecha futura (" + DAY.format(received) + ")");
    }
    v.put("receivedDate", AgreementValues.toDate(received));
    String period = requiredText("targetPeriod", v.get("targetPeriod"), 6);
    var m = PERIOD.matcher(period);
    if (!m.matches()) {
      throw new InvalidVariableException("targetPeriod", "debe tener la forma AAAA-1 o AAAA-2, no '" + period + "'");
    }
    int year = Integer.parseInt(m.group(1));
    if (year < start.getYear() - 1 || year > start.getYear()) {
      throw new InvalidVariableException("targetPeriod", "el periodo " + period
          + " no corresponde a la fecha de inicio (" + DAY.format(start) + ")");
    }
    v.put("targetPeriod", period);

    boolean colombianHome = IncomingTerms.isColombia(homeCountry);
    if ("INTERNACIONAL".equals(scope) && colombianHome) {
      throw new InvalidVariableException("scope", "INTERNACIONAL no corresponde a una institución de origen"
          + " en Colombia; use NACIONAL o REGIONAL, o corrija homeCountry");
    }
    if (!"INTERNACIONAL".equals(scope) && !colombianHome) {
      throw new InvalidVariableException("scope", scope + " no corresponde a una institución de "
          + homeCountry + "; use INTERNACIONAL o corrija homeCountry");
    }

    Double gpa = optionalDouble("cumulativeGpa", v.get("cumulativeGpa"), 5.0);
    putValue(v, "cumulativeGpa", gpa);
    putValue(v, "creditsApprovedPct", optionalDouble("creditsApprovedPct", v.get("creditsApprovedPct"), 100.0));
    putValue(v, "highestSemesterFullyPassed", optionalInteger("highestSemesterFullyPassed",
        blankToNull(v.get("highestSemesterFullyPassed")), 0, 20));
    putValue(v, "programDurationSemesters", optionalInteger("programDurationSemesters",
        blankToNull(v.get("programDurationSemesters")), 1, 20));

    for (String flag : List.of("homeInstitutionRecognized", "originSpanishSpeaking", "activityIsSpanishLearning",
        "partialCourseShortStay", "healthProgram", "regularStudent", "coursesApprovedByHome", "tuitionPaidAtHome",
        "progressRuleWaived")) {
      v.put(flag, Boolean.TRUE.equals(optionalBoolean(flag, v.get(flag))));
    }
    Boolean callMet = optionalBoolean("callRequirementsMet", v.get("callRequirementsMet"));
    v.put("callRequirementsMet", callMet == null || callMet);
    Boolean travel = optionalBoolean("physicalTravel", v.get("physicalTravel"));
    if (Boolean.TRUE.equals(travel) && "VIRTUAL".equals(modality)) {
      throw new InvalidVariableException("physicalTravel", "una movilidad VIRTUAL no implica desplazamiento");
    }
    v.put("physicalTravel", travel == null ? !"VIRTUAL".equals(modality) : travel);

    v.put("requestedCourses", Spin.JSON(courses("requestedCourses", v.get("requestedCourses"))));
    for (String document : DOCUMENTS) {
      Object ref = documentRef(document, v.get(document));
      if (ref != null) {
        v.put(document, ref);
      } else {
        v.remove(document);
      }
    }
  }

  /**
   * A list of courses: a Json array of Strings (or of objects with {@code name}/{@code code}), a
   * Java collection, or text with one course per line; blank entries dropped, duplicates removed.
   *
   * @throws InvalidVariableException for another shape or a course longer than 200 characters
   */
  public static List<String> courses(String name, Object value) {
    List<String> raw = new ArrayList<>();
    if (value == null) {
      return raw;
    }
    if (value instanceof String text) {
      String t = text.strip();
      if (t.startsWith("[")) {
        try {
          return courses(name, Spin.JSON(t));
        } catch (SpinRuntimeException e) {
          throw new InvalidVariableException(name, "no es una lista Json válida; escriba una asignatura por línea");
        }
      }
      raw.addAll(List.of(t.split("\\R")));
    } else if (value instanceof SpinJsonNode node) {
      if (!node.isArray()) {
        throw new InvalidVariableException(name, "debe ser una lista de asignaturas");
      }
      for (SpinJsonNode e : node.elements()) {
        if (e.isString()) {
          raw.add(e.stringValue());
        } else if (e.isObject() && (e.hasProp("code") || e.hasProp("name"))) {
          String code = e.hasProp("code") ? e.prop("code").stringValue() : "";
          String label = e.hasProp("name") ? e.prop("name").stringValue() : "";
          raw.add((code + " " + label).strip());
        } else {
          throw new InvalidVariableException(name, "cada asignatura debe ser un texto o un objeto con code y name");
        }
      }
    } else if (value instanceof Collection<?> list) {
      list.forEach(e -> raw.add(String.valueOf(e)));
    } else {
      throw new InvalidVariableException(name, "debe ser una lista de asignaturas, no " + value.getClass().getSimpleName());
    }
    LinkedHashSet<String> result = new LinkedHashSet<>();
    for (String course : raw) {
      String c = course.strip().replaceAll("\\s+", " ");
      if (c.isEmpty()) {
        continue;
      }
      if (c.length() > 200) {
        throw new InvalidVariableException(name, "el nombre de la asignatura es demasiado largo: '" + c.substring(0, 40) + "…'");
      }
      result.add(c);
    }
    return new ArrayList<>(result);
  }

  /** The comparable form of a course (case, accents and spacing ignored) for the I17 check. */
  public static String courseKey(String course) {
    return java.text.Normalizer.normalize(course, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
  }

  /**
   * A decimal in [0, max] (GPA 0–5, percentage 0–100), or null when absent or blank.
   *
   * @throws InvalidVariableException for text that is not a number or a value out of range
   */
  public static Double optionalDouble(String name, Object value, double max) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      return null;
    }
    double number;
    if (value instanceof Number n) {
      number = n.doubleValue();
    } else if (value instanceof String s) {
      try {
        number = Double.parseDouble(s.strip().replace(',', '.'));
      } catch (NumberFormatException e) {
        throw new InvalidVariableException(name, "debe ser un número, no '" + s + "'");
      }
    } else {
      throw new InvalidVariableException(name, "debe ser un número, no " + value.getClass().getSimpleName());
    }
    if (Double.isNaN(number) || number < 0 || number > max) {
      throw new InvalidVariableException(name, "debe estar entre 0 y " + (max == 5.0 ? "5" : "100") + " (es " + value + ")");
    }
    return number;
  }

  /**
   * A document reference (link or document-management id) or a {@code File} sent over REST; null
   * when absent or blank.
   *
   * @throws InvalidVariableException for another type or a reference longer than 1000 characters
   */
  public static Object documentRef(String name, Object value) {
    if (value instanceof java.io.InputStream) {
      return value;
    }
    if (value != null && !(value instanceof String)) {
      throw new InvalidVariableException(name, "debe ser un enlace o referencia del documento (String)"
          + " o un archivo (File), no " + value.getClass().getSimpleName());
    }
    return optionalText(name, value, REF);
  }

  static String email(String name, String address) {
    if (!AgreementValues.EMAIL.matcher(address).matches()) {
      throw new InvalidVariableException(name, "no es un correo electrónico válido: '" + address + "'");
    }
    return address;
  }

  private static Object blankToNull(Object value) {
    return value instanceof String s && s.isBlank() ? null : value;
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
