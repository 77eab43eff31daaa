package co.ori.mobility.funding;

import co.ori.support.InvalidVariableException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Small helpers of {@code ufps-financial-support} for reading amounts, normalizing country names
 * for the decision tables and writing pesos in Spanish.
 */
public final class SupportValues {

  /** Document references (links or document-management ids), as in the other procedures. */
  public static final int REF = 1000;
  /** Longest free text. */
  public static final int LONG = 4000;
  /** Spanish labels of the directions. */
  public static final Map<String, String> DIRECTIONS = Map.of("OUTGOING", "Saliente", "INCOMING", "Entrante");
  /** Spanish labels of the scopes used by UFPS (004 uses only national and international). */
  public static final Map<String, String> SCOPES = Map.of("NACIONAL", "Nacional", "INTERNACIONAL", "Internacional");

  private SupportValues() {}

  /**
   * An optional amount in pesos: Number or numeric text (forms send numbers).
   *
   * @throws InvalidVariableException naming the variable when not a number or negative
   */
  public static BigDecimal optionalAmount(String name, Object value) {
    if (value == null || value instanceof String s && s.isBlank()) {
      return null;
    }
    BigDecimal amount;
    if (value instanceof Number n) {
      amount = new BigDecimal(n.toString());
    } else if (value instanceof String s) {
      try {
        amount = new BigDecimal(s.strip());
      } catch (NumberFormatException e) {
        throw new InvalidVariableException(name, "debe ser un valor en pesos, no '" + s + "'");
      }
    } else {
      throw new InvalidVariableException(name, "debe ser un valor en pesos (Double), no " + value.getClass().getSimpleName());
    }
    if (amount.signum() < 0) {
      throw new InvalidVariableException(name, "no puede ser negativo");
    }
    return amount;
  }

  /** The key of a country name for the DMN tables: upper case, without accents, single spaces. */
  public static String countryKey(String country) {
    if (country == null) {
      return "";
    }
    return Normalizer.normalize(country, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        .replaceAll("[.]", "").replaceAll("\\s+", " ").strip().toUpperCase(Locale.ROOT);
  }

  /** Pesos as Spanish text, e.g. {@code $ 18.968.140}. */
  public static String pesos(BigDecimal amount) {
    DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("es-CO")));
    format.setRoundingMode(RoundingMode.HALF_UP);
    return "$ " + format.format(amount == null ? BigDecimal.ZERO : amount);
  }

  /** A number of months as Spanish text with up to 4 decimals, e.g. {@code 4,3333}. */
  public static String decimal(BigDecimal value) {
    DecimalFormat format = new DecimalFormat("#,##0.####", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("es-CO")));
    return format.format(value);
  }
}
