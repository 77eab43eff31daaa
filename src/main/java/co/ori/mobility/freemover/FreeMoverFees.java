package co.ori.mobility.freemover;

import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Fees of an incoming free mover at UNAL for one academic period ({@code procedures.md} §7.4;
 * 003 Parte 3 §6.f). All amounts in Colombian pesos (COP). The student also pays tuition at the
 * home university; the individual agreement creates no financial commitment for the institutions
 * (003 Anexo 1 cl. 9).
 *
 * <ul>
 *   <li>postgraduate ({@code ESPECIALIZACION}, {@code MAESTRIA}, {@code DOCTORADO}), §6.f.i:
 *       derechos administrativos + bienestar + póliza estudiantil (Acuerdo 029 de 2010 CSU) +
 *       derechos académicos set by the faculty council;</li>
 *   <li>undergraduate ({@code TECNICO}, {@code TECNOLOGICO}, {@code PROFESIONAL}), §6.f.ii:
 *       bienestar + sistematización + póliza estudiantil (Acuerdo 100 de 1993 CSU art. 1 at the
 *       maximum PBM, 100 points) + derechos de matrícula set by the faculty council.</li>
 * </ul>
 * Component values come from {@code ori.free-mover.fees} ({@link FreeMoverSettings}).
 */
@Component
public class FreeMoverFees {

  /** Postgraduate programme levels (procedures.md §3 {@code isPostgrad}). */
  public static final Set<String> POSTGRADUATE = Set.of("ESPECIALIZACION", "MAESTRIA", "DOCTORADO");

  private final FreeMoverSettings settings;

  /** @param settings component values */
  public FreeMoverFees(FreeMoverSettings settings) {
    this.settings = settings;
  }

  /**
   * The liquidation of one academic period.
   *
   * @param postgraduate whether the §6.f.i formula applied
   * @param components name (Spanish) → amount (COP), in the order of the regulation, the
   *     council-set fee last
   * @param total sum of the components (COP)
   */
  public record Liquidation(boolean postgraduate, Map<String, Double> components, double total) {

    /** One line per component and the total, e.g. "Bienestar: $ 120.000", in Spanish. */
    public String text() {
      StringBuilder out = new StringBuilder();
      components.forEach((name, value) -> out.append(name).append(": ").append(pesos(value)).append('\n'));
      return out.append("Total: ").append(pesos(total)).toString();
    }

    /** The components and the total on one line, for the agreement's clause 4. */
    public String summary() {
      return String.join("; ", components.entrySet().stream()
          .map(e -> e.getKey().toLowerCase(Locale.ROOT) + " " + pesos(e.getValue())).toList())
          + "; total " + pesos(total) + " por el periodo académico";
    }
  }

  /**
   * Computes the fees of one period.
   *
   * @param programLevel the student's programme level (§2.c.1 enum)
   * @param academicFee derechos académicos (postgraduate) or derechos de matrícula (undergraduate)
   *     set by the faculty council, COP, not negative
   * @throws IllegalArgumentException when the level is unknown or the fee negative or missing
   */
  public Liquidation liquidate(String programLevel, Double academicFee) {
    if (academicFee == null || academicFee < 0 || academicFee.isNaN() || academicFee.isInfinite()) {
      throw new IllegalArgumentException("academicFeeValue: debe ser un valor en pesos no negativo");
    }
    Map<String, Double> parts = new LinkedHashMap<>();
    boolean postgraduate = POSTGRADUATE.contains(programLevel);
    if (postgraduate) {
      FreeMoverSettings.Postgraduate p = settings.fees().postgraduate();
      parts.put("Derechos administrativos", p.administrative());
      parts.put("Bienestar", p.welfare());
      parts.put("Póliza de seguro estudiantil", p.insurance());
      parts.put("Derechos académicos (Consejo de Facultad)", academicFee);
    } else if (Set.of("TECNICO", "TECNOLOGICO", "PROFESIONAL").contains(programLevel)) {
      FreeMoverSettings.Undergraduate u = settings.fees().undergraduate();
      parts.put("Bienestar", u.welfare());
      parts.put("Sistematización", u.systematization());
      parts.put("Póliza de seguro estudiantil", u.insurance());
      parts.put("Derechos de matrícula (Consejo de Facultad)", academicFee);
    } else {
      throw new IllegalArgumentException("programLevel desconocido: " + programLevel);
    }
    double total = parts.values().stream().mapToDouble(Double::doubleValue).sum();
    return new Liquidation(postgraduate, java.util.Collections.unmodifiableMap(parts), total);
  }

  /** An amount as Colombian pesos without decimals, e.g. {@code $ 1.234.567}. */
  public static String pesos(double value) {
    NumberFormat format = NumberFormat.getIntegerInstance(Locale.forLanguageTag("es-CO"));
    return "$ " + format.format(Math.round(value));
  }
}
