package co.ori.agreements;

/**
 * Registry status of an agreement, {@code procedures.md} §2.a.4:
 * {@code REQUESTED → REJECTED | REQUEST_APPROVED → INTENT_SENT → NO_RESPONSE | DECLINED |
 * DRAFTING ⇄ LEGAL_REVIEW → SIGNED → ACTIVE → EXPIRING → EXPIRED | RENEWED | TERMINATED}.
 */
public enum AgreementStatus {
  REQUESTED,
  REJECTED,
  REQUEST_APPROVED,
  INTENT_SENT,
  NO_RESPONSE,
  DECLINED,
  DRAFTING,
  LEGAL_REVIEW,
  SIGNED,
  ACTIVE,
  EXPIRING,
  EXPIRED,
  RENEWED,
  TERMINATED;

  /** True for the statuses in which the agreement is in force ({@code ACTIVE}, {@code EXPIRING}). */
  public boolean inForce() {
    return this == ACTIVE || this == EXPIRING;
  }
}
