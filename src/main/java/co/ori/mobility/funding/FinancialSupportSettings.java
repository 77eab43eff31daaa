package co.ori.mobility.funding;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the UFPS complementary economic supports ({@code procedures.md} §7.1, §9 Q30),
 * block {@code ori.financial-support} of {@code application.yaml}: the SMMLV (salario mínimo
 * mensual legal vigente, pesos per month) of each year, fixed every December by a national decree.
 * It is configuration, not code: the office adds the new year's value when the decree is issued.
 *
 * <pre>
 * ori:
 *   financial-support:
 *     smmlv:
 *       2025: 1423500   # Decreto 1572 de 2024
 *       2026: 1750905   # Decreto 1469 de 2025 (ratified by Decreto 0159 de 2026)
 * </pre>
 *
 * @param smmlv pesos per month by calendar year; at least one year
 */
@ConfigurationProperties(prefix = "ori.financial-support")
public record FinancialSupportSettings(Map<Integer, BigDecimal> smmlv) {

  /**
   * Binds and checks the table.
   *
   * @throws IllegalStateException when the table is empty or a value is not positive
   */
  public FinancialSupportSettings {
    if (smmlv == null || smmlv.isEmpty()) {
      throw new IllegalStateException("ori.financial-support.smmlv: configure el SMMLV (pesos) de al menos un año");
    }
    smmlv.forEach((year, value) -> {
      if (value == null || value.signum() <= 0) {
        throw new IllegalStateException("ori.financial-support.smmlv." + year + ": debe ser un valor en pesos mayor que 0");
      }
    });
    smmlv = new TreeMap<>(smmlv);
  }

  /**
   * The SMMLV for a payment date's year (§9 Q30: the SMMLV in force on each payment date). A
   * year after the last configured one (a future instalment whose decree is not issued yet) uses
   * the last configured value and is reported as {@link Smmlv#estimated()}.
   *
   * @param year calendar year of the payment date
   * @throws IllegalStateException when the year is before every configured year (configuration
   *     missing: a technical failure, the step retries and raises an incident)
   */
  public Smmlv forYear(int year) {
    TreeMap<Integer, BigDecimal> table = (TreeMap<Integer, BigDecimal>) smmlv;
    BigDecimal exact = table.get(year);
    if (exact != null) {
      return new Smmlv(year, exact, false);
    }
    Map.Entry<Integer, BigDecimal> before = table.floorEntry(year);
    if (before == null) {
      throw new IllegalStateException("No hay SMMLV configurado para " + year
          + " (ori.financial-support.smmlv." + year + ")");
    }
    return new Smmlv(before.getKey(), before.getValue(), true);
  }

  /**
   * One year's SMMLV.
   *
   * @param year the year whose value it is
   * @param value pesos per month
   * @param estimated true when the payment's own year has no value yet and this is the last known
   */
  public record Smmlv(int year, BigDecimal value, boolean estimated) {}
}
