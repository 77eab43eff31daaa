package co.ori.agreements;

import co.ori.support.InvalidVariableException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Conversions and checks of the process variables of {@code agreement-formalization}
 * ({@code procedures.md} §2.a), shared by {@link AgreementRequestRules} (start) and
 * {@link AgreementTaskCompletion} (task completion). Every failure is an
 * {@link InvalidVariableException} naming the variable, with a Spanish message.
 *
 * <p>Dates: Camunda Forms (date picker) submit {@code yyyy-MM-dd} strings; REST clients send
 * {@code Date} values. Both are stored as {@link Date} at the start of the day in
 * {@link #ZONE} (America/Bogota), the zone of every agreement date.
 */
public final class AgreementValues {

  /** Zone of every agreement date (Colombia). */
  public static final ZoneId ZONE = ZoneId.of("America/Bogota");

  /** A plain e-mail address (one {@code @}, a dot in the domain, no spaces). */
  public static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  /** Registry ids (business keys or ids of agreements loaded over REST), as the registry accepts. */
  public static final Pattern AGREEMENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private AgreementValues() {}

  /**
   * The value as a non-blank, stripped String, or null when absent, null or blank.
   *
   * @throws InvalidVariableException when the value is not a String
   */
  public static String optionalText(String name, Object value, int maxLength) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)) {
      throw new InvalidVariableException(name,
          "debe ser texto (String), no " + typeName(value));
    }
    String stripped = text.strip();
    if (stripped.isEmpty()) {
      return null;
    }
    if (stripped.length() > maxLength) {
      throw new InvalidVariableException(name,
          "admite como máximo " + maxLength + " caracteres (tiene " + stripped.length() + ")");
    }
    return stripped;
  }

  /**
   * The value as a non-blank, stripped String.
   *
   * @throws InvalidVariableException when absent, blank, not a String or too long
   */
  public static String requiredText(String name, Object value, int maxLength) {
    String text = optionalText(name, value, maxLength);
    if (text == null) {
      throw new InvalidVariableException(name, "es obligatorio");
    }
    return text;
  }

  /**
   * An enum value (a String among {@code allowed}), or null when absent or blank.
   *
   * @throws InvalidVariableException listing the allowed values when the value is not one of them
   */
  public static String optionalEnum(String name, Object value, List<String> allowed) {
    String text = optionalText(name, value, 64);
    if (text != null && !allowed.contains(text)) {
      throw new InvalidVariableException(name, "valor no permitido '" + text
          + "'; valores permitidos: " + String.join(", ", allowed));
    }
    return text;
  }

  /**
   * A required enum value (a String among {@code allowed}).
   *
   * @throws InvalidVariableException when absent or not one of the allowed values (listed)
   */
  public static String requiredEnum(String name, Object value, List<String> allowed) {
    String text = optionalEnum(name, value, allowed);
    if (text == null) {
      throw new InvalidVariableException(name,
          "es obligatorio; valores permitidos: " + String.join(", ", allowed));
    }
    return text;
  }

  /** The names of an enum's constants, in declaration order. */
  public static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }

  /**
   * A Boolean: {@code Boolean} values as they are, and the strings {@code "true"}/{@code "false"}
   * that Camunda Forms radio buttons submit; null when absent.
   *
   * @throws InvalidVariableException for any other value
   */
  public static Boolean optionalBoolean(String name, Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Boolean bool) {
      return bool;
    }
    if (value instanceof String text) {
      String t = text.strip();
      if (t.isEmpty()) {
        return null;
      }
      if (t.equalsIgnoreCase("true")) {
        return Boolean.TRUE;
      }
      if (t.equalsIgnoreCase("false")) {
        return Boolean.FALSE;
      }
    }
    throw new InvalidVariableException(name, "debe ser Sí o No (Boolean true/false), no '" + value + "'");
  }

  /**
   * A required Boolean (see {@link #optionalBoolean}).
   *
   * @throws InvalidVariableException when absent or not a Boolean
   */
  public static boolean requiredBoolean(String name, Object value) {
    Boolean bool = optionalBoolean(name, value);
    if (bool == null) {
      throw new InvalidVariableException(name, "es obligatorio (Sí o No)");
    }
    return bool;
  }

  /**
   * A calendar day from a {@link Date} (its day in America/Bogota) or an ISO {@code yyyy-MM-dd}
   * string (a longer ISO date-time string is cut to its date); null when absent or blank.
   *
   * @throws InvalidVariableException when the value is neither
   */
  public static LocalDate optionalDate(String name, Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Date date) {
      return toLocalDate(date);
    }
    if (value instanceof LocalDate day) {
      return day;
    }
    if (value instanceof String text) {
      String t = text.strip();
      if (t.isEmpty()) {
        return null;
      }
      try {
        return LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t);
      } catch (DateTimeParseException e) {
        throw new InvalidVariableException(name,
            "no es una fecha válida ('" + t + "'); formato esperado aaaa-mm-dd");
      }
    }
    throw new InvalidVariableException(name, "debe ser una fecha (Date), no " + typeName(value));
  }

  /**
   * A required calendar day (see {@link #optionalDate}).
   *
   * @throws InvalidVariableException when absent or not a date
   */
  public static LocalDate requiredDate(String name, Object value) {
    LocalDate day = optionalDate(name, value);
    if (day == null) {
      throw new InvalidVariableException(name, "es obligatoria (fecha aaaa-mm-dd)");
    }
    return day;
  }

  /**
   * An Integer from any integral number ({@code Integer}, {@code Long}, {@code Short}, or a
   * {@code Double} without decimals as JavaScript forms may send); null when absent.
   *
   * @throws InvalidVariableException for text, decimals or values outside [min, max]
   */
  public static Integer optionalInteger(String name, Object value, int min, int max) {
    if (value == null) {
      return null;
    }
    long number;
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      number = ((Number) value).longValue();
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (d != Math.rint(d) || Double.isInfinite(d)) {
        throw new InvalidVariableException(name, "debe ser un número entero (Integer), no " + value);
      }
      number = (long) d;
    } else {
      throw new InvalidVariableException(name, "debe ser un número entero (Integer) entre " + min
          + " y " + max + ", no " + typeName(value) + " '" + value + "'");
    }
    if (number < min || number > max) {
      throw new InvalidVariableException(name,
          "debe estar entre " + min + " y " + max + " (es " + number + ")");
    }
    return (int) number;
  }

  /** Start of a day in America/Bogota, as stored in {@code Date} variables. */
  public static Date toDate(LocalDate day) {
    return day == null ? null : Date.from(day.atStartOfDay(ZONE).toInstant());
  }

  /** The day of an instant in America/Bogota (null-safe). */
  public static LocalDate toLocalDate(Date date) {
    // getTime(), not toInstant(): java.sql.Date does not support toInstant()
    return date == null ? null : Instant.ofEpochMilli(date.getTime()).atZone(ZONE).toLocalDate();
  }

  /** Short type name of a value, for messages. */
  static String typeName(Object value) {
    return value == null ? "null" : value.getClass().getSimpleName();
  }
}
