package co.ori.mobility.freemover;

import static co.ori.agreements.AgreementValues.optionalBoolean;
import static co.ori.agreements.AgreementValues.optionalDate;
import static co.ori.agreements.AgreementValues.optionalEnum;
import static co.ori.agreements.AgreementValues.optionalText;
import static co.ori.agreements.AgreementValues.requiredDate;
import static co.ori.agreements.AgreementValues.requiredEnum;
import static co.ori.agreements.AgreementValues.requiredText;

import co.ori.agreements.AgreementValues;
import co.ori.support.InvalidVariableException;
import co.ori.support.VariableRules;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Start variables of {@code free-mover} ({@code procedures.md} §2.e, with the common dictionary
 * §2.c.1 and the incoming additions §2.d.1), checked by the {@code StartVariablesValidator} before
 * anything of the case is stored: a REST start with a missing, mistyped or inconsistent variable
 * answers HTTP 400 naming it, and leaves no instance. A request that is well formed but does not
 * meet the regulation is NOT refused here: it starts and ends in {@code EndEvent_NotEligible} with
 * its {@code failedRules} (UN-FM rules, DMN {@code free-mover-eligibility}).
 *
 * <ul>
 *   <li>{@code direction} {@code OUTGOING}|{@code INCOMING}; when absent and the case is started by
 *       another process (the outgoing procedure's call activity, §2.c.2 O4) it is {@code OUTGOING}
 *       — that default is set by {@link FreeMover#start} before these rules run;</li>
 *   <li>both: {@code documentNumber} (person id, as in the bans registry), {@code fullName},
 *       {@code email}, {@code nationality}, {@code programName}, {@code programLevel} (§2.c.1),
 *       {@code startDate} ≤ {@code endDate} (Date or {@code yyyy-MM-dd}), {@code targetPeriod}
 *       ({@code YYYY-1}/{@code YYYY-2}) whose last day (UNAL calendar, {@code ori.free-mover}) is
 *       not before {@code endDate} nor {@code startDate}: the mobility is approved for one academic
 *       period (003 Parte 3 §7, T36; boundary: ending on the period's last day is accepted);
 *       optional {@code documentType} (one of {@link #DOCUMENT_TYPES}, or the outgoing application's
 *       short codes CC, TI, CE, PA, stored as the long name), {@code birthDate} (before {@code startDate}),
 *       {@code unalModality}, {@code modality}, {@code learningAgreement}, {@code studentUserId};
 *       {@code studentStatusCertified} (Boolean, UN-FM-01) defaults, for an outgoing UNAL student,
 *       to {@code enrolmentStatus} in MATRICULADO/RESERVA_DE_CUPO, else it is required;</li>
 *   <li>incoming: {@code homeInstitution}, {@code homeCountry}, {@code homeFaculty},
 *       {@code homeContactEmail} (where the grade certificate goes, FI16), {@code campus} (UNAL
 *       Sede), {@code hostFaculty}, {@code outsideAgreementCertified} (Boolean, UN-FM-04),
 *       optional {@code presentationLetterRef}, {@code homeCity};</li>
 *   <li>outgoing: {@code hostInstitution}, {@code hostCountry}, optional {@code hostCity},
 *       {@code scope} (derived from the host country when absent).</li>
 * </ul>
 */
@Component
public class FreeMoverRules implements VariableRules {

  /** The process key. */
  public static final String PROCESS_KEY = "free-mover";

  /** Values of {@code direction} (procedures.md §2.e). */
  public static final List<String> DIRECTIONS = List.of("OUTGOING", "INCOMING");

  /** Programme levels (§2.c.1). */
  public static final List<String> PROGRAM_LEVELS =
      List.of("TECNICO", "TECNOLOGICO", "PROFESIONAL", "ESPECIALIZACION", "MAESTRIA", "DOCTORADO");

  /** UNAL modalities (§2.c.1 {@code unalModality}). */
  public static final List<String> UNAL_MODALITIES =
      List.of("CURSAR_ASIGNATURAS", "PRACTICA", "PASANTIA", "ESTANCIA_INVESTIGACION", "TRABAJO_GRADO");

  /** Spatial modality (003 Parte 1 §1.d). */
  public static final List<String> MODALITIES = List.of("PRESENCIAL", "VIRTUAL", "HIBRIDA");

  /** Identity documents. */
  public static final List<String> DOCUMENT_TYPES =
      List.of("CEDULA_CIUDADANIA", "TARJETA_IDENTIDAD", "CEDULA_EXTRANJERIA", "PASAPORTE", "DOCUMENTO_EXTRANJERO");

  /**
   * Short codes of the student-outgoing-mobility application form (a case routed here at O4 keeps
   * the caller's variables) and the document type each one means.
   */
  public static final Map<String, String> DOCUMENT_TYPE_CODES = Map.of("CC", "CEDULA_CIUDADANIA",
      "TI", "TARJETA_IDENTIDAD", "CE", "CEDULA_EXTRANJERIA", "PA", "PASAPORTE");

  /** Names and ISO codes that mean Colombia (nationality, countries). */
  public static final Set<String> COLOMBIA = Set.of("co", "col", "colombia", "colombiana", "colombiano");

  /** Longest stay accepted in one case (one period plus one extension, T36). */
  public static final int MAX_MONTHS = 14;

  static final Pattern PERSON_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  static final int REF = 1000;
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final FreeMoverSettings settings;

  /** @param settings UNAL calendar (period ends) */
  public FreeMoverRules(FreeMoverSettings settings) {
    this.settings = settings;
  }

  @Override
  public String processKey() {
    return PROCESS_KEY;
  }

  /**
   * Validates and normalizes the start variables (texts stripped, dates as {@code Date}, Booleans
   * from form radios).
   *
   * @throws InvalidVariableException naming the first bad variable
   */
  @Override
  public void validate(Map<String, Object> v) {
    String direction = requiredEnum("direction", v.get("direction"), DIRECTIONS);
    boolean incoming = direction.equals("INCOMING");
    String person = requiredText("documentNumber", v.get("documentNumber"), 64);
    if (!PERSON_ID.matcher(person).matches()) {
      throw new InvalidVariableException("documentNumber", "no es un número de documento válido: '"
          + person + "' (letras, números, punto, guion)");
    }
    v.put("documentNumber", person);
    Object documentType = v.get("documentType");
    putText(v, "documentType", optionalEnum("documentType",
        documentType instanceof String code && DOCUMENT_TYPE_CODES.containsKey(code)
            ? DOCUMENT_TYPE_CODES.get(code) : documentType, DOCUMENT_TYPES));
    v.put("fullName", requiredText("fullName", v.get("fullName"), 200));
    v.put("email", email("email", requiredText("email", v.get("email"), 254)));
    v.put("nationality", requiredText("nationality", v.get("nationality"), 100));
    v.put("programName", requiredText("programName", v.get("programName"), 200));
    v.put("programLevel", requiredEnum("programLevel", v.get("programLevel"), PROGRAM_LEVELS));
    putText(v, "unalModality", optionalEnum("unalModality", v.get("unalModality"), UNAL_MODALITIES));
    v.putIfAbsent("unalModality", "CURSAR_ASIGNATURAS");
    String modality = optionalEnum("modality", v.get("modality"), MODALITIES);
    v.put("modality", modality == null ? "PRESENCIAL" : modality);
    putText(v, "learningAgreement", optionalText("learningAgreement", v.get("learningAgreement"), 4000));
    putText(v, "studentUserId", optionalText("studentUserId", v.get("studentUserId"), 64));
    putText(v, "studentStatusCertificateRef",
        optionalText("studentStatusCertificateRef", v.get("studentStatusCertificateRef"), REF));

    dates(v);
    Boolean certified = optionalBoolean("studentStatusCertified", v.get("studentStatusCertified"));
    if (certified == null && !incoming && v.get("enrolmentStatus") != null) {
      certified = Set.of("MATRICULADO", "RESERVA_DE_CUPO").contains(String.valueOf(v.get("enrolmentStatus")));
    }
    if (certified == null) {
      throw new InvalidVariableException("studentStatusCertified",
          "es obligatorio: ¿se certifica la calidad de estudiante en una institución de educación superior? (Sí o No)");
    }
    v.put("studentStatusCertified", certified);

    if (incoming) {
      v.put("homeInstitution", requiredText("homeInstitution", v.get("homeInstitution"), 300));
      String country = requiredText("homeCountry", v.get("homeCountry"), 100);
      v.put("homeCountry", country);
      putText(v, "homeCity", optionalText("homeCity", v.get("homeCity"), 100));
      v.put("homeFaculty", requiredText("homeFaculty", v.get("homeFaculty"), 200));
      v.put("homeContactEmail", email("homeContactEmail",
          requiredText("homeContactEmail", v.get("homeContactEmail"), 254)));
      v.put("campus", requiredText("campus", v.get("campus"), 100));
      v.put("hostFaculty", requiredText("hostFaculty", v.get("hostFaculty"), 200));
      Boolean outside = optionalBoolean("outsideAgreementCertified", v.get("outsideAgreementCertified"));
      if (outside == null) {
        throw new InvalidVariableException("outsideAgreementCertified",
            "es obligatorio: ¿la carta de presentación certifica que la movilidad es al margen de un convenio vigente? (Sí o No)");
      }
      v.put("outsideAgreementCertified", outside);
      putText(v, "presentationLetterRef", optionalText("presentationLetterRef", v.get("presentationLetterRef"), REF));
      v.put("scope", isColombia(country) ? "NACIONAL" : "INTERNACIONAL");
    } else {
      v.put("hostInstitution", requiredText("hostInstitution", v.get("hostInstitution"), 300));
      String country = requiredText("hostCountry", v.get("hostCountry"), 100);
      v.put("hostCountry", country);
      putText(v, "hostCity", optionalText("hostCity", v.get("hostCity"), 100));
      String expected = isColombia(country) ? "NACIONAL" : "INTERNACIONAL";
      String scope = optionalEnum("scope", v.get("scope"), List.of("NACIONAL", "INTERNACIONAL"));
      if (scope != null && !scope.equals(expected)) {
        throw new InvalidVariableException("scope", "no corresponde al país de la institución anfitriona ("
            + country + "): debe ser " + expected);
      }
      v.put("scope", expected);
    }
  }

  private void dates(Map<String, Object> v) {
    LocalDate start = requiredDate("startDate", v.get("startDate"));
    LocalDate end = requiredDate("endDate", v.get("endDate"));
    if (end.isBefore(start)) {
      throw new InvalidVariableException("endDate", "no puede ser anterior a startDate ("
          + DAY.format(start) + ")");
    }
    if (end.isAfter(start.plusMonths(MAX_MONTHS))) {
      throw new InvalidVariableException("endDate", "la movilidad libre se aprueba por un periodo académico"
          + " (003 Parte 3 §7): " + DAY.format(end) + " está a más de " + MAX_MONTHS + " meses del inicio");
    }
    String period = requiredText("targetPeriod", v.get("targetPeriod"), 6);
    if (!FreeMoverSettings.PERIOD.matcher(period).matches()) {
      throw new InvalidVariableException("targetPeriod", "debe ser un periodo académico YYYY-1 o YYYY-2, no '" + period + "'");
    }
    LocalDate periodEnd = settings.period(period).end();
    if (end.isAfter(periodEnd)) {
      throw new InvalidVariableException("endDate", "la movilidad libre se aprueba por un (1) periodo académico"
          + " (003 Parte 3 §7): termina el " + DAY.format(end) + ", después del fin del periodo " + period
          + " (" + DAY.format(periodEnd) + ")");
    }
    if (start.isAfter(periodEnd)) {
      throw new InvalidVariableException("startDate", "es posterior al fin del periodo " + period);
    }
    LocalDate birth = optionalDate("birthDate", v.get("birthDate"));
    if (birth != null) {
      if (!birth.isBefore(start.minusYears(10))) {
        throw new InvalidVariableException("birthDate", "no es una fecha de nacimiento válida para un estudiante ("
            + DAY.format(birth) + ")");
      }
      v.put("birthDate", AgreementValues.toDate(birth));
    }
    v.put("startDate", AgreementValues.toDate(start));
    v.put("endDate", AgreementValues.toDate(end));
    v.put("targetPeriod", period);
  }

  /** Whether a country or nationality text means Colombia (ISO code or Spanish name). */
  public static boolean isColombia(Object text) {
    return text != null && COLOMBIA.contains(text.toString().strip().toLowerCase(java.util.Locale.ROOT));
  }

  private static String email(String name, String value) {
    if (!AgreementValues.EMAIL.matcher(value).matches()) {
      throw new InvalidVariableException(name, "no es un correo electrónico válido: '" + value + "'");
    }
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
