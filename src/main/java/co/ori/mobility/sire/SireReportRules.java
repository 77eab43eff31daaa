package co.ori.mobility.sire;

import static co.ori.agreements.AgreementValues.optionalText;
import static co.ori.agreements.AgreementValues.requiredDate;
import static co.ori.agreements.AgreementValues.requiredEnum;
import static co.ori.agreements.AgreementValues.requiredText;

import co.ori.agreements.AgreementValues;
import co.ori.support.VariableRules;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Input variables of the shared subprocess {@code sire-report} ({@code procedures.md} §2.h.2:
 * "Input: personId, eventType ARRIVAL/START, DEPARTURE/END, eventDate, documents §4.6"), checked
 * by the lead's {@code StartVariablesValidator} when a call activity starts it (e.g. V9 and V12
 * of {@code visiting-professor}, later the incoming students, §9 Q15). A bad input is a modelling
 * error of the calling process: the {@link co.ori.support.InvalidVariableException} fails the
 * caller's step (retries, then an incident in Cockpit).
 *
 * <ul>
 *   <li>required: {@code personName}, {@code personId} (number of the identity document),
 *       {@code nationality}, {@code eventType} ({@link #EVENT_TYPES}), {@code eventDate} (Date,
 *       or {@code yyyy-MM-dd});</li>
 *   <li>optional texts: {@code caseKey} (business key of the calling case), {@code personDocumentType}, {@code identityDocumentRef},
 *       {@code migratoryDocumentType}, {@code migratoryDocumentRef}, {@code additionalDocsRef}
 *       (002 art. 40 par. num. 1–3) and {@code caseSummary} (what the case is about, shown in the
 *       form);</li>
 *   <li>derived: {@code sireEventLabel}, Spanish, for the task name and form: "llegada" for
 *       ARRIVAL/START, "salida" for DEPARTURE/END; {@code eventDateText} (dd/MM/yyyy),
 *       {@code personDocumentTypeText} and {@code migratoryDocumentTypeText} (Spanish names of the
 *       document types, {@link #DOCUMENT_NAMES}) for the form.</li>
 * </ul>
 */
@Component
public class SireReportRules implements VariableRules {

  /** The process key these rules belong to. */
  public static final String PROCESS_KEY = "sire-report";

  /** Values of {@code eventType} (procedures.md §2.h.2). */
  public static final List<String> EVENT_TYPES = List.of("ARRIVAL", "START", "DEPARTURE", "END");

  /** Spanish names of the identity and migratory documents (002 art. 40 par. num. 1–2). */
  public static final Map<String, String> DOCUMENT_NAMES = Map.of(
      "CEDULA_EXTRANJERIA", "Cédula de extranjería",
      "DOCUMENTO_EXTRANJERO", "Documento extranjero",
      "TARJETA_ANDINA", "Tarjeta andina",
      "CARNE_DIPLOMATICO", "Carné diplomático",
      "PEP", "Permiso especial de permanencia (PEP)",
      "PPT", "Permiso por protección temporal (PPT)",
      "VISA", "Visa",
      "PASAPORTE", "Pasaporte");

  private static final int REF = 1000;

  @Override
  public String processKey() {
    return PROCESS_KEY;
  }

  /**
   * Validates and normalizes the inputs and sets {@code sireEventLabel}.
   *
   * @throws co.ori.support.InvalidVariableException naming the first bad variable
   */
  @Override
  public void validate(Map<String, Object> v) {
    v.put("personName", requiredText("personName", v.get("personName"), 200));
    v.put("personId", requiredText("personId", v.get("personId"), 40));
    v.put("nationality", requiredText("nationality", v.get("nationality"), 100));
    String type = requiredEnum("eventType", v.get("eventType"), EVENT_TYPES);
    LocalDate eventDate = requiredDate("eventDate", v.get("eventDate"));
    v.put("eventDate", AgreementValues.toDate(eventDate));
    v.put("eventDateText", eventDate.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
    optionalText("personDocumentType", v.get("personDocumentType"), 64);
    optionalText("identityDocumentRef", v.get("identityDocumentRef"), REF);
    optionalText("migratoryDocumentType", v.get("migratoryDocumentType"), 64);
    optionalText("migratoryDocumentRef", v.get("migratoryDocumentRef"), REF);
    optionalText("additionalDocsRef", v.get("additionalDocsRef"), REF);
    optionalText("caseSummary", v.get("caseSummary"), 2000);
    optionalText("caseKey", v.get("caseKey"), 64);
    v.put("sireEventLabel", type.equals("ARRIVAL") || type.equals("START") ? "llegada" : "salida");
    v.put("personDocumentTypeText", documentText(v.get("personDocumentType")));
    v.put("migratoryDocumentTypeText", documentText(v.get("migratoryDocumentType")));
  }

  /** Spanish name of a document type of 002 art. 40 par. (the code itself when unknown, "" when absent). */
  static String documentText(Object code) {
    if (code == null) {
      return "";
    }
    return DOCUMENT_NAMES.getOrDefault(code.toString(), code.toString());
  }
}
