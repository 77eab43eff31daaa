package co.ori.agreements;

/**
 * Kind of inter-institutional instrument (000 §4): convenio marco, convenio específico, alianza.
 */
public enum InstrumentType {
  /** Convenio marco: general will to cooperate; encourages specific agreements (000 §4). */
  CONVENIO_MARCO,
  /** Convenio específico: the executive instrument of a convenio marco (000 §4). */
  CONVENIO_ESPECIFICO,
  /** Alianza: a less formal pact, possibly verbal (000 §4). */
  ALIANZA
}
