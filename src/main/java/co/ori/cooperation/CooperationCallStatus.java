package co.ori.cooperation;

/**
 * Status of a call in the calls matrix (matriz de convocatorias, {@code procedures.md} §2.b.2;
 * 001 tasks 1, 2, 6, 7), as the process {@code pasto-cooperation-strategy} keeps it. How a case
 * ended is recorded apart, as a {@link CooperationOutcome}: a call the dependencies did not take
 * up stays {@link #VALIDATED} with outcome {@code NO_PARTICIPATION}.
 */
public enum CooperationCallStatus {
  /** P1: identified, analyzed, registered and prioritized (001 task 1). */
  IDENTIFIED("Identificada"),
  /** P3: the office head decided to apply (001 task 2 a). */
  VALIDATED("Validada"),
  /** P3: the office head decided not to apply (001 task 2 b). */
  DISCARDED("Descartada"),
  /** P10: the project was filed with the cooperating organization (001 task 6). */
  SUBMITTED("Presentada"),
  /** P11: the cooperant accepted the project (001 task 7). */
  AWARDED("Aprobada por el cooperante"),
  /** P11: the cooperant did not accept the project (001 task 7 Nota). */
  NOT_AWARDED("No aprobada por el cooperante"),
  /** P17: the closing minute was made (001 task 9). */
  CLOSED("Cerrada con acta de finalización"),
  /** T07: the call closed before the project was submitted (PROPOSED). */
  MISSED("Fecha de cierre vencida");

  private final String label;

  CooperationCallStatus(String label) {
    this.label = label;
  }

  /** The Spanish name shown in exports and reports. */
  public String label() {
    return label;
  }
}
