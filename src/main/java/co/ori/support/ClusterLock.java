package co.ori.support;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Serializes start-up work across the nodes of a cluster (several nodes on one PostgreSQL): the
 * work runs in one Spring transaction that first locks the {@code deployment.lock} row of
 * {@code ACT_GE_PROPERTY}, the row Camunda itself locks for deployments. Engine service calls
 * inside the work join that transaction (each flushes its own changes), so a second node starting
 * at the same moment waits, then finds what the first created: check-then-create code (users,
 * groups, filters) makes no duplicates.
 */
@Component
public class ClusterLock {

  private final TransactionTemplate transaction;
  private final JdbcClient jdbc;

  public ClusterLock(PlatformTransactionManager transactionManager, JdbcClient jdbc) {
    this.transaction = new TransactionTemplate(transactionManager);
    this.jdbc = jdbc;
  }

  /**
   * Runs the work under the lock, in one transaction.
   *
   * @throws RuntimeException whatever the work throws (the transaction is rolled back)
   */
  public void runExclusively(Runnable work) {
    transaction.executeWithoutResult(status -> {
      jdbc.sql("SELECT NAME_ FROM ACT_GE_PROPERTY WHERE NAME_ = 'deployment.lock' FOR UPDATE")
          .query(String.class).list();
      work.run();
    });
  }
}
