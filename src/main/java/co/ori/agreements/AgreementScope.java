package co.ori.agreements;

/** Scope of an agreement (000 §1): with a national or a foreign partner. */
public enum AgreementScope {
  NACIONAL,
  INTERNACIONAL
}
