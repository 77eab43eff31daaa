package co.ori.mobility;

import co.ori.agreements.RegistryValidationException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The bans registry {@code mobility-bans} ({@code procedures.md} §6.4): application table
 * {@code mobility_ban}, scoped by tenant. The withdrawal and sanction steps of the mobility
 * processes (§6.1–6.3) record bans; eligibility checks ask {@link #isBanned}; the REST API
 * ({@code GET /api/tenants/{tenant}/bans?personId=…}) lists them.
 */
public interface BanRegistry {

  /**
   * Records a ban. The id and {@code createdAt} are set by the registry.
   *
   * <p>Required: {@code personId}, {@code scope}. Either {@code bannedPeriods} (each
   * {@code YYYY-1}/{@code YYYY-2}) or {@code banUntil} or neither (open-ended), never both.
   * {@code liftedAt}/{@code liftReason} must be empty.
   *
   * @return the stored row
   * @throws RegistryValidationException naming each missing or invalid field
   */
  Ban record(String tenantId, Ban ban);

  /**
   * Lifts a ban now (e.g. the teacher delivered the overdue report, 002 art. 36 par. 1): it stays
   * in the registry with {@code liftedAt} set and no longer applies.
   *
   * @param liftReason Spanish explanation, or null
   * @return the updated row
   * @throws RegistryValidationException when the tenant has no ban with this id or it is already lifted
   */
  Ban lift(String tenantId, String banId, String liftReason);

  /** The ban with this id in this tenant. */
  Optional<Ban> findById(String tenantId, String banId);

  /**
   * Bans of the tenant, active and lifted, oldest first.
   *
   * @param personId only this person's bans; null for all
   */
  List<Ban> find(String tenantId, String personId);

  /**
   * The bans of a person that bar an application of the given scope on the given date or period
   * ({@link Ban#applies}): active, same scope, and {@code period} among {@code bannedPeriods}, or
   * {@code date < banUntil}, or open-ended. Scopes are matched exactly: a caller that is also
   * barred by another scope (e.g. {@code EXCHANGE_PERMANENT} for an exchange) asks for each.
   *
   * @param date the application's date, or null to check periods only
   * @param period the submission or target period ({@code YYYY-n}), or null to check dates only;
   *     §6.4 rejects an application when either its submission or its target period is banned,
   *     so callers ask for both
   */
  List<Ban> bansInForce(String tenantId, String personId, Ban.Scope scope, LocalDate date, String period);

  /**
   * True when {@link #bansInForce} finds at least one ban.
   *
   * @see #bansInForce(String, String, Ban.Scope, LocalDate, String)
   */
  default boolean isBanned(String tenantId, String personId, Ban.Scope scope, LocalDate date,
      String period) {
    return !bansInForce(tenantId, personId, scope, date, period).isEmpty();
  }
}
