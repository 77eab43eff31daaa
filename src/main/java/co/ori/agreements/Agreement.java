package co.ori.agreements;

import java.time.LocalDate;

/**
 * One row of the agreement registry (base de datos de convenios y alianzas,
 * {@code procedures.md} §2.a.4; 000 §5.1). JSON field names are the contract's.
 *
 * @param id registry id; for agreements formalized by the process it is the case's business key
 *     ({@code AGR-2026-0001}), for agreements registered over REST it is generated
 * @param tenantId owning tenant
 * @param instrumentType convenio marco, específico or alianza
 * @param specificPurpose for {@code CONVENIO_ESPECIFICO}: {@code MOVILIDAD}, {@code INVESTIGACION},
 *     {@code CULTURAL}, {@code OTRO}; otherwise null
 * @param parentAgreementId the convenio marco a específico executes, or null
 * @param renewalOf id of the agreement this one renews, or null
 * @param partnerName partner institution or organization
 * @param partnerCountry partner's country (Spanish name, e.g. "Colombia", "México")
 * @param partnerCity partner's city, or null
 * @param scope {@code NACIONAL} or {@code INTERNACIONAL}
 * @param responsibleUnit requesting faculty/centre (or CINI), or null
 * @param signedDate date of signature, null until signed
 * @param validFrom first day in force (inclusive), null until signed
 * @param validUntil last day in force (inclusive); null when {@code indefinite}
 * @param indefinite true when the agreement has no end date
 * @param autoRenewal true when the agreement renews itself for the original term
 * @param status registry status
 * @param mobilityPlacesPerPeriod mobility places per academic period (UNAL plazas, UFPS cupos), or null
 * @param network true for a network membership (e.g. Partners of the Americas)
 * @param processInstanceId the formalization case that produced it, or null
 */
public record Agreement(
    String id,
    String tenantId,
    InstrumentType instrumentType,
    String specificPurpose,
    String parentAgreementId,
    String renewalOf,
    String partnerName,
    String partnerCountry,
    String partnerCity,
    AgreementScope scope,
    String responsibleUnit,
    LocalDate signedDate,
    LocalDate validFrom,
    LocalDate validUntil,
    boolean indefinite,
    boolean autoRenewal,
    AgreementStatus status,
    Integer mobilityPlacesPerPeriod,
    boolean network,
    String processInstanceId) {}
