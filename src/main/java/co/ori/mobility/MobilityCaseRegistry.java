package co.ori.mobility;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The mobility case registry ({@link MobilityCase}); per tenant. Implemented on table
 * {@code mobility_case} by {@link JdbcMobilityCaseRegistry}.
 */
public interface MobilityCaseRegistry {

  /**
   * Registers the case or replaces every field of an existing one with the same id (a case that
   * runs its intake again after a postponement), keeping {@code createdAt}.
   *
   * @param mobilityCase the case; {@code tenantId}, {@code id}, {@code processKey},
   *     {@code direction}, {@code personId} and {@code status} are required
   * @return the stored case
   * @throws IllegalArgumentException when a required field is missing
   */
  MobilityCase save(MobilityCase mobilityCase);

  /**
   * Changes the status of a case.
   *
   * @throws java.util.NoSuchElementException when there is no such case
   */
  MobilityCase updateStatus(String tenantId, String id, MobilityCase.Status status);

  /** The case, if registered. */
  Optional<MobilityCase> findById(String tenantId, String id);

  /**
   * Cases of the tenant, oldest first, filtered by the non-null arguments.
   *
   * @param targetPeriod {@code YYYY-1}/{@code YYYY-2}, or null for every period
   * @param direction direction, or null for both
   */
  List<MobilityCase> find(String tenantId, String targetPeriod, MobilityCase.Direction direction);

  /**
   * Cases of one person in one period and direction whose status is in {@code statuses},
   * excluding {@code excludeId} (the case asking). UN-SO-08 counts every application
   * (003 Parte 1 §1.d, §9 Q18); UN-SO-09 only {@link MobilityCase.Status#ACCEPTED_OR_LATER}.
   */
  List<MobilityCase> findByPerson(String tenantId, String personId, String targetPeriod,
      MobilityCase.Direction direction, Collection<MobilityCase.Status> statuses, String excludeId);

  /** Cases under one agreement (optionally one period), for reciprocity balances (002 art. 18.1; 004 art. 31). */
  List<MobilityCase> findByAgreement(String tenantId, String agreementId, String targetPeriod);
}
