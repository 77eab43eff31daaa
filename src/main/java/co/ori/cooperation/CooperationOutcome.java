package co.ori.cooperation;

/**
 * How a {@code pasto-cooperation-strategy} case ended: one value per end event
 * {@code EndEvent_<Outcome>} of {@code procedures.md} §2.b.2 (contract "Outcomes end in end
 * events"). Stored in the calls matrix next to the {@link CooperationCallStatus}; null while
 * the case runs.
 */
public enum CooperationOutcome {
  /** {@code EndEvent_NotApplied}: the head decided not to apply (001 task 2 b). */
  NOT_APPLIED("No se aplica"),
  /** {@code EndEvent_CallNotPursued}: no answer in time and the head dropped the call (T08). */
  CALL_NOT_PURSUED("Convocatoria no continuada"),
  /** {@code EndEvent_NoParticipation}: the dependency or organization declined (001 task 3 b). */
  NO_PARTICIPATION("Sin participación de la dependencia u organización"),
  /** {@code EndEvent_DeadlineMissed}: the call closed before the submission (T07). */
  DEADLINE_MISSED("Fecha de cierre vencida sin presentar"),
  /** {@code EndEvent_NotAwarded}: the cooperant did not accept the project (001 task 7 Nota). */
  NOT_AWARDED("Proyecto no aprobado"),
  /** {@code EndEvent_ProjectClosed}: the closing minute was made (001 task 9). */
  PROJECT_CLOSED("Proyecto cerrado");

  private final String label;

  CooperationOutcome(String label) {
    this.label = label;
  }

  /** The Spanish name shown in exports and reports. */
  public String label() {
    return label;
  }
}
