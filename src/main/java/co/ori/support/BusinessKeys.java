package co.ori.support;

import java.time.Year;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Business keys of the cases, {@code <PREFIX>-<year>-<sequence>} (e.g. {@code AGR-2026-0007},
 * {@code procedures.md} §2.a.2 A1), numbered per tenant, prefix and year (America/Bogota) from the
 * {@code business_key_sequence} table. The sequence row is updated in the engine's transaction,
 * so a start that is rolled back does not consume a number. The first key of a tenant, prefix and
 * year creates the row; two cases started at that same moment both try, and the one that loses
 * the race (unique key) goes on with the row the other created, inside a savepoint so the
 * engine's transaction is not spoiled (PostgreSQL aborts a transaction on a failed statement).
 */
@Component("businessKeys")
public class BusinessKeys {

  private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");

  private final JdbcClient jdbc;
  private final TransactionTemplate savepoint;

  /**
   * @param jdbc the application's data source (the engine's, so it joins the engine's transaction)
   * @param transactions the Spring transaction manager the engine uses; a NESTED template on it
   *     sets a savepoint on the same connection
   */
  public BusinessKeys(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /**
   * Used as a process {@code start} listener: {@code ${businessKeys.assign(execution, 'AGR')}}.
   * Keeps a business key given by the caller; otherwise sets the next one of the tenant.
   *
   * @return the case's business key
   */
  public String assign(DelegateExecution execution, String prefix) {
    String given = execution.getProcessBusinessKey();
    if (given != null && !given.isBlank()) {
      return given;
    }
    String key = next(execution.getTenantId(), prefix);
    execution.setProcessBusinessKey(key);
    return key;
  }

  /**
   * The next business key of a tenant and prefix for the current year.
   *
   * @param tenantId tenant id, or null for cases without tenant
   * @param prefix upper-case prefix, e.g. {@code AGR}
   */
  public String next(String tenantId, String prefix) {
    String tenant = tenantId == null ? "" : tenantId;
    int year = Year.now(BOGOTA).getValue();
    int updated = jdbc.sql("UPDATE business_key_sequence SET last_value = last_value + 1 "
            + "WHERE tenant_id = :tenant AND prefix = :prefix AND seq_year = :year")
        .param("tenant", tenant).param("prefix", prefix).param("year", year)
        .update();
    if (updated == 0) {
      try {
        savepoint.executeWithoutResult(status -> jdbc.sql(
                "INSERT INTO business_key_sequence (tenant_id, prefix, seq_year, last_value) "
                + "VALUES (:tenant, :prefix, :year, 0)")
            .param("tenant", tenant).param("prefix", prefix).param("year", year)
            .update());
      } catch (DuplicateKeyException createdByAnotherCase) {
        // the other case created the row at the same moment: number from it (expected race)
      }
      updated = jdbc.sql("UPDATE business_key_sequence SET last_value = last_value + 1 "
              + "WHERE tenant_id = :tenant AND prefix = :prefix AND seq_year = :year")
          .param("tenant", tenant).param("prefix", prefix).param("year", year)
          .update();
      if (updated != 1) {
        throw new IllegalStateException("business_key_sequence row missing for " + tenant + "/" + prefix + "/" + year);
      }
    }
    int value = jdbc.sql("SELECT last_value FROM business_key_sequence "
            + "WHERE tenant_id = :tenant AND prefix = :prefix AND seq_year = :year")
        .param("tenant", tenant).param("prefix", prefix).param("year", year)
        .query(Integer.class).single();
    return String.format("%s-%d-%04d", prefix, year, value);
  }
}
