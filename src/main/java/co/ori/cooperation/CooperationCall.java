package co.ori.cooperation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One row of the calls matrix of the Alcaldía de Pasto (matriz de convocatorias,
 * {@code procedures.md} §1.2, §2.b; 001 tasks 1, 2, 6, 7), as {@code GET
 * /api/tenants/{tenant}/calls} returns it for a tenant running {@code pasto-cooperation-strategy}.
 * The contract's call-registry names are kept where they apply ({@code id},
 * {@code hostInstitution}, {@code hostCountry}, {@code openingDate}, {@code closingDate});
 * {@code targetPeriod} and {@code places} do not apply to cooperation calls and are absent.
 * Dates are ISO {@code yyyy-MM-dd}; enums are their names.
 *
 * @param id the case's business key, {@code COOP-<year>-<seq>}
 * @param tenantId owning tenant
 * @param title call title ({@code callTitle})
 * @param hostInstitution the cooperating organization or offeror ({@code cooperant})
 * @param hostCountry the cooperant's country ({@code cooperantCountry}), or null
 * @param infoSource where the call was found: {@code INTERNET}, {@code COOPERANT_BULLETIN},
 *     {@code APC}, {@code EMAIL}, {@code OTHER}
 * @param callUrl link to the call, or null
 * @param openingDate first day of the call, or null when unknown
 * @param closingDate closing date of the call (fecha de cierre)
 * @param resourcesAmount amount of the resources offered, 0 or more, in {@code currency}
 * @param currency ISO 4217 code of the resources, e.g. {@code COP}, {@code USD}
 * @param eligibleActors actors who may apply (actores)
 * @param expectedImpact expected impact (impacto)
 * @param supportType {@code FINANCING}, {@code TECHNICAL_ASSISTANCE} or {@code BOTH}
 * @param priorityScore priority 1 (low) to 5 (high)
 * @param requestOrigin who asked for calls like it ({@code DEPENDENCY}, {@code CIVIL_SOCIETY},
 *     {@code OFFICE}), or null
 * @param status where the call is in the matrix
 * @param outcome how the case ended, null while it runs
 * @param outcomeNotes the reason recorded with the outcome (head's notes, non-participation
 *     reasons, cooperant's answer, results), or null
 * @param leadDependency the dependency or organization that applies with the office, or null
 * @param submissionChannel {@code EMAIL}, {@code POSTAL} or {@code PLATFORM} once submitted
 * @param submissionRef filing receipt (radicado) once submitted
 * @param submissionDate day of the submission
 * @param businessKey the case's business key (same as {@code id}), for message correlation
 * @param processInstanceId the process instance that keeps the row
 * @param updatedAt last change of the row
 */
public record CooperationCall(
    String id,
    String tenantId,
    String title,
    String hostInstitution,
    String hostCountry,
    String infoSource,
    String callUrl,
    LocalDate openingDate,
    LocalDate closingDate,
    BigDecimal resourcesAmount,
    String currency,
    String eligibleActors,
    String expectedImpact,
    String supportType,
    Integer priorityScore,
    String requestOrigin,
    CooperationCallStatus status,
    CooperationOutcome outcome,
    String outcomeNotes,
    String leadDependency,
    String submissionChannel,
    String submissionRef,
    LocalDate submissionDate,
    String businessKey,
    String processInstanceId,
    OffsetDateTime updatedAt) {}
