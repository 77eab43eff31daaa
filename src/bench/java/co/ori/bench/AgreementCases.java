package co.ori.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Start variables of {@code agreement-formalization} cases the benchmark creates: complete,
 * valid requests (procedures.md §2.a.1) as the request form submits them.
 */
final class AgreementCases {

  static final String KEY = "agreement-formalization";
  /** Tenants running the agreement procedure (contract tenant table). */
  static final List<String> TENANTS = List.of("umc", "cesmag", "unal", "ufps");

  private AgreementCases() {
  }

  /** A request for a convenio marco with a national partner, by {@code <tenant>.faculty-requester}. */
  static Map<String, Object> request(String tenant, int n) {
    Map<String, Object> v = new HashMap<>();
    v.put("requestingUnitId", "Facultad de Ingeniería");
    v.put("requestingUnitType", "FACULTY");
    v.put("instrumentType", "CONVENIO_MARCO");
    v.put("scope", "NACIONAL");
    v.put("partnerName", "Universidad Aliada " + n);
    v.put("partnerCountry", "Colombia");
    v.put("partnerCity", "Barranquilla");
    v.put("partnerType", "IES");
    v.put("partnerContactName", "María Fernanda Ríos");
    v.put("partnerContactEmail", "relaciones@aliada.edu.co");
    v.put("needDescription", "Cooperación en movilidad docente y proyectos de investigación conjuntos.");
    v.put("initiator", tenant + ".faculty-requester");
    return v;
  }
}
