package co.ori.mobility.funding;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The register of approved UFPS supports and their instalments (tables {@code ufps_support_grant}
 * and {@code ufps_support_payment}, {@code db/migration/V7__ufps_support_grants.sql}), through
 * Spring's {@link JdbcClient}. Runs in the caller's transaction (the engine's): a rolled-back step
 * leaves nothing behind. Amounts are pesos.
 */
@Repository
public class JdbcSupportGrantRegistry {

  private static final String COLUMNS = "tenant_id, id, process_instance_id, person_id, person_name, "
      + "support_program, direction, scope, mobility_type, semester_international, target_period, "
      + "agreement_id, partner_country, region, support_start, support_end, approved_amount, paid_amount, "
      + "status, loss_cause, refund_amount, refund_ref";

  private final JdbcClient jdbc;

  /** @param jdbc the application's data source */
  public JdbcSupportGrantRegistry(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records an approved support and its instalments (status GRANTED, payments SCHEDULED), replacing
   * an earlier record with the same id.
   */
  public void grant(SupportGrant g, List<SupportSchedule.Instalment> instalments) {
    jdbc.sql("DELETE FROM ufps_support_grant WHERE tenant_id = :tenant AND id = :id")
        .param("tenant", g.tenantId()).param("id", g.id()).update();
    OffsetDateTime now = now();
    jdbc.sql("INSERT INTO ufps_support_grant (" + COLUMNS + ", created_at, updated_at) VALUES (:tenant, :id, "
            + ":pi, :personId, :personName, :program, :direction, :scope, :type, :semester, :period, "
            + ":agreementId, :country, :region, :start, :end, :approved, 0, 'GRANTED', NULL, NULL, NULL, "
            + ":now, :now)")
        .param("tenant", g.tenantId()).param("id", g.id()).param("pi", g.processInstanceId())
        .param("personId", g.personId()).param("personName", cut(g.personName(), 300))
        .param("program", g.supportProgram()).param("direction", g.direction()).param("scope", g.scope())
        .param("type", g.mobilityType()).param("semester", g.semesterInternational())
        .param("period", g.targetPeriod()).param("agreementId", g.agreementId())
        .param("country", cut(g.partnerCountry(), 100)).param("region", g.region())
        .param("start", g.supportStart()).param("end", g.supportEnd()).param("approved", g.approvedAmount())
        .param("now", now)
        .update();
    for (SupportSchedule.Instalment i : instalments) {
      jdbc.sql("INSERT INTO ufps_support_payment (tenant_id, grant_id, number, concept, due_date, covered_from, "
              + "covered_to, month_fraction, smmlv_year, smmlv, amount, status) VALUES (:tenant, :grant, :number, "
              + ":concept, :due, :from, :to, :fraction, :year, :smmlv, :amount, 'SCHEDULED')")
          .param("tenant", g.tenantId()).param("grant", g.id()).param("number", i.number())
          .param("concept", i.concept().name()).param("due", i.dueDate()).param("from", i.coveredFrom())
          .param("to", i.coveredTo()).param("fraction", i.monthFraction()).param("year", i.smmlvYear())
          .param("smmlv", i.smmlv()).param("amount", i.amount())
          .update();
    }
  }

  /**
   * Marks an instalment paid and adds it to the grant's paid amount.
   *
   * @return the instalment's amount (pesos)
   * @throws NoSuchElementException when the instalment is not SCHEDULED
   */
  public BigDecimal markPaid(String tenantId, String grantId, int number, LocalDate paidOn, String paymentRef) {
    BigDecimal amount = jdbc.sql("SELECT amount FROM ufps_support_payment WHERE tenant_id = :tenant "
            + "AND grant_id = :grant AND number = :number AND status = 'SCHEDULED'")
        .param("tenant", tenantId).param("grant", grantId).param("number", number)
        .query(BigDecimal.class).optional()
        .orElseThrow(() -> new NoSuchElementException("La cuota " + number + " del apoyo " + grantId
            + " no está programada"));
    jdbc.sql("UPDATE ufps_support_payment SET status = 'PAID', paid_on = :paidOn, payment_ref = :ref "
            + "WHERE tenant_id = :tenant AND grant_id = :grant AND number = :number")
        .param("paidOn", paidOn).param("ref", cut(paymentRef, 1000))
        .param("tenant", tenantId).param("grant", grantId).param("number", number).update();
    jdbc.sql("UPDATE ufps_support_grant SET paid_amount = paid_amount + :amount, updated_at = :now "
            + "WHERE tenant_id = :tenant AND id = :grant")
        .param("amount", amount).param("now", now()).param("tenant", tenantId).param("grant", grantId).update();
    return amount;
  }

  /**
   * Ends a support that is still GRANTED: its SCHEDULED instalments become CANCELLED (payments
   * stop) and its status becomes {@code status}.
   *
   * @param lossCause numeral of art. 34, or null
   * @return true when a GRANTED support was ended, false when there was none (not approved yet or
   *     already closed)
   */
  public boolean stop(String tenantId, String grantId, SupportGrant.Status status, Integer lossCause) {
    int rows = jdbc.sql("UPDATE ufps_support_grant SET status = :status, loss_cause = :cause, updated_at = :now "
            + "WHERE tenant_id = :tenant AND id = :id AND status = 'GRANTED'")
        .param("status", status.name()).param("cause", lossCause).param("now", now())
        .param("tenant", tenantId).param("id", grantId).update();
    if (rows == 0) {
      return false;
    }
    jdbc.sql("UPDATE ufps_support_payment SET status = 'CANCELLED' WHERE tenant_id = :tenant "
            + "AND grant_id = :grant AND status = 'SCHEDULED'")
        .param("tenant", tenantId).param("grant", grantId).update();
    return true;
  }

  /**
   * Closes a support whose instalments were all paid (F10).
   *
   * @throws NoSuchElementException when the support is not GRANTED or an instalment is unpaid
   */
  public void close(String tenantId, String grantId) {
    Integer open = jdbc.sql("SELECT COUNT(*) FROM ufps_support_payment WHERE tenant_id = :tenant "
            + "AND grant_id = :grant AND status <> 'PAID'")
        .param("tenant", tenantId).param("grant", grantId).query(Integer.class).single();
    if (open != 0) {
      throw new NoSuchElementException("El apoyo " + grantId + " tiene " + open + " cuotas sin pagar");
    }
    int rows = jdbc.sql("UPDATE ufps_support_grant SET status = 'PAID', updated_at = :now "
            + "WHERE tenant_id = :tenant AND id = :id AND status = 'GRANTED'")
        .param("now", now()).param("tenant", tenantId).param("id", grantId).update();
    if (rows == 0) {
      throw new NoSuchElementException("No hay un apoyo en curso con id " + grantId);
    }
  }

  /** Records the refund order of a lost support (U2, 004 art. 19 par. 2). */
  public void recordRefund(String tenantId, String grantId, BigDecimal amount, String ref) {
    int rows = jdbc.sql("UPDATE ufps_support_grant SET refund_amount = :amount, refund_ref = :ref, updated_at = :now "
            + "WHERE tenant_id = :tenant AND id = :id")
        .param("amount", amount).param("ref", cut(ref, 1000)).param("now", now())
        .param("tenant", tenantId).param("id", grantId).update();
    if (rows == 0) {
      throw new NoSuchElementException("No hay un apoyo con id " + grantId);
    }
  }

  /** The support, if recorded. */
  public Optional<SupportGrant> findById(String tenantId, String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM ufps_support_grant WHERE tenant_id = :tenant AND id = :id")
        .param("tenant", tenantId).param("id", id).query(JdbcSupportGrantRegistry::map).optional();
  }

  /**
   * Supports the person already received (paid amount > 0) from UFPS international semester
   * mobility programmes, other than {@code excludeId}: exclusion U8 (004 art. 32 par. 2).
   */
  public List<SupportGrant> receivedSemesterInternational(String tenantId, String personId, String excludeId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM ufps_support_grant WHERE tenant_id = :tenant "
            + "AND person_id = :person AND semester_international = TRUE AND paid_amount > 0 AND id <> :exclude "
            + "ORDER BY created_at, id")
        .param("tenant", tenantId).param("person", personId).param("exclude", excludeId == null ? "" : excludeId)
        .query(JdbcSupportGrantRegistry::map).list();
  }

  /** Instalment statuses of a support, by number ({@code SCHEDULED}, {@code PAID}, {@code CANCELLED}). */
  public List<String> paymentStatuses(String tenantId, String grantId) {
    return jdbc.sql("SELECT status FROM ufps_support_payment WHERE tenant_id = :tenant AND grant_id = :grant "
            + "ORDER BY number")
        .param("tenant", tenantId).param("grant", grantId).query(String.class).list();
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now().truncatedTo(ChronoUnit.MILLIS);
  }

  private static SupportGrant map(ResultSet rs, int row) throws SQLException {
    int cause = rs.getInt("loss_cause");
    Integer lossCause = rs.wasNull() ? null : cause;
    return new SupportGrant(rs.getString("tenant_id"), rs.getString("id"), rs.getString("process_instance_id"),
        rs.getString("person_id"), rs.getString("person_name"), rs.getString("support_program"),
        rs.getString("direction"), rs.getString("scope"), rs.getString("mobility_type"),
        rs.getBoolean("semester_international"), rs.getString("target_period"), rs.getString("agreement_id"),
        rs.getString("partner_country"), rs.getString("region"),
        rs.getObject("support_start", LocalDate.class), rs.getObject("support_end", LocalDate.class),
        rs.getBigDecimal("approved_amount"), rs.getBigDecimal("paid_amount"),
        SupportGrant.Status.valueOf(rs.getString("status")), lossCause, rs.getBigDecimal("refund_amount"),
        rs.getString("refund_ref"));
  }
}
