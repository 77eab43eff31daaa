package co.ori.mobility;

import co.ori.agreements.RegistryValidationException;
import java.util.List;
import java.util.Optional;

/**
 * The call registry (convocatorias, {@code procedures.md} §0.3): application table
 * {@code mobility_call}, scoped by tenant. Used by the REST API
 * ({@code /api/tenants/{tenant}/calls}) and by the mobility processes, whose start variable
 * {@code callId} names a call.
 */
public interface CallRegistry {

  /** Every call of the tenant, ordered by id. */
  List<Call> findAll(String tenantId);

  /** The call with this id in this tenant. */
  Optional<Call> findById(String tenantId, String id);

  /**
   * Registers a call; the id is generated when null.
   *
   * <p>Required: {@code hostInstitution}, {@code hostCountry}, {@code targetPeriod}
   * ({@code YYYY-1}/{@code YYYY-2}), {@code places} (≥ 0), {@code openingDate},
   * {@code closingDate} (not before {@code openingDate}). Optional: {@code agreementId} (must
   * exist in the tenant's agreement registry), {@code nominationDeadline} (not before
   * {@code openingDate}), {@code description}, {@code overrides}.
   *
   * @return the stored row
   * @throws RegistryValidationException naming each missing or invalid field, or when the id
   *     already exists
   */
  Call register(String tenantId, Call call);
}
