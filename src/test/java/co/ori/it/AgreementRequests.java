package co.ori.it;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bodies of {@code POST /engine-rest/process-definition/key/agreement-formalization/tenant-id/{tenant}/start}:
 * the start variables of {@code procedures.md} §2.a.1 in the REST API's typed form
 * ({@code {"variables": {"name": {"value": ..., "type": "String"}}}}; enums as {@code String}).
 */
final class AgreementRequests {

  /** The REST path starting an agreement-formalization case in a tenant. */
  static String startPath(String tenant) {
    return "/engine-rest/process-definition/key/agreement-formalization/tenant-id/" + tenant + "/start";
  }

  private final Map<String, Map<String, Object>> variables = new LinkedHashMap<>();

  private AgreementRequests() {}

  /**
   * A complete, valid request for a framework agreement (convenio marco) with a national partner;
   * no business key, so the application assigns {@code AGR-<year>-<seq>}.
   *
   * @param partnerName the partner's name; tests use a unique one to find their own case
   */
  static AgreementRequests valid(String partnerName) {
    return new AgreementRequests()
        .with("requestingUnitId", "FAC-INGENIERIA", "String")
        .with("requestingUnitType", "FACULTY", "String")
        .with("instrumentType", "CONVENIO_MARCO", "String")
        .with("scope", "NACIONAL", "String")
        .with("partnerName", partnerName, "String")
        .with("partnerCountry", "Colombia", "String")
        .with("partnerCity", "Barranquilla", "String")
        .with("partnerType", "IES", "String")
        .with("partnerContactName", "María Fernanda Ríos", "String")
        .with("partnerContactEmail", "relaciones@aliada.edu.co", "String")
        .with("needDescription",
            "La Facultad de Ingeniería necesita un marco de cooperación para movilidad e investigación.",
            "String");
  }

  /** Sets (or replaces) a variable. */
  AgreementRequests with(String name, Object value, String type) {
    Map<String, Object> typed = new LinkedHashMap<>();
    typed.put("value", value);
    typed.put("type", type);
    variables.put(name, typed);
    return this;
  }

  /** Removes a variable, e.g. to send a request missing a required one. */
  AgreementRequests without(String name) {
    variables.remove(name);
    return this;
  }

  /** The JSON body, as a map for Jackson. */
  Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("variables", variables);
    return body;
  }
}
