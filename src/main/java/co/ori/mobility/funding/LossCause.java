package co.ori.mobility.funding;

import co.ori.support.InvalidVariableException;
import java.util.Arrays;
import java.util.Locale;

/**
 * The six causes of loss of the complementary economic support, 004 art. 34 ({@code procedures.md}
 * §6.3 U3), carried by the message {@code SupportLossCause} as {@code lossCause}: the number 1–6 of
 * the article or the code.
 */
public enum LossCause {
  /** 34.1 Renuncia voluntaria. */
  RENUNCIA_VOLUNTARIA(1, "Renuncia voluntaria al apoyo (art. 34 num. 1)"),
  /** 34.2 Pérdida de la condición de estudiante. */
  PERDIDA_CALIDAD_ESTUDIANTE(2, "Pérdida de la condición de estudiante (art. 34 num. 2)"),
  /** 34.3 Incumplimiento de las fechas de la convocatoria. */
  INCUMPLIMIENTO_FECHAS(3, "Incumplimiento de las fechas de la convocatoria (art. 34 num. 3)"),
  /** 34.4 Documentos incompletos según la convocatoria. */
  DOCUMENTOS_INCOMPLETOS(4, "Incumplimiento en la totalidad de los documentos de la convocatoria (art. 34 num. 4)"),
  /** 34.5 Inconsistencia de la información verificada por la ORII o el programa. */
  INCONSISTENCIA_INFORMACION(5, "Inconsistencia entre la información del estudiante y la verificada por la ORII o el programa (art. 34 num. 5)"),
  /** 34.6 Fuerza mayor o caso fortuito (always a justified cause). */
  FUERZA_MAYOR(6, "Fuerza mayor o caso fortuito (art. 34 num. 6)");

  private final int number;
  private final String label;

  LossCause(int number, String label) {
    this.number = number;
    this.label = label;
  }

  /** The numeral of art. 34, 1–6. */
  public int number() {
    return number;
  }

  /** Spanish description with the article. */
  public String label() {
    return label;
  }

  /**
   * Reads {@code lossCause}: an Integer/Long 1–6, its text ("4") or a code ({@code FUERZA_MAYOR}).
   *
   * @throws InvalidVariableException naming {@code lossCause} when absent or unknown
   */
  public static LossCause parse(Object value) {
    if (value instanceof Number n && n.doubleValue() == n.intValue()) {
      return byNumber(n.intValue());
    }
    if (value instanceof String s && !s.isBlank()) {
      String text = s.strip().toUpperCase(Locale.ROOT);
      if (text.matches("\\d+")) {
        return byNumber(Integer.parseInt(text));
      }
      return Arrays.stream(values()).filter(c -> c.name().equals(text)).findFirst()
          .orElseThrow(() -> unknown(value));
    }
    throw unknown(value);
  }

  private static LossCause byNumber(int number) {
    return Arrays.stream(values()).filter(c -> c.number == number).findFirst()
        .orElseThrow(() -> unknown(number));
  }

  private static InvalidVariableException unknown(Object value) {
    return new InvalidVariableException("lossCause", "causal de pérdida del apoyo no válida: '" + value
        + "'; se espera el numeral 1 a 6 del art. 34 o uno de " + Arrays.toString(values()));
  }
}
