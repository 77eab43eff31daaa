package co.ori.mobility;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * One student-mobility case in the mobility case registry (table {@code mobility_case},
 * {@code db/migration/V5__mobility_cases.sql}): the office's list of applications and mobilities,
 * kept up to date by the processes {@code student-outgoing-mobility}, {@code student-incoming-mobility}
 * and {@code free-mover} through {@link MobilityCaseLifecycle}. Eligibility reads it for the UNAL
 * limits (003 Parte 1 §1.d: UN-SO-08, UN-SO-09); reports read it for reciprocity (002 art. 18.1;
 * 004 art. 31) and the office statistics.
 *
 * @param tenantId institution
 * @param id the case's business key
 * @param processInstanceId the running or ended process instance
 * @param processKey the procedure's process key
 * @param direction {@code OUTGOING} or {@code INCOMING}
 * @param freeMover true for a UNAL free-mover case (003 Parte 3), outside an agreement
 * @param personId the student's document number (same id the bans registry uses)
 * @param personName full name
 * @param programName the student's programme (home programme when outgoing, host programme when incoming)
 * @param programLevel {@code TECNICO} … {@code DOCTORADO}
 * @param mobilityType CESMAG {@code category}, UNAL {@code unalModality} or UFPS {@code ufpsType}
 * @param partnerInstitution the other institution: host when outgoing, home when incoming
 * @param partnerCountry its country
 * @param scope {@code REGIONAL}, {@code NACIONAL} or {@code INTERNACIONAL}
 * @param modality {@code PRESENCIAL}, {@code VIRTUAL} or {@code HIBRIDA}
 * @param agreementId agreement registry id, or null (free mover, no agreement)
 * @param callId call registry id, or null
 * @param targetPeriod academic period {@code YYYY-1}/{@code YYYY-2}
 * @param startDate first day of the stay
 * @param endDate last day of the stay (inclusive)
 * @param supportProgram UFPS support programme or null
 * @param status where the case is
 * @param createdAt when the case was registered
 * @param updatedAt last change
 */
public record MobilityCase(
    String tenantId,
    String id,
    String processInstanceId,
    String processKey,
    Direction direction,
    boolean freeMover,
    String personId,
    String personName,
    String programName,
    String programLevel,
    String mobilityType,
    String partnerInstitution,
    String partnerCountry,
    String scope,
    String modality,
    String agreementId,
    String callId,
    String targetPeriod,
    LocalDate startDate,
    LocalDate endDate,
    String supportProgram,
    Status status,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  /** Direction of the mobility seen from the tenant (002 art. 5.2). */
  public enum Direction { OUTGOING, INCOMING }

  /** Where a case is. */
  public enum Status {
    /** Application received, being evaluated or reviewed. */
    APPLIED,
    /** Ended: eligibility rules failed (§3). */
    NOT_ELIGIBLE,
    /** Ended: refused by the academic endorsement or not admitted by the host. */
    REJECTED,
    /** Ended: documents incomplete or late (003 Parte 1 §2.8; 004 art. 44). */
    DISCONTINUED,
    /** Ended: the student cancelled before acceptance (003 Parte 1 §2.12). */
    CANCELLED,
    /** Ended here: UNAL host without an agreement in force, continued as free mover (003 Parte 3 §3). */
    ROUTED_TO_FREE_MOVER,
    /** Admitted by the host (outgoing) or by the tenant (incoming); not yet started. */
    ACCEPTED,
    /** The stay is under way. */
    IN_PROGRESS,
    /** Ended: the mobility took place (recognized or grades sent). */
    COMPLETED,
    /** Ended: withdrawal or interruption (§2.h.4, §6). */
    WITHDRAWN;

    /** Statuses of a mobility that was accepted and counts as "the" mobility of its period (UN-SO-09). */
    public static final Set<Status> ACCEPTED_OR_LATER = EnumSet.of(ACCEPTED, IN_PROGRESS, COMPLETED);
  }
}
