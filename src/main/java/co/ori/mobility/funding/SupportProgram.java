package co.ori.mobility.funding;

import java.util.Arrays;
import java.util.List;

/**
 * The UFPS complementary economic support programmes (apoyos económicos complementarios, 004 art.
 * 24; {@code procedures.md} §2.c.1 {@code supportProgram}, §7.1). {@code NONE} of §2.c.1 means "no
 * support requested" and never starts {@code ufps-financial-support}.
 */
public enum SupportProgram {
  /** Programa de Intercambio de Estudiantes Brasil – Colombia, ASCUN–GCUB (004 art. 25). */
  BRACOL("BRACOL (Programa de Intercambio de Estudiantes Brasil – Colombia)"),
  /** Programa de Intercambio Académico Latinoamericano, ASCUN–CIN–ANUIES (004 art. 26). */
  PILA("PILA (Programa de Intercambio Académico Latinoamericano)"),
  /** Beca UFPS, outgoing international (004 art. 27). */
  BECA_UFPS("Beca UFPS"),
  /** Beca ORII / ORI Ocaña, outgoing international (004 art. 28). */
  BECA_ORII("Beca ORII"),
  /** Becas de reciprocidad (004 art. 24.5). */
  RECIPROCIDAD("Beca de reciprocidad"),
  /** Support assigned by the Comité Administrativo (004 art. 24.6, 24 par. 2, 32 par. 1). */
  COMITE_ADMINISTRATIVO("Apoyo asignado por el Comité Administrativo");

  private final String label;

  SupportProgram(String label) {
    this.label = label;
  }

  /** Spanish name for forms and e-mails. */
  public String label() {
    return label;
  }

  /** The enum names, in declaration order. */
  public static List<String> names() {
    return Arrays.stream(values()).map(Enum::name).toList();
  }
}
