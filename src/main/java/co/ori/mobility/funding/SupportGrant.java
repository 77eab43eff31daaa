package co.ori.mobility.funding;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A complementary economic support approved by the UFPS Comité Administrativo (004 art. 30), table
 * {@code ufps_support_grant} ({@code db/migration/V7__ufps_support_grants.sql}).
 *
 * @param tenantId institution
 * @param id the support case's business key
 * @param processInstanceId the {@code ufps-financial-support} instance
 * @param personId the student's document number (same id as the bans registry)
 * @param personName full name
 * @param supportProgram programme (004 art. 24)
 * @param direction {@code OUTGOING} or {@code INCOMING}
 * @param scope {@code NACIONAL} or {@code INTERNACIONAL}
 * @param mobilityType UFPS {@code ufpsType}, or null
 * @param semesterInternational outgoing international semester mobility: counts for U8 (art. 32 par. 2)
 * @param targetPeriod {@code YYYY-n}, or null
 * @param agreementId agreement registry id, or null
 * @param partnerCountry host (outgoing) or home (incoming) country
 * @param region region of the Beca UFPS table (DMN {@code ufps-support-region})
 * @param supportStart first day of the support period (art. 33)
 * @param supportEnd last day (inclusive); never extended (art. 47 par.)
 * @param approvedAmount pesos approved
 * @param paidAmount pesos paid so far
 * @param status where the support is
 * @param lossCause numeral of art. 34 when lost, else null
 * @param refundAmount pesos to refund (U2, art. 19 par. 2), or null
 * @param refundRef the refund order, or null
 */
public record SupportGrant(String tenantId, String id, String processInstanceId, String personId,
    String personName, String supportProgram, String direction, String scope, String mobilityType,
    boolean semesterInternational, String targetPeriod, String agreementId, String partnerCountry,
    String region, LocalDate supportStart, LocalDate supportEnd, BigDecimal approvedAmount,
    BigDecimal paidAmount, Status status, Integer lossCause, BigDecimal refundAmount, String refundRef) {

  /** Where a support is. */
  public enum Status {
    /** Approved; instalments being paid. */
    GRANTED,
    /** Every instalment paid; closed (F10). */
    PAID,
    /** Lost by a cause of art. 34; pending instalments cancelled. */
    LOST,
    /** The mobility was withdrawn (the calling procedure interrupted the support); pending instalments cancelled. */
    WITHDRAWN
  }
}
