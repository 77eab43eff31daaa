package co.ori.cooperation;

import static co.ori.agreements.AgreementValues.optionalDate;
import static co.ori.agreements.AgreementValues.optionalEnum;
import static co.ori.agreements.AgreementValues.optionalInteger;
import static co.ori.agreements.AgreementValues.optionalText;
import static co.ori.agreements.AgreementValues.requiredDate;
import static co.ori.agreements.AgreementValues.requiredEnum;
import static co.ori.agreements.AgreementValues.requiredText;

import co.ori.support.InvalidVariableException;
import co.ori.support.VariableRules;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.spin.Spin;
import org.camunda.spin.SpinRuntimeException;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * Start variables of {@code pasto-cooperation-strategy} ({@code procedures.md} §2.b.1; 001 task
 * 1 "Identificar y priorizar convocatorias vigentes de cooperación"), checked by the lead's
 * {@code StartVariablesValidator} before anything of the case is stored. The first problem is
 * thrown as an {@link InvalidVariableException} naming the variable, in Spanish; the REST start
 * answers it with HTTP 400 and no process instance is left.
 *
 * <p>Rules:
 * <ul>
 *   <li>required Strings: {@code callTitle} (≤ 500), {@code cooperant} (≤ 300),
 *       {@code eligibleActors} and {@code expectedImpact} (≤ 4000);</li>
 *   <li>enums (String): {@code infoSource} INTERNET|COOPERANT_BULLETIN|APC|EMAIL|OTHER,
 *       {@code supportType} FINANCING|TECHNICAL_ASSISTANCE|BOTH, and the optional
 *       {@code requestOrigin} DEPENDENCY|CIVIL_SOCIETY|OFFICE (001 §6);</li>
 *   <li>{@code closingDate} (Date, or {@code yyyy-MM-dd} from the form) is required and may not be
 *       past (a call that has closed cannot be applied to); stored as the start of the day,
 *       America/Bogota;</li>
 *   <li>{@code resources} is Json {@code {amount, currency}}: amount a number ≥ 0 (Double),
 *       currency an ISO 4217 code. When absent it is built from the start form's flat fields
 *       {@code resourcesAmount} and {@code resourcesCurrency}, because a Camunda Form cannot
 *       submit Json;</li>
 *   <li>{@code priorityScore} Integer 1–5 (PROPOSED scale: 1 low, 5 high);</li>
 *   <li>{@code callUrl} optional web address; {@code callRequirements} optional (001 task 4);</li>
 *   <li>PROPOSED additions for the calls matrix (the contract's call fields):
 *       {@code cooperantCountry} optional String, {@code openingDate} optional Date not after
 *       {@code closingDate}.</li>
 * </ul>
 */
@Component
public class CooperationCallRules implements VariableRules {

  /** The process key these rules belong to. */
  public static final String PROCESS_KEY = CooperationCallMatrix.PROCESS_KEY;

  private static final int LONG = 4000;

  @Override
  public String processKey() {
    return PROCESS_KEY;
  }

  /**
   * Validates and normalizes the start variables (strings stripped, dates as {@code Date},
   * {@code resources} as Json, {@code priorityScore} as Integer).
   *
   * @throws InvalidVariableException naming the first bad variable
   */
  @Override
  public void validate(Map<String, Object> v) {
    putText(v, "callTitle", requiredText("callTitle", v.get("callTitle"), 500));
    putText(v, "cooperant", requiredText("cooperant", v.get("cooperant"), 300));
    putText(v, "cooperantCountry", optionalText("cooperantCountry", v.get("cooperantCountry"), 100));
    requiredEnum("infoSource", v.get("infoSource"), CooperationValues.INFO_SOURCES);
    putText(v, "callUrl", CooperationValues.optionalUrl("callUrl", v.get("callUrl")));

    LocalDate closing = requiredDate("closingDate", v.get("closingDate"));
    if (closing.isBefore(CooperationValues.today())) {
      throw new InvalidVariableException("closingDate", "ya pasó (" + CooperationValues.dayText(closing)
          + "); solo se registran convocatorias vigentes (001 tarea 1)");
    }
    v.put("closingDate", CooperationValues.toDate(closing));
    LocalDate opening = optionalDate("openingDate", v.get("openingDate"));
    if (opening != null) {
      if (opening.isAfter(closing)) {
        throw new InvalidVariableException("openingDate", "no puede ser posterior a closingDate ("
            + CooperationValues.dayText(closing) + ")");
      }
      v.put("openingDate", CooperationValues.toDate(opening));
    }

    v.put("resources", resources(v));
    putText(v, "eligibleActors", requiredText("eligibleActors", v.get("eligibleActors"), LONG));
    putText(v, "expectedImpact", requiredText("expectedImpact", v.get("expectedImpact"), LONG));
    requiredEnum("supportType", v.get("supportType"), CooperationValues.SUPPORT_TYPES);
    Integer priority = optionalInteger("priorityScore", v.get("priorityScore"), 1, 5);
    if (priority == null) {
      throw new InvalidVariableException("priorityScore", "es obligatorio: prioridad de 1 (baja) a 5 (alta)");
    }
    v.put("priorityScore", priority);
    optionalEnum("requestOrigin", v.get("requestOrigin"), CooperationValues.REQUEST_ORIGINS);
    putText(v, "callRequirements", optionalText("callRequirements", v.get("callRequirements"), LONG));
  }

  /** The resources as Json {amount (Double), currency}: the given Json or the flat form fields. */
  static SpinJsonNode resources(Map<String, Object> v) {
    Object given = v.get("resources");
    BigDecimal amount;
    String currency;
    if (given != null) {
      SpinJsonNode node = asJson(given);
      if (!node.isObject() || !node.hasProp("amount") || !node.hasProp("currency")) {
        throw new InvalidVariableException("resources", "debe ser un objeto Json {amount, currency}");
      }
      SpinJsonNode amountNode = node.prop("amount");
      if (!amountNode.isNumber()) {
        throw new InvalidVariableException("resources", "'amount' debe ser un número");
      }
      amount = CooperationValues.optionalAmount("resources", amountNode.numberValue());
      SpinJsonNode currencyNode = node.prop("currency");
      if (!currencyNode.isString()) {
        throw new InvalidVariableException("resources", "'currency' debe ser un código de moneda (texto)");
      }
      currency = CooperationValues.requiredCurrency("resources", currencyNode.stringValue());
    } else {
      amount = CooperationValues.optionalAmount("resourcesAmount", v.get("resourcesAmount"));
      Object currencyValue = v.get("resourcesCurrency");
      if (amount == null && (currencyValue == null || currencyValue.toString().isBlank())) {
        throw new InvalidVariableException("resources", "es obligatorio: Json {amount, currency} con"
            + " el monto y la moneda de los recursos de la convocatoria (001 tarea 1)");
      }
      if (amount == null) {
        throw new InvalidVariableException("resourcesAmount",
            "es obligatorio: monto de los recursos (0 si la convocatoria no ofrece dinero)");
      }
      currency = CooperationValues.requiredCurrency("resourcesCurrency", currencyValue);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("amount", amount.doubleValue());
    json.put("currency", currency);
    return Spin.JSON(json);
  }

  private static SpinJsonNode asJson(Object value) {
    if (value instanceof SpinJsonNode node) {
      return node;
    }
    if (value instanceof String text) {
      try {
        return Spin.JSON(text);
      } catch (SpinRuntimeException e) {
        throw new InvalidVariableException("resources", "no es un Json válido");
      }
    }
    if (value instanceof Map<?, ?> map) {
      return Spin.JSON(map);
    }
    throw new InvalidVariableException("resources", "debe ser Json {amount, currency}, no "
        + value.getClass().getSimpleName());
  }

  private static void putText(Map<String, Object> v, String name, String value) {
    if (value != null && !value.equals(v.get(name))) {
      v.put(name, value);
    }
  }
}
