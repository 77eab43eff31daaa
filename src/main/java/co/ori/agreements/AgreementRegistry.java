package co.ori.agreements;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The agreement registry ({@code procedures.md} §2.a.4): application table {@code agreement},
 * scoped by tenant. Used by the REST API ({@code /api/tenants/{tenant}/agreements}) and by the
 * {@code agreement-formalization} process, whose steps move an agreement through
 * {@link AgreementStatus}.
 */
public interface AgreementRegistry {

  /** Every agreement of the tenant, ordered by id. */
  List<Agreement> findAll(String tenantId);

  /** The agreement with this id in this tenant. */
  Optional<Agreement> findById(String tenantId, String id);

  /**
   * Registers an agreement that already exists on paper (status {@code ACTIVE} unless the
   * given one says otherwise); the id is generated when null.
   *
   * @return the stored row
   * @throws RegistryValidationException naming the field when a required field is missing or invalid
   *     (validUntil before validFrom, unknown enum) or the id already exists
   */
  Agreement register(String tenantId, Agreement agreement);

  /**
   * Registers many agreements in one transaction: all rows or none.
   *
   * @throws RegistryValidationException listing every bad row by its line number
   */
  List<Agreement> registerAll(String tenantId, List<Agreement> agreements);

  /**
   * Creates the registry row of a new formalization request (status {@code REQUESTED}, step A2).
   * The id is the case's business key.
   */
  Agreement createRequest(String tenantId, Agreement request);

  /**
   * Moves an agreement to a new status.
   *
   * @throws RegistryValidationException when no agreement has this id in this tenant
   */
  void updateStatus(String tenantId, String id, AgreementStatus status);

  /**
   * Records signature and validity (step A13) without changing the status.
   *
   * @param validUntil last day in force, inclusive; null when indefinite
   */
  void recordValidity(String tenantId, String id, LocalDate signedDate, LocalDate validFrom,
      LocalDate validUntil, boolean indefinite, boolean autoRenewal);
}
