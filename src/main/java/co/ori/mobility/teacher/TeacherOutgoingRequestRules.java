package co.ori.mobility.teacher;

import static co.ori.agreements.AgreementValues.optionalBoolean;
import static co.ori.agreements.AgreementValues.optionalEnum;
import static co.ori.agreements.AgreementValues.optionalText;
import static co.ori.agreements.AgreementValues.requiredDate;
import static co.ori.agreements.AgreementValues.requiredEnum;
import static co.ori.agreements.AgreementValues.requiredText;

import co.ori.agreements.AgreementValues;
import co.ori.support.InvalidVariableException;
import co.ori.support.VariableRules;
import java.io.InputStream;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.Spin;
import org.camunda.spin.SpinRuntimeException;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * Start variables of {@code teacher-outgoing-mobility} ({@code procedures.md} §2.f.1; 002 art.
 * 35–38: the teacher's mobility application, "formulario de aplicación de la movilidad", art. 38
 * lit. c), checked by the {@code StartVariablesValidator} before anything of the case is stored.
 * The first problem is thrown as an {@link InvalidVariableException} naming the variable, in
 * Spanish; a REST start answers it with HTTP 400 and leaves no instance.
 *
 * <p>Rules (a request that is well formed but does not meet the regulation is NOT refused here:
 * it starts and ends in {@code EndEvent_NotEligible} with its {@code failedRules}):
 * <ul>
 *   <li>required Strings (all of §2.f.1): {@code teacherId} (document id, the person of the bans
 *       registry), {@code fullName}, {@code programId}, {@code hostInstitution}, {@code hostCountry};
 *       optional additions of this implementation: {@code email} (where the teacher's notifications
 *       go; without it, the e-mail of the teacher's user), {@code purpose} (reason and benefits,
 *       summary of the letter of intent, shown to the approvers) and {@code birthDate} (then
 *       {@code ageAtStart} and {@code isMinor} are derived, contract "Results every mobility
 *       process records"). A client sending exactly the variables of §2.f.1 is accepted;</li>
 *   <li>enums: {@code employmentType} DTC|DMT|DHC, {@code mobilityClass} (art. 35, see
 *       {@link TeacherMobilityClass}), {@code route}, {@code scope}, {@code modality};
 *       {@code eventRole} PONENTE|ASISTENTE|CONFERENCISTA_MAGISTRAL is required for the event
 *       classes and refused for the others;</li>
 *   <li>{@code startDate} after today and {@code endDate} not before it (a one-day activity has
 *       both equal), at most 10 years; forms send {@code yyyy-MM-dd}, stored as {@code Date};</li>
 *   <li>{@code scope} consistent with {@code hostCountry}: INTERNACIONAL outside Colombia,
 *       REGIONAL/NACIONAL in Colombia (002 art. 5.3);</li>
 *   <li>Booleans default to false: {@code publicationAssuredPublindex}, {@code researchProjectApproved},
 *       {@code invitedToTeachInPerson} (not with a VIRTUAL modality), {@code supportRequested},
 *       {@code languageCertificateRequired}; {@code researchProjectId} is required when the
 *       project is declared approved;</li>
 *   <li>{@code supportItems}: Json array of REGISTRATION|TRAVEL|MAINTENANCE|PASSPORT_VISA, not
 *       empty when {@code supportRequested}, and {@code estimatedCost} (Double, pesos) > 0 then;
 *       both refused without {@code supportRequested}. A teacher invited to teach in person has
 *       travel and maintenance paid by the host (002 art. 36 par. 2): those items are removed and,
 *       when nothing is left, {@code supportRequested} becomes false ({@code hostCoversStayAndTravel});</li>
 *   <li>documents (002 art. 38) are references (link or document-management id, String up to
 *       1000 characters) because Camunda 7 forms have no reliable file upload; a REST client may
 *       send a {@code File} instead. All may come now; {@code letterOfIntent} is required by the
 *       program director's approval (TO5, art. 38 lit. b), {@code invitationLetter} (for an
 *       invitation), {@code workPlan} and the others by the document step TO10;</li>
 *   <li>{@code teacherUserId} optional: the teacher's user when ORI staff register the request
 *       on the teacher's behalf (checked with the tenant at start by
 *       {@link TeacherOutgoingMobility#resolveTeacher}).</li>
 * </ul>
 */
@Component
public class TeacherOutgoingRequestRules implements VariableRules {

  /** The process key. */
  public static final String PROCESS_KEY = "teacher-outgoing-mobility";

  /** The document references a case can hold (002 art. 38), by variable name. */
  public static final List<String> DOCUMENTS = List.of("letterOfIntent", "invitationLetter",
      "applicationForm", "workPlan", "languageCertificate", "passportVisa", "insurance",
      "otherLegalDocs");

  /** Longest mobility accepted (sanity limit; formación de alto nivel may last years). */
  public static final int MAX_YEARS = 10;

  static final Pattern PERSON_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  static final int REF = 1000;
  private static final java.time.format.DateTimeFormatter DAY =
      java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");
  static final int LONG = 4000;

  @Override
  public String processKey() {
    return PROCESS_KEY;
  }

  /**
   * Validates and normalizes the start variables (strings stripped, dates as {@code Date},
   * Booleans defaulted, {@code supportItems} as Json, {@code estimatedCost} as Double).
   *
   * @throws InvalidVariableException naming the first bad variable
   */
  @Override
  public void validate(Map<String, Object> v) {
    String teacherId = requiredText("teacherId", v.get("teacherId"), 64);
    if (!PERSON_ID.matcher(teacherId).matches()) {
      throw new InvalidVariableException("teacherId", "no es un documento de identidad válido: '"
          + teacherId + "' (letras, números, punto, guion)");
    }
    v.put("teacherId", teacherId);
    v.put("fullName", requiredText("fullName", v.get("fullName"), 200));
    String email = optionalText("email", v.get("email"), 254);
    if (email != null && !AgreementValues.EMAIL.matcher(email).matches()) {
      throw new InvalidVariableException("email", "no es un correo electrónico válido: '" + email + "'");
    }
    putText(v, "email", email);
    v.put("programId", requiredText("programId", v.get("programId"), 200));
    LocalDate birthDate = AgreementValues.optionalDate("birthDate", v.get("birthDate"));
    requiredEnum("employmentType", v.get("employmentType"),
        List.copyOf(TeacherMobilityTerms.EMPLOYMENT_TYPES.keySet()));
    TeacherMobilityClass mobilityClass = TeacherMobilityClass.valueOf(
        requiredEnum("mobilityClass", v.get("mobilityClass"), TeacherMobilityClass.names()));
    requiredEnum("route", v.get("route"), List.copyOf(TeacherMobilityTerms.ROUTES.keySet()));
    String scope = requiredEnum("scope", v.get("scope"), List.copyOf(TeacherMobilityTerms.SCOPES.keySet()));
    String modality = requiredEnum("modality", v.get("modality"),
        List.copyOf(TeacherMobilityTerms.MODALITIES.keySet()));
    putText(v, "purpose", optionalText("purpose", v.get("purpose"), LONG));
    v.put("hostInstitution", requiredText("hostInstitution", v.get("hostInstitution"), 300));
    String country = requiredText("hostCountry", v.get("hostCountry"), 100);
    v.put("hostCountry", country);

    eventRole(v, mobilityClass);
    dates(v);
    if (birthDate != null) {
      LocalDate start = AgreementValues.toLocalDate((java.util.Date) v.get("startDate"));
      if (!birthDate.isBefore(start.minusYears(14))) {
        throw new InvalidVariableException("birthDate", "no es una fecha de nacimiento válida para un docente ("
            + DAY.format(birthDate) + ")");
      }
      v.put("birthDate", AgreementValues.toDate(birthDate));
    }
    scopeMatchesCountry(scope, country);

    putBoolean(v, "publicationAssuredPublindex");
    boolean projectApproved = putBoolean(v, "researchProjectApproved");
    putText(v, "researchProjectId", optionalText("researchProjectId", v.get("researchProjectId"), 200));
    putText(v, "budgetLine", optionalText("budgetLine", v.get("budgetLine"), 200));
    if (projectApproved && v.get("researchProjectId") == null) {
      throw new InvalidVariableException("researchProjectId",
          "es obligatorio cuando se declara el proyecto de investigación aprobado (art. 35 num. 6)");
    }
    boolean invited = putBoolean(v, "invitedToTeachInPerson");
    if (invited && "VIRTUAL".equals(modality)) {
      throw new InvalidVariableException("invitedToTeachInPerson",
          "una invitación a orientar de manera presencial no corresponde a una movilidad VIRTUAL");
    }
    putBoolean(v, "languageCertificateRequired");
    support(v, invited);

    for (String document : DOCUMENTS) {
      Object ref = documentRef(document, v.get(document));
      if (ref != null) {
        v.put(document, ref);
      } else {
        v.remove(document);
      }
    }
    String teacherUser = optionalText("teacherUserId", v.get("teacherUserId"), 64);
    putText(v, "teacherUserId", teacherUser);
  }

  private static void eventRole(Map<String, Object> v, TeacherMobilityClass mobilityClass) {
    List<String> roles = List.copyOf(TeacherMobilityTerms.EVENT_ROLES.keySet());
    if (mobilityClass.event()) {
      putText(v, "eventRole", requiredEnum("eventRole", v.get("eventRole"), roles));
    } else {
      String role = optionalEnum("eventRole", v.get("eventRole"), roles);
      if (role != null) {
        throw new InvalidVariableException("eventRole", "solo aplica a eventos académicos y"
            + " científico-académicos (mobilityClass es " + mobilityClass.name() + ")");
      }
      v.remove("eventRole");
    }
  }

  private static void dates(Map<String, Object> v) {
    LocalDate start = requiredDate("startDate", v.get("startDate"));
    LocalDate end = requiredDate("endDate", v.get("endDate"));
    checkDates("startDate", start, "endDate", end);
    v.put("startDate", AgreementValues.toDate(start));
    v.put("endDate", AgreementValues.toDate(end));
  }

  /**
   * The date rules of a mobility: start after today (engine clock), end not before start, at most
   * {@link #MAX_YEARS} years.
   *
   * @throws InvalidVariableException naming {@code startName} or {@code endName}
   */
  static void checkDates(String startName, LocalDate start, String endName, LocalDate end) {
    LocalDate today = AgreementValues.toLocalDate(ClockUtil.getCurrentTime());
    if (!start.isAfter(today)) {
      throw new InvalidVariableException(startName, "debe ser posterior a hoy (" + DAY.format(today) + "): los"
          + " documentos se presentan a la ORI antes del inicio de la movilidad (art. 38)");
    }
    if (end.isBefore(start)) {
      throw new InvalidVariableException(endName, "no puede ser anterior a la fecha de inicio ("
          + DAY.format(start) + "); para una actividad de un día use la misma fecha");
    }
    if (end.isAfter(start.plusYears(MAX_YEARS))) {
      throw new InvalidVariableException(endName, "la movilidad no puede durar más de " + MAX_YEARS + " años");
    }
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

  /** Whether a country name denotes Colombia ("Colombia", "colombia", "CO", "COL"). */
  static boolean isColombia(String country) {
    String plain = Normalizer.normalize(country, Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "").strip().toUpperCase(Locale.ROOT);
    return plain.equals("COLOMBIA") || plain.equals("CO") || plain.equals("COL")
        || plain.equals("REPUBLICA DE COLOMBIA");
  }

  private static void support(Map<String, Object> v, boolean invited) {
    boolean requested = putBoolean(v, "supportRequested");
    List<String> items = supportItems(v.get("supportItems"));
    Double cost = optionalDouble("estimatedCost", v.get("estimatedCost"));
    if (!requested) {
      if (!items.isEmpty()) {
        throw new InvalidVariableException("supportItems",
            "solo aplica cuando se solicita apoyo económico (supportRequested)");
      }
      if (cost != null && cost > 0) {
        throw new InvalidVariableException("estimatedCost",
            "solo aplica cuando se solicita apoyo económico (supportRequested)");
      }
      v.remove("supportItems");
      v.remove("estimatedCost");
      v.put("hostCoversStayAndTravel", invited);
      return;
    }
    if (items.isEmpty()) {
      throw new InvalidVariableException("supportItems", "indique al menos un concepto del apoyo"
          + " solicitado; valores permitidos: " + String.join(", ", TeacherMobilityTerms.SUPPORT_ITEMS.keySet()));
    }
    if (cost == null || cost <= 0) {
      throw new InvalidVariableException("estimatedCost",
          "es obligatorio y mayor que 0 cuando se solicita apoyo económico (pesos colombianos)");
    }
    if (invited) {
      // 002 art. 36 par. 2: the host covers stay and travel of a teacher invited to teach in person
      items.removeAll(TeacherMobilityTerms.HOST_COVERED_ITEMS);
    }
    v.put("hostCoversStayAndTravel", invited);
    if (items.isEmpty()) {
      v.put("supportRequested", false);
      v.remove("supportItems");
      v.remove("estimatedCost");
      return;
    }
    v.put("supportItems", Spin.JSON(items));
    v.put("estimatedCost", cost);
  }

  /** The support items as a list of known codes, without duplicates. */
  static List<String> supportItems(Object value) {
    if (value == null) {
      return new ArrayList<>();
    }
    SpinJsonNode node;
    if (value instanceof SpinJsonNode json) {
      node = json;
    } else if (value instanceof String text) {
      if (text.isBlank()) {
        return new ArrayList<>();
      }
      try {
        node = Spin.JSON(text);
      } catch (SpinRuntimeException e) {
        throw new InvalidVariableException("supportItems", "no es un Json válido; se espera una lista"
            + " como [\"REGISTRATION\", \"TRAVEL\"]");
      }
    } else if (value instanceof Collection<?> collection) {
      node = Spin.JSON(new ArrayList<>(collection));
    } else {
      throw new InvalidVariableException("supportItems", "debe ser una lista Json, no "
          + value.getClass().getSimpleName());
    }
    if (!node.isArray()) {
      throw new InvalidVariableException("supportItems", "debe ser una lista Json como [\"TRAVEL\"]");
    }
    Set<String> items = new LinkedHashSet<>();
    for (SpinJsonNode item : node.elements()) {
      String code = item.isString() ? item.stringValue() : null;
      if (code == null || !TeacherMobilityTerms.SUPPORT_ITEMS.containsKey(code)) {
        throw new InvalidVariableException("supportItems", "valor no permitido " + item
            + "; valores permitidos: " + String.join(", ", TeacherMobilityTerms.SUPPORT_ITEMS.keySet()));
      }
      items.add(code);
    }
    return new ArrayList<>(items);
  }

  /**
   * A decimal amount from any number, or null when absent or blank.
   *
   * @throws InvalidVariableException for text that is not a number, or a negative value
   */
  static Double optionalDouble(String name, Object value) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      return null;
    }
    double number;
    if (value instanceof Number n) {
      number = n.doubleValue();
    } else if (value instanceof String s) {
      try {
        number = Double.parseDouble(s.strip());
      } catch (NumberFormatException e) {
        throw new InvalidVariableException(name, "debe ser un número (Double), no '" + s + "'");
      }
    } else {
      throw new InvalidVariableException(name, "debe ser un número (Double), no "
          + value.getClass().getSimpleName());
    }
    if (Double.isNaN(number) || Double.isInfinite(number) || number < 0) {
      throw new InvalidVariableException(name, "debe ser un número mayor o igual a 0 (es " + value + ")");
    }
    return number;
  }

  /**
   * A document of 002 art. 38: a reference (link or document-management id) or a {@code File}
   * sent over REST; null when absent or blank.
   *
   * @throws InvalidVariableException for another type or a reference longer than 1000 characters
   */
  static Object documentRef(String name, Object value) {
    if (value instanceof InputStream) {
      return value;
    }
    if (value != null && !(value instanceof String)) {
      throw new InvalidVariableException(name, "debe ser un enlace o referencia del documento (String)"
          + " o un archivo (File), no " + value.getClass().getSimpleName());
    }
    return optionalText(name, value, REF);
  }

  /** Normalizes an optional Boolean to true/false (absent = false) and stores it. */
  private static boolean putBoolean(Map<String, Object> v, String name) {
    boolean value = Boolean.TRUE.equals(optionalBoolean(name, v.get(name)));
    v.put(name, value);
    return value;
  }

  private static void putText(Map<String, Object> v, String name, String value) {
    if (value == null) {
      v.remove(name);
    } else {
      v.put(name, value);
    }
  }
}
