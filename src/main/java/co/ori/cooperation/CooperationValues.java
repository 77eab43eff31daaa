package co.ori.cooperation;

import co.ori.agreements.AgreementValues;
import co.ori.support.InvalidVariableException;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Conversions, checks and Spanish display texts of the variables of
 * {@code pasto-cooperation-strategy} ({@code procedures.md} §2.b), shared by
 * {@link CooperationCallRules}, {@link CooperationTaskCompletion} and {@link CooperationLifecycle}.
 * The generic checks (text, enum, Boolean, date, Integer) are those of
 * {@link AgreementValues}; every failure is an {@link InvalidVariableException} naming the
 * variable, in Spanish. Dates are stored as {@link Date} at the start of the day in America/Bogota.
 */
public final class CooperationValues {

  /** Values of {@code infoSource} (001 task 1). */
  public static final List<String> INFO_SOURCES =
      List.of("INTERNET", "COOPERANT_BULLETIN", "APC", "EMAIL", "OTHER");
  /** Values of {@code supportType} (001 §1, §5). */
  public static final List<String> SUPPORT_TYPES = List.of("FINANCING", "TECHNICAL_ASSISTANCE", "BOTH");
  /** Values of {@code requestOrigin} (001 §6). */
  public static final List<String> REQUEST_ORIGINS = List.of("DEPENDENCY", "CIVIL_SOCIETY", "OFFICE");

  /** A plain e-mail address (one {@code @}, a dot in the domain, no spaces). */
  public static final Pattern EMAIL = AgreementValues.EMAIL;

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final Locale COLOMBIA = Locale.forLanguageTag("es-CO");

  private CooperationValues() {}

  /** Start of a day in America/Bogota, as stored in {@code Date} variables. */
  public static Date toDate(LocalDate day) {
    return AgreementValues.toDate(day);
  }

  /** The day of an instant in America/Bogota (null-safe). */
  public static LocalDate toLocalDate(Date date) {
    return AgreementValues.toLocalDate(date);
  }

  /** Today in America/Bogota on the engine clock. */
  public static LocalDate today() {
    return toLocalDate(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime());
  }

  /** A day as Spanish users read it, {@code dd/MM/yyyy}. */
  public static String dayText(LocalDate day) {
    return day == null ? "" : DAY.format(day);
  }

  /**
   * An amount 0 or more from a number or a numeric string (a form number field may send
   * either); null when absent or blank.
   *
   * @throws InvalidVariableException when not a number or negative
   */
  public static BigDecimal optionalAmount(String name, Object value) {
    if (value == null) {
      return null;
    }
    BigDecimal amount;
    if (value instanceof BigDecimal d) {
      amount = d;
    } else if (value instanceof Number n) {
      if (value instanceof Double || value instanceof Float) {
        double d = n.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
          throw new InvalidVariableException(name, "debe ser un número (monto), no " + value);
        }
        amount = BigDecimal.valueOf(d);
      } else {
        amount = BigDecimal.valueOf(n.longValue());
      }
    } else if (value instanceof String text) {
      String t = text.strip();
      if (t.isEmpty()) {
        return null;
      }
      try {
        amount = new BigDecimal(t);
      } catch (NumberFormatException e) {
        throw new InvalidVariableException(name, "debe ser un número (monto, con punto decimal), no '" + t + "'");
      }
    } else {
      throw new InvalidVariableException(name, "debe ser un número (monto), no "
          + value.getClass().getSimpleName());
    }
    if (amount.signum() < 0) {
      throw new InvalidVariableException(name, "no puede ser negativo (es " + amount.toPlainString() + ")");
    }
    if (amount.compareTo(new BigDecimal("99999999999999999")) > 0) {
      throw new InvalidVariableException(name, "es demasiado grande (" + amount.toPlainString() + ")");
    }
    return amount;
  }

  /**
   * An ISO 4217 currency code ({@code COP}, {@code USD}, {@code EUR}...), upper-cased.
   *
   * @throws InvalidVariableException when absent or not an ISO 4217 code
   */
  public static String requiredCurrency(String name, Object value) {
    String code = AgreementValues.requiredText(name, value, 3).toUpperCase(Locale.ROOT);
    try {
      Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      throw new InvalidVariableException(name,
          "no es un código de moneda ISO 4217 ('" + code + "'); p. ej. COP, USD, EUR");
    }
    return code;
  }

  /**
   * An optional web address ({@code http://} or {@code https://}, no spaces).
   *
   * @throws InvalidVariableException when given and not such an address
   */
  public static String optionalUrl(String name, Object value) {
    String url = AgreementValues.optionalText(name, value, 1000);
    if (url != null && !url.matches("(?i)https?://\\S+")) {
      throw new InvalidVariableException(name,
          "debe ser una dirección web que empiece por http:// o https:// ('" + url + "')");
    }
    return url;
  }

  /** "USD 50.000,00": currency code and amount as read in Colombia. */
  public static String resourcesText(BigDecimal amount, String currency) {
    NumberFormat format = NumberFormat.getNumberInstance(COLOMBIA);
    format.setMinimumFractionDigits(2);
    format.setMaximumFractionDigits(2);
    return currency + " " + format.format(amount);
  }

  /** Spanish name of an {@code infoSource} value. */
  public static String infoSourceLabel(String value) {
    return switch (value) {
      case "INTERNET" -> "Investigación en internet";
      case "COOPERANT_BULLETIN" -> "Boletín informativo del cooperante";
      case "APC" -> "Agencia Presidencial de Cooperación (APC)";
      case "EMAIL" -> "Correo de la dependencia";
      case "OTHER" -> "Otra fuente";
      default -> value;
    };
  }

  /** Spanish name of a {@code supportType} value. */
  public static String supportTypeLabel(String value) {
    return switch (value) {
      case "FINANCING" -> "Financiamiento";
      case "TECHNICAL_ASSISTANCE" -> "Asesoría técnica";
      case "BOTH" -> "Financiamiento y asesoría técnica";
      default -> value;
    };
  }

  /** Spanish name of a {@code requestOrigin} value (empty when null). */
  public static String requestOriginLabel(String value) {
    if (value == null) {
      return "";
    }
    return switch (value) {
      case "DEPENDENCY" -> "Dependencia de la administración";
      case "CIVIL_SOCIETY" -> "Sociedad civil";
      case "OFFICE" -> "Oficina de Asuntos Internacionales";
      default -> value;
    };
  }
}
