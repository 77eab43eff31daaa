package co.ori.mobility.visiting;

import static co.ori.agreements.AgreementValues.optionalDate;
import static co.ori.agreements.AgreementValues.optionalText;
import static co.ori.agreements.AgreementValues.requiredBoolean;
import static co.ori.agreements.AgreementValues.requiredDate;
import static co.ori.agreements.AgreementValues.requiredEnum;
import static co.ori.agreements.AgreementValues.requiredText;

import co.ori.agreements.AgreementValues;
import co.ori.support.InvalidVariableException;
import co.ori.support.VariableRules;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Start variables of {@code visiting-professor} ({@code procedures.md} §2.g.1; Acuerdo 106 de
 * 2023 of the Universidad CESMAG, art. 39–40), checked by the lead's
 * {@code StartVariablesValidator} before anything of the case is stored. The first problem found
 * is thrown as an {@link InvalidVariableException} naming the variable, in Spanish; a REST start
 * answers it with HTTP 400 and leaves no process instance.
 *
 * <p>Rules (values are normalized in place: Booleans from the form's {@code "true"}/{@code
 * "false"}, dates from {@code yyyy-MM-dd} to {@code Date} at the start of the day in
 * America/Bogota, texts stripped):
 * <ul>
 *   <li>required texts: {@code hostCoordinatorId} (an engine user id; that the user exists in the
 *       case's tenant is checked by {@link VisitingStartChecks}), {@code visitorName},
 *       {@code nationality}, {@code homeInstitution}, {@code homeCountry}, {@code workPlanRef}
 *       (link or reference of the work plan in the document system, art. 40.3; Camunda Forms of
 *       Tasklist 7 have no reliable file upload);</li>
 *   <li>enums (String): {@code frameworkType} {@link #FRAMEWORK_TYPES} (art. 40.1),
 *       {@code mobilityClass} {@link #MOBILITY_CLASSES} (art. 39 → art. 35, §2.f.1),
 *       {@code modality} {@link #MODALITIES} and {@code scope} {@link #SCOPES} (art. 5),
 *       {@code supportRequested} {@link #SUPPORT_TYPES} (art. 40.4);</li>
 *   <li>{@code agreementId} is required for {@code AGREEMENT} and {@code NETWORK} and must be
 *       absent for {@code INVITED_TEACHER}; that it exists in the tenant's registry and is (or is
 *       not) a network is checked by {@link VisitingStartChecks}; whether it is in force for the
 *       visit is the business rule CES-VT-01 of step V2 ({@link VisitingFrameworkCheck});</li>
 *   <li>{@code startDate} not before today (the visit is registered before it starts: the work
 *       plan, support and SIRE documents come first) and {@code endDate} not before
 *       {@code startDate} (a one-day event is allowed);</li>
 *   <li>{@code itineraryArrival} and {@code itineraryDeparture} (Date) are required when
 *       {@code supportRequested} is not {@code NONE} (the stay window of art. 40.4 is computed
 *       from them, T22), and the departure cannot be before the arrival; a {@code VIRTUAL} visit
 *       cannot request air tickets or stay;</li>
 *   <li>{@code isForeign} and {@code keepsHomeEmployment} are required Booleans. A
 *       {@code keepsHomeEmployment} of {@code false} is NOT refused here: it is the eligibility
 *       rule CES-VT-02 (art. 40.2), recorded in {@code failedRules} by step V2 and ending in
 *       {@code EndEvent_NotEligible};</li>
 *   <li>consistency: a Colombian {@code nationality} cannot be {@code isForeign}; a
 *       {@code homeCountry} Colombia goes with scope {@code REGIONAL} or {@code NACIONAL}, any
 *       other country with {@code INTERNACIONAL} (art. 5.3).</li>
 * </ul>
 */
@Component
public class VisitingProfessorRules implements VariableRules {

  /** The process key these rules belong to. */
  public static final String PROCESS_KEY = "visiting-professor";

  /** Values of {@code frameworkType} (002 art. 40.1). */
  public static final List<String> FRAMEWORK_TYPES = List.of("AGREEMENT", "NETWORK", "INVITED_TEACHER");
  /** Values of {@code mobilityClass} (002 art. 35 and 39; procedures.md §2.f.1). */
  public static final List<String> MOBILITY_CLASSES = List.of("DOCENCIA", "MISION_ACADEMICA",
      "EVENTO_ACADEMICO", "EVENTO_CIENTIFICO_ACADEMICO", "ACTIVIDAD_INVESTIGACION",
      "ESTANCIA_INVESTIGACION", "FORMACION_ALTO_NIVEL", "INTERCAMBIO_LINGUISTICO", "CURSO_CORTO",
      "EVENTO_DEPORTIVO_ARTISTICO_CULTURAL", "PROYECCION_SOCIAL", "VOLUNTARIADO");
  /** Values of {@code modality} (002 art. 5.4). */
  public static final List<String> MODALITIES = List.of("PRESENCIAL", "VIRTUAL", "HIBRIDA");
  /** Values of {@code scope} (002 art. 5.3; REGIONAL = inside the Departamento de Nariño). */
  public static final List<String> SCOPES = List.of("REGIONAL", "NACIONAL", "INTERNACIONAL");
  /** Values of {@code supportRequested} (002 art. 40.4). */
  public static final List<String> SUPPORT_TYPES = List.of("NONE", "AIR_TICKETS", "STAY", "BOTH");

  /** Engine user ids, as the engine's whitelist accepts them (e.g. {@code cesmag.event-coordinator}). */
  static final Pattern USER_ID = Pattern.compile("[a-zA-Z0-9]+([._-][a-zA-Z0-9]+)*");

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final int NAME = 200;
  private static final int REF = 1000;

  @Override
  public String processKey() {
    return PROCESS_KEY;
  }

  /**
   * Validates and normalizes the start variables.
   *
   * @throws InvalidVariableException naming the first bad variable
   */
  @Override
  public void validate(Map<String, Object> v) {
    String coordinator = requiredText("hostCoordinatorId", v.get("hostCoordinatorId"), 64);
    if (!USER_ID.matcher(coordinator).matches()) {
      throw new InvalidVariableException("hostCoordinatorId", "no es un usuario válido: '" + coordinator
          + "'; indique el usuario de la plataforma del coordinador o encargado del evento"
          + " (p. ej. cesmag.event-coordinator)");
    }
    v.put("hostCoordinatorId", coordinator);
    v.put("visitorName", requiredText("visitorName", v.get("visitorName"), NAME));
    String nationality = requiredText("nationality", v.get("nationality"), 100);
    v.put("nationality", nationality);
    boolean foreign = requiredBoolean("isForeign", v.get("isForeign"));
    v.put("isForeign", foreign);
    v.put("homeInstitution", requiredText("homeInstitution", v.get("homeInstitution"), 300));
    String homeCountry = requiredText("homeCountry", v.get("homeCountry"), 100);
    v.put("homeCountry", homeCountry);

    String framework = requiredEnum("frameworkType", v.get("frameworkType"), FRAMEWORK_TYPES);
    String agreementId = optionalText("agreementId", v.get("agreementId"), 64);
    if ("INVITED_TEACHER".equals(framework)) {
      if (agreementId != null) {
        throw new InvalidVariableException("agreementId", "no aplica a un docente invitado"
            + " (frameworkType INVITED_TEACHER); déjelo vacío o elija convenio o red");
      }
      if (v.containsKey("agreementId")) {
        v.put("agreementId", null);
      }
    } else {
      if (agreementId == null) {
        throw new InvalidVariableException("agreementId", "es obligatorio cuando la visita se"
            + " enmarca en un " + ("NETWORK".equals(framework) ? "red de cooperación" : "convenio")
            + ": indique su id en la base de convenios (art. 40 num. 1)");
      }
      if (!AgreementValues.AGREEMENT_ID.matcher(agreementId).matches()) {
        throw new InvalidVariableException("agreementId", "no es un id de convenio válido: '" + agreementId + "'");
      }
      v.put("agreementId", agreementId);
    }

    requiredEnum("mobilityClass", v.get("mobilityClass"), MOBILITY_CLASSES);
    String modality = requiredEnum("modality", v.get("modality"), MODALITIES);
    String scope = requiredEnum("scope", v.get("scope"), SCOPES);

    LocalDate start = requiredDate("startDate", v.get("startDate"));
    LocalDate end = requiredDate("endDate", v.get("endDate"));
    if (start.isBefore(today())) {
      throw new InvalidVariableException("startDate", "la fecha de inicio (" + start.format(DAY)
          + ") ya pasó; la visita se registra antes de su inicio");
    }
    if (end.isBefore(start)) {
      throw new InvalidVariableException("endDate", "la fecha de terminación (" + end.format(DAY)
          + ") no puede ser anterior a la fecha de inicio (" + start.format(DAY) + ")");
    }
    v.put("startDate", AgreementValues.toDate(start));
    v.put("endDate", AgreementValues.toDate(end));

    v.put("workPlanRef", requiredText("workPlanRef", v.get("workPlanRef"), REF));

    String support = requiredEnum("supportRequested", v.get("supportRequested"), SUPPORT_TYPES);
    LocalDate arrival = optionalDate("itineraryArrival", v.get("itineraryArrival"));
    LocalDate departure = optionalDate("itineraryDeparture", v.get("itineraryDeparture"));
    if (!"NONE".equals(support)) {
      if ("VIRTUAL".equals(modality)) {
        throw new InvalidVariableException("supportRequested", "una visita virtual no requiere"
            + " tiquetes ni estadía; elija «Ninguno» (NONE) o corrija la modalidad");
      }
      if (arrival == null) {
        throw new InvalidVariableException("itineraryArrival",
            "la fecha de llegada según el itinerario es obligatoria cuando se solicita apoyo");
      }
      if (departure == null) {
        throw new InvalidVariableException("itineraryDeparture",
            "la fecha de salida según el itinerario es obligatoria cuando se solicita apoyo");
      }
    }
    if (arrival != null && departure != null && departure.isBefore(arrival)) {
      throw new InvalidVariableException("itineraryDeparture", "la salida según el itinerario ("
          + departure.format(DAY) + ") no puede ser anterior a la llegada (" + arrival.format(DAY) + ")");
    }
    putDate(v, "itineraryArrival", arrival);
    putDate(v, "itineraryDeparture", departure);

    v.put("keepsHomeEmployment", requiredBoolean("keepsHomeEmployment", v.get("keepsHomeEmployment")));

    if (foreign && isColombia(nationality)) {
      throw new InvalidVariableException("isForeign", "la nacionalidad es " + nationality
          + ": un docente colombiano no es extranjero (no se reporta en SIRE); corrija «¿Es extranjero(a)?»");
    }
    boolean colombianInstitution = isColombia(homeCountry);
    if (colombianInstitution && "INTERNACIONAL".equals(scope)) {
      throw new InvalidVariableException("scope", "el ámbito internacional no corresponde a una"
          + " institución de Colombia; elija nacional o regional, o corrija el país de la institución de origen");
    }
    if (!colombianInstitution && !"INTERNACIONAL".equals(scope)) {
      throw new InvalidVariableException("scope", "el ámbito " + scope.toLowerCase(Locale.ROOT)
          + " no corresponde a una institución de " + homeCountry + "; elija internacional o corrija el país"
          + " de la institución de origen");
    }
  }

  /** Whether a country or nationality denotes Colombia ("Colombia", "colombiana", "CO", "COL"). */
  static boolean isColombia(String text) {
    String plain = Normalizer.normalize(text, Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "").strip().toUpperCase(Locale.ROOT);
    return plain.equals("COLOMBIA") || plain.equals("CO") || plain.equals("COL")
        || plain.equals("REPUBLICA DE COLOMBIA") || plain.equals("COLOMBIANA") || plain.equals("COLOMBIANO");
  }

  private static void putDate(Map<String, Object> v, String name, LocalDate day) {
    if (day == null) {
      if (v.containsKey(name)) {
        v.put(name, null); // a blank form value is stored as null, not as ""
      }
    } else {
      v.put(name, AgreementValues.toDate(day));
    }
  }

  private static LocalDate today() {
    return AgreementValues.toLocalDate(ClockUtil.getCurrentTime());
  }
}
