package co.ori.mobility.funding;

import static co.ori.agreements.AgreementValues.optionalDate;
import static co.ori.agreements.AgreementValues.optionalEnum;
import static co.ori.agreements.AgreementValues.optionalText;
import static co.ori.agreements.AgreementValues.requiredDate;
import static co.ori.agreements.AgreementValues.requiredEnum;
import static co.ori.agreements.AgreementValues.requiredText;

import co.ori.agreements.AgreementValues;
import co.ori.support.InvalidVariableException;
import co.ori.support.VariableRules;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Start variables of {@code ufps-financial-support} ({@code procedures.md} §7.2 F1, §2.c.1; 004
 * art. 32–33), checked by the {@code StartVariablesValidator} before anything of the case is stored.
 * The case starts either as a call activity of {@code student-outgoing-mobility} /
 * {@code student-incoming-mobility} (all the caller's variables, §2.c.1 names) or on its own by
 * {@code ori-staff} (form {@code ufps-support-request}, or REST). The first problem is thrown as an
 * {@link InvalidVariableException} naming the variable; a REST start answers 400 and leaves nothing.
 *
 * <p>Rules (the caller's other variables are ignored):
 * <ul>
 *   <li>required: {@code documentNumber} (the student's document, the person of the bans registry),
 *       {@code fullName}, {@code supportProgram} (BRACOL, PILA, BECA_UFPS, BECA_ORII, RECIPROCIDAD,
 *       COMITE_ADMINISTRATIVO; {@code NONE} is refused: nothing was requested), {@code direction}
 *       OUTGOING|INCOMING, {@code scope} NACIONAL|INTERNACIONAL, {@code startDate} and
 *       {@code endDate} (Date or {@code yyyy-MM-dd}; end not before start; at most 2 years: one
 *       period and one extension, art. 47). A support may be requested after the mobility began, so
 *       the start date may be in the past;</li>
 *   <li>{@code hostCountry} required when OUTGOING, {@code homeCountry} when INCOMING (the region of
 *       art. 27 and the programme's countries, art. 25–26);</li>
 *   <li>optional: {@code supportStart}/{@code supportEnd} (art. 33, both or none, in order; default the
 *       mobility dates), {@code targetPeriod} {@code YYYY-1}/{@code YYYY-2}, {@code ufpsType} (004 art.
 *       5–6), {@code hostInstitution}, {@code hostCity}, {@code homeInstitution}, {@code agreementId},
 *       {@code email} (valid address), {@code studentMailTo}, {@code costStructure} (reference of the
 *       student's cost structure, art. 30), {@code airfareQuote} (pesos, ≥ 0).</li>
 * </ul>
 */
@Component
public class UfpsSupportRequestRules implements VariableRules {

  /** The process key. */
  public static final String PROCESS_KEY = "ufps-financial-support";
  /** UFPS mobility types (004 art. 5–6; §2.c.1 {@code ufpsType}). */
  public static final List<String> UFPS_TYPES = List.of("SEM_ACADEMICO", "SEM_INTERCAMBIO", "SEM_PRACTICA",
      "SEM_TRABAJO_GRADO", "SEM_DOBLE_TITULACION", "SEM_TITULACION_CONJUNTA", "SEM_ROTACION_MEDICA",
      "CORTA_ESTANCIA_INVESTIGACION", "CORTA_EVENTO", "CORTA_VISITA", "CORTA_SALIDA_CAMPO", "CORTA_CURSO",
      "CORTA_VERANO");
  /** Longest support period: one academic period plus one equal extension (004 art. 47). */
  public static final int MAX_YEARS = 2;

  static final Pattern PERSON_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  static final Pattern PERIOD = Pattern.compile("\\d{4}-[12]");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  @Override
  public String processKey() {
    return PROCESS_KEY;
  }

  /**
   * Validates and normalizes the start variables (strings stripped, dates as {@code Date},
   * {@code airfareQuote} as Double).
   *
   * @throws InvalidVariableException naming the first bad variable
   */
  @Override
  public void validate(Map<String, Object> v) {
    String document = requiredText("documentNumber", v.get("documentNumber"), 64);
    if (!PERSON_ID.matcher(document).matches()) {
      throw new InvalidVariableException("documentNumber", "no es un documento de identidad válido: '"
          + document + "' (letras, números, punto, guion)");
    }
    v.put("documentNumber", document);
    v.put("fullName", requiredText("fullName", v.get("fullName"), 200));
    Object program = v.get("supportProgram");
    if ("NONE".equals(program)) {
      throw new InvalidVariableException("supportProgram", "NONE indica que no se solicitó apoyo; indique el programa: "
          + String.join(", ", SupportProgram.names()));
    }
    v.put("supportProgram", requiredEnum("supportProgram", program, SupportProgram.names()));
    String direction = requiredEnum("direction", v.get("direction"), List.of("OUTGOING", "INCOMING"));
    v.put("direction", direction);
    v.put("scope", requiredEnum("scope", v.get("scope"), List.of("NACIONAL", "INTERNACIONAL")));

    LocalDate start = requiredDate("startDate", v.get("startDate"));
    LocalDate end = requiredDate("endDate", v.get("endDate"));
    checkOrder("endDate", start, end);
    v.put("startDate", AgreementValues.toDate(start));
    v.put("endDate", AgreementValues.toDate(end));
    LocalDate supportStart = optionalDate("supportStart", v.get("supportStart"));
    LocalDate supportEnd = optionalDate("supportEnd", v.get("supportEnd"));
    if ((supportStart == null) != (supportEnd == null)) {
      throw new InvalidVariableException(supportStart == null ? "supportStart" : "supportEnd",
          "indique las dos fechas del periodo del apoyo (carta de aceptación o tiquetes, art. 33) o ninguna");
    }
    if (supportStart != null) {
      checkOrder("supportEnd", supportStart, supportEnd);
      v.put("supportStart", AgreementValues.toDate(supportStart));
      v.put("supportEnd", AgreementValues.toDate(supportEnd));
    } else {
      v.remove("supportStart");
      v.remove("supportEnd");
    }

    if ("OUTGOING".equals(direction)) {
      v.put("hostCountry", requiredText("hostCountry", v.get("hostCountry"), 100));
      putText(v, "homeCountry", optionalText("homeCountry", v.get("homeCountry"), 100));
    } else {
      v.put("homeCountry", requiredText("homeCountry", v.get("homeCountry"), 100));
      putText(v, "hostCountry", optionalText("hostCountry", v.get("hostCountry"), 100));
    }
    putText(v, "hostInstitution", optionalText("hostInstitution", v.get("hostInstitution"), 300));
    putText(v, "homeInstitution", optionalText("homeInstitution", v.get("homeInstitution"), 300));
    putText(v, "hostCity", optionalText("hostCity", v.get("hostCity"), 100));
    String period = optionalText("targetPeriod", v.get("targetPeriod"), 6);
    if (period != null && !PERIOD.matcher(period).matches()) {
      throw new InvalidVariableException("targetPeriod", "debe tener la forma AAAA-1 o AAAA-2, no '" + period + "'");
    }
    putText(v, "targetPeriod", period);
    putText(v, "ufpsType", optionalEnum("ufpsType", v.get("ufpsType"), UFPS_TYPES));
    putText(v, "agreementId", optionalText("agreementId", v.get("agreementId"), 64));
    String email = optionalText("email", v.get("email"), 254);
    if (email != null && !AgreementValues.EMAIL.matcher(email).matches()) {
      throw new InvalidVariableException("email", "no es un correo electrónico válido: '" + email + "'");
    }
    putText(v, "email", email);
    putText(v, "studentMailTo", optionalText("studentMailTo", v.get("studentMailTo"), 1000));
    Object cost = v.get("costStructure");
    if (cost == null || cost instanceof String) {
      putText(v, "costStructure", optionalText("costStructure", cost, SupportValues.REF));
    }
    BigDecimal airfare = SupportValues.optionalAmount("airfareQuote", v.get("airfareQuote"));
    if (airfare != null) {
      v.put("airfareQuote", airfare.doubleValue());
    } else {
      v.remove("airfareQuote");
    }
  }

  private static void checkOrder(String endName, LocalDate start, LocalDate end) {
    if (end.isBefore(start)) {
      throw new InvalidVariableException(endName, "no puede ser anterior a la fecha de inicio (" + DAY.format(start) + ")");
    }
    if (end.isAfter(start.plusYears(MAX_YEARS))) {
      throw new InvalidVariableException(endName, "el periodo no puede durar más de " + MAX_YEARS
          + " años (un periodo académico y una prórroga, art. 47)");
    }
  }

  private static void putText(Map<String, Object> v, String name, String value) {
    if (value == null) {
      v.remove(name);
    } else {
      v.put(name, value);
    }
  }
}
