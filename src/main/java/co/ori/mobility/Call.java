package co.ori.mobility;

import java.time.LocalDate;
import java.util.Map;

/**
 * One call for mobility applications (convocatoria) of the call registry
 * ({@code procedures.md} §0.3 "Cross-process data stores" 3; contract "Registries"). A mobility
 * start refers to a call by {@code callId}. JSON field names are the contract's; dates are ISO
 * {@code yyyy-MM-dd}.
 *
 * @param id registry id, generated ({@code CALL-<year>-<seq>}) when not given
 * @param tenantId owning tenant (from the path; may be omitted in requests)
 * @param hostInstitution institution receiving the mobile students or staff
 * @param hostCountry host's country (Spanish name, e.g. "México")
 * @param targetPeriod academic period of the mobility, {@code YYYY-1} or {@code YYYY-2}
 * @param places places offered (cupos/plazas), 0 or more
 * @param openingDate first day applications are accepted (inclusive)
 * @param closingDate last day applications are accepted (inclusive), not before {@code openingDate}
 * @param agreementId the agreement of the registry the call is made under, or null (e.g. free movers)
 * @param nominationDeadline date by which the office must nominate to the host, or null
 * @param description free text shown to applicants, or null
 * @param overrides call-specific exceptions to the eligibility rules (JSON object), or null
 */
public record Call(
    String id,
    String tenantId,
    String hostInstitution,
    String hostCountry,
    String targetPeriod,
    Integer places,
    LocalDate openingDate,
    LocalDate closingDate,
    String agreementId,
    LocalDate nominationDeadline,
    String description,
    Map<String, Object> overrides) {

  /**
   * True when applications are accepted on this date: {@code openingDate <= date <= closingDate}.
   */
  public boolean acceptsApplicationsOn(LocalDate date) {
    return !date.isBefore(openingDate) && !date.isAfter(closingDate);
  }
}
