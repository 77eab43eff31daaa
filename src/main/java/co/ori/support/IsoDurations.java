package co.ori.support;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.Duration;

/**
 * ISO 8601 durations ({@code P30D}) and repeating intervals ({@code R/P6M}) of the configurable
 * terms ({@code ori.<procedure>.timers.*}), parsed with the JDK's XML datatypes and checked at
 * start-up so that a mistyped setting stops the application with a message naming the property,
 * instead of failing later in a timer.
 */
public final class IsoDurations {

  private static final DatatypeFactory FACTORY;

  static {
    try {
      FACTORY = DatatypeFactory.newInstance();
    } catch (DatatypeConfigurationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private IsoDurations() {}

  /**
   * Parses an ISO 8601 duration.
   *
   * @throws IllegalArgumentException when the text is null or not an ISO 8601 duration
   */
  public static Duration parse(String isoDuration) {
    if (isoDuration == null) {
      throw new IllegalArgumentException("duración vacía");
    }
    return FACTORY.newDuration(isoDuration);
  }

  /**
   * Checks a configured duration.
   *
   * @param property the setting's name, e.g. {@code ori.agreements.timers.partner-response-wait}
   * @throws IllegalStateException naming the property when the value is not a positive duration
   */
  public static void requirePositive(String property, String value) {
    try {
      if (parse(value).getSign() <= 0) {
        throw new IllegalArgumentException("must be positive");
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(property + " no es una duración ISO 8601 positiva: '" + value + "'", e);
    }
  }

  /**
   * Checks a configured repeating interval {@code R[n]/<duration>}.
   *
   * @param property the setting's name
   * @param example an example shown in the message, e.g. {@code R/P6M}
   * @throws IllegalStateException naming the property when the value is not a repeating interval
   *     with a positive duration
   */
  public static void requireRepeatingInterval(String property, String value, String example) {
    int slash = value == null ? -1 : value.lastIndexOf('/');
    try {
      if (slash < 0 || !value.startsWith("R") || parse(value.substring(slash + 1)).getSign() <= 0) {
        throw new IllegalArgumentException("not a repeating interval with a positive duration");
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(property + " no es un intervalo repetido ISO 8601 (p. ej. "
          + example + "): '" + value + "'", e);
    }
  }
}
