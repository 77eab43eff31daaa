package co.ori.agreements;

import static co.ori.agreements.AgreementValues.optionalEnum;
import static co.ori.agreements.AgreementValues.optionalInteger;
import static co.ori.agreements.AgreementValues.optionalText;
import static co.ori.agreements.AgreementValues.requiredEnum;
import static co.ori.agreements.AgreementValues.requiredText;

import co.ori.support.InvalidVariableException;
import co.ori.support.VariableRules;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.spin.Spin;
import org.camunda.spin.SpinRuntimeException;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * Start variables of {@code agreement-formalization} ({@code procedures.md} §2.a.1; 000 §5.2
 * act. 1–2: "Identificar necesidad de convenio o alianza", "Gestionar solicitud"), checked by the
 * lead's {@code StartVariablesValidator} before anything of the case is stored. The first
 * problem found is thrown as an {@link InvalidVariableException} naming the variable, in
 * Spanish; the REST start answers it with HTTP 400.
 *
 * <p>Rules:
 * <ul>
 *   <li>required Strings: {@code requestingUnitId}, {@code partnerName}, {@code partnerCountry},
 *       {@code partnerCity}, {@code partnerContactName}, {@code partnerContactEmail} (e-mail
 *       format), {@code needDescription}; lengths as the registry columns;</li>
 *   <li>enums (String): {@code requestingUnitType} FACULTY|CENTRE|CINI, {@code instrumentType}
 *       CONVENIO_MARCO|CONVENIO_ESPECIFICO|ALIANZA, {@code scope} NACIONAL|INTERNACIONAL,
 *       {@code partnerType} IES|PUBLICA|PRIVADA|MIXTA|RED; the message lists the allowed values;</li>
 *   <li>{@code CONVENIO_ESPECIFICO} (000 §4, the executive instrument of a convenio marco):
 *       {@code specificPurpose} MOVILIDAD|INVESTIGACION|CULTURAL|OTRO is required
 *       ({@code specificPurposeText} too when OTRO) and so is {@code proposedContent}; the
 *       three only apply to a específico;</li>
 *   <li>{@code proposedContent} is Json {@code {project, objective, activities[], executionTime,
 *       visitsSchedule, responsibles[], expectedResults}} (all but {@code visitsSchedule}
 *       required, 000 §4). When it is absent, it is built from the start form's flat fields
 *       {@code proposedProject}, {@code proposedObjective}, {@code proposedActivities} and
 *       {@code proposedResponsibles} (one item per line), {@code proposedExecutionTime},
 *       {@code proposedVisitsSchedule}, {@code proposedExpectedResults}, because a Camunda Form
 *       cannot submit Json;</li>
 *   <li>{@code parentAgreementId} (PROPOSED in the spec) is optional, only for a específico;
 *       that it exists in the registry as a {@code CONVENIO_MARCO} is checked by step A2
 *       ({@link AgreementLifecycle#createRequest}), which knows the tenant. It is not required
 *       because the marco may still be only on paper when the específico is requested;</li>
 *   <li>{@code proposedValidityMonths} optional Integer 1–120 (PROPOSED); {@code renewalOf}
 *       and {@code supportingDocsRef} optional;</li>
 *   <li>{@code scope} must match {@code partnerCountry}: NACIONAL with Colombia, INTERNACIONAL
 *       with any other country (000 §1); not checked for networks ({@code RED}).</li>
 * </ul>
 */
@Component
public class AgreementRequestRules implements VariableRules {

  /** The process key these rules belong to. */
  public static final String PROCESS_KEY = "agreement-formalization";

  /** Values of {@code requestingUnitType} (000 §2). */
  public static final List<String> UNIT_TYPES = List.of("FACULTY", "CENTRE", "CINI");
  /** Values of {@code partnerType} (000 §1). */
  public static final List<String> PARTNER_TYPES = List.of("IES", "PUBLICA", "PRIVADA", "MIXTA", "RED");
  /** Values of {@code specificPurpose} (000 §5.1). */
  public static final List<String> SPECIFIC_PURPOSES =
      List.of("MOVILIDAD", "INVESTIGACION", "CULTURAL", "OTRO");

  /** Keys of {@code proposedContent} that must be present and not empty (000 §4). */
  public static final List<String> CONTENT_REQUIRED =
      List.of("project", "objective", "activities", "executionTime", "responsibles", "expectedResults");

  private static final int SHORT = 200;
  private static final int LONG = 4000;

  @Override
  public String processKey() {
    return PROCESS_KEY;
  }

  /**
   * Validates and normalizes the start variables (strings stripped, {@code proposedContent}
   * built as Json, {@code proposedValidityMonths} as Integer).
   *
   * @throws InvalidVariableException naming the first bad variable
   */
  @Override
  public void validate(Map<String, Object> v) {
    putText(v, "requestingUnitId", requiredText("requestingUnitId", v.get("requestingUnitId"), SHORT));
    requiredEnum("requestingUnitType", v.get("requestingUnitType"), UNIT_TYPES);
    String instrument = requiredEnum("instrumentType", v.get("instrumentType"),
        AgreementValues.names(InstrumentType.values()));
    boolean especifico = InstrumentType.CONVENIO_ESPECIFICO.name().equals(instrument);
    String scope = requiredEnum("scope", v.get("scope"), AgreementValues.names(AgreementScope.values()));
    putText(v, "partnerName", requiredText("partnerName", v.get("partnerName"), 300));
    String country = requiredText("partnerCountry", v.get("partnerCountry"), 100);
    putText(v, "partnerCountry", country);
    putText(v, "partnerCity", requiredText("partnerCity", v.get("partnerCity"), 100));
    String partnerType = requiredEnum("partnerType", v.get("partnerType"), PARTNER_TYPES);
    putText(v, "partnerContactName", requiredText("partnerContactName", v.get("partnerContactName"), SHORT));
    String email = requiredText("partnerContactEmail", v.get("partnerContactEmail"), 254);
    if (!AgreementValues.EMAIL.matcher(email).matches()) {
      throw new InvalidVariableException("partnerContactEmail",
          "no es un correo electrónico válido: '" + email + "'");
    }
    putText(v, "partnerContactEmail", email);
    putText(v, "needDescription", requiredText("needDescription", v.get("needDescription"), LONG));

    String purpose = optionalEnum("specificPurpose", v.get("specificPurpose"), SPECIFIC_PURPOSES);
    String purposeText = optionalText("specificPurposeText", v.get("specificPurposeText"), 500);
    String parent = optionalText("parentAgreementId", v.get("parentAgreementId"), 64);
    if (especifico) {
      if (purpose == null) {
        throw new InvalidVariableException("specificPurpose", "es obligatorio para un"
            + " CONVENIO_ESPECIFICO; valores permitidos: " + String.join(", ", SPECIFIC_PURPOSES));
      }
      if ("OTRO".equals(purpose) && purposeText == null) {
        throw new InvalidVariableException("specificPurposeText",
            "es obligatorio cuando specificPurpose es OTRO (describa el propósito)");
      }
    } else {
      onlyForEspecifico("specificPurpose", purpose, instrument);
      onlyForEspecifico("specificPurposeText", purposeText, instrument);
      onlyForEspecifico("parentAgreementId", parent, instrument);
    }
    if (parent != null && !AgreementValues.AGREEMENT_ID.matcher(parent).matches()) {
      throw new InvalidVariableException("parentAgreementId",
          "no es un id de convenio válido: '" + parent + "'");
    }
    String renewalOf = optionalText("renewalOf", v.get("renewalOf"), 64);
    if (renewalOf != null && !AgreementValues.AGREEMENT_ID.matcher(renewalOf).matches()) {
      throw new InvalidVariableException("renewalOf", "no es un id de convenio válido: '" + renewalOf + "'");
    }
    putText(v, "specificPurposeText", purposeText);
    putText(v, "parentAgreementId", parent);
    putText(v, "renewalOf", renewalOf);
    optionalText("supportingDocsRef", v.get("supportingDocsRef"), 1000);

    SpinJsonNode content = proposedContent(v, especifico);
    if (content != null) {
      v.put("proposedContent", content);
    }
    Integer months = optionalInteger("proposedValidityMonths", v.get("proposedValidityMonths"), 1, 120);
    if (months != null) {
      v.put("proposedValidityMonths", months);
    }
    if (!"RED".equals(partnerType)) {
      boolean colombia = isColombia(country);
      if (AgreementScope.NACIONAL.name().equals(scope) && !colombia) {
        throw new InvalidVariableException("scope", "NACIONAL no corresponde a una entidad de "
            + country + "; use INTERNACIONAL o corrija partnerCountry");
      }
      if (AgreementScope.INTERNACIONAL.name().equals(scope) && colombia) {
        throw new InvalidVariableException("scope", "INTERNACIONAL no corresponde a una entidad de"
            + " Colombia; use NACIONAL o corrija partnerCountry");
      }
    }
  }

  /** Whether a country name denotes Colombia ("Colombia", "colombia", "CO", "COL"). */
  static boolean isColombia(String country) {
    String plain = Normalizer.normalize(country, Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "").strip().toUpperCase(Locale.ROOT);
    return plain.equals("COLOMBIA") || plain.equals("CO") || plain.equals("COL")
        || plain.equals("REPUBLICA DE COLOMBIA");
  }

  private static void onlyForEspecifico(String name, String value, String instrument) {
    if (value != null) {
      throw new InvalidVariableException(name,
          "solo aplica a un CONVENIO_ESPECIFICO (instrumentType es " + instrument + ")");
    }
  }

  private static void putText(Map<String, Object> v, String name, String value) {
    if (value != null && !value.equals(v.get(name))) {
      v.put(name, value);
    }
  }

  /**
   * The proposed content as Json: the given {@code proposedContent} (Json or Json text),
   * checked, or built from the flat form fields; null when not given and not required.
   */
  private static SpinJsonNode proposedContent(Map<String, Object> v, boolean required) {
    Object given = v.get("proposedContent");
    if (given != null) {
      SpinJsonNode node = asJson(given);
      checkContent(node);
      return node;
    }
    Map<String, Object> built = new LinkedHashMap<>();
    String project = optionalText("proposedProject", v.get("proposedProject"), 500);
    String objective = optionalText("proposedObjective", v.get("proposedObjective"), LONG);
    List<String> activities = lines("proposedActivities", v.get("proposedActivities"));
    String time = optionalText("proposedExecutionTime", v.get("proposedExecutionTime"), 500);
    String visits = optionalText("proposedVisitsSchedule", v.get("proposedVisitsSchedule"), LONG);
    List<String> responsibles = lines("proposedResponsibles", v.get("proposedResponsibles"));
    String results = optionalText("proposedExpectedResults", v.get("proposedExpectedResults"), LONG);
    boolean anyGiven = project != null || objective != null || !activities.isEmpty() || time != null
        || visits != null || !responsibles.isEmpty() || results != null;
    if (!anyGiven) {
      if (required) {
        throw new InvalidVariableException("proposedContent", "es obligatorio para un"
            + " CONVENIO_ESPECIFICO: Json {project, objective, activities[], executionTime,"
            + " visitsSchedule, responsibles[], expectedResults} (000 §4)");
      }
      return null;
    }
    requirePart("proposedProject", project);
    requirePart("proposedObjective", objective);
    if (activities.isEmpty()) {
      throw new InvalidVariableException("proposedActivities",
          "es obligatorio: las actividades del convenio específico, una por línea");
    }
    requirePart("proposedExecutionTime", time);
    if (responsibles.isEmpty()) {
      throw new InvalidVariableException("proposedResponsibles",
          "es obligatorio: los responsables del convenio específico, uno por línea");
    }
    requirePart("proposedExpectedResults", results);
    built.put("project", project);
    built.put("objective", objective);
    built.put("activities", activities);
    built.put("executionTime", time);
    built.put("visitsSchedule", visits == null ? "" : visits);
    built.put("responsibles", responsibles);
    built.put("expectedResults", results);
    return Spin.JSON(built);
  }

  private static void requirePart(String name, String value) {
    if (value == null) {
      throw new InvalidVariableException(name,
          "es obligatorio en el contenido propuesto del convenio específico (000 §4)");
    }
  }

  private static List<String> lines(String name, Object value) {
    String text = optionalText(name, value, LONG);
    if (text == null) {
      return List.of();
    }
    List<String> items = new ArrayList<>();
    Arrays.stream(text.split("\\r?\\n")).map(String::strip).filter(s -> !s.isEmpty())
        .map(s -> s.replaceFirst("^[-*•]\\s*", "")).forEach(items::add);
    return items;
  }

  private static SpinJsonNode asJson(Object value) {
    if (value instanceof SpinJsonNode node) {
      return node;
    }
    if (value instanceof String text) {
      try {
        return Spin.JSON(text);
      } catch (SpinRuntimeException e) {
        throw new InvalidVariableException("proposedContent", "no es un Json válido");
      }
    }
    throw new InvalidVariableException("proposedContent", "debe ser Json {project, objective,"
        + " activities[], executionTime, visitsSchedule, responsibles[], expectedResults}, no "
        + AgreementValues.typeName(value));
  }

  private static void checkContent(SpinJsonNode node) {
    if (!node.isObject()) {
      throw new InvalidVariableException("proposedContent", "debe ser un objeto Json {project,"
          + " objective, activities[], executionTime, visitsSchedule, responsibles[], expectedResults}");
    }
    for (String key : CONTENT_REQUIRED) {
      if (!node.hasProp(key) || node.prop(key).isNull()) {
        throw new InvalidVariableException("proposedContent", "falta '" + key + "' (000 §4)");
      }
      SpinJsonNode part = node.prop(key);
      boolean list = key.equals("activities") || key.equals("responsibles");
      if (list) {
        if (!part.isArray() || part.elements().isEmpty()) {
          throw new InvalidVariableException("proposedContent",
              "'" + key + "' debe ser una lista no vacía");
        }
      } else if (!part.isString() || part.stringValue().isBlank()) {
        throw new InvalidVariableException("proposedContent", "'" + key + "' debe ser un texto no vacío");
      }
    }
    if (node.hasProp("visitsSchedule") && !node.prop("visitsSchedule").isNull()
        && !node.prop("visitsSchedule").isString()) {
      throw new InvalidVariableException("proposedContent", "'visitsSchedule' debe ser texto");
    }
  }
}
