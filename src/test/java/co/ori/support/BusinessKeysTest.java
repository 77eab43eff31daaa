package co.ori.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Business keys on the real (H2) database: cases started at the same moment, each in its own
 * transaction as the engine runs them, get distinct consecutive keys, also for the very first key
 * of a tenant, prefix and year (the row is created by one of them; found in the benchmark, issue 9).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BusinessKeysTest {

  @Autowired
  BusinessKeys businessKeys;

  @Autowired
  PlatformTransactionManager transactions;

  @Test
  void concurrentFirstCasesOfATenantGetDistinctConsecutiveKeys() throws Exception {
    String prefix = "T" + Long.toString(System.nanoTime(), 36).toUpperCase().substring(0, 5);
    int starts = 4;
    CyclicBarrier together = new CyclicBarrier(starts);
    TransactionTemplate transaction = new TransactionTemplate(transactions);
    ExecutorService pool = Executors.newFixedThreadPool(starts);
    try {
      List<Future<String>> keys = new ArrayList<>();
      for (int i = 0; i < starts; i++) {
        keys.add(pool.submit(() -> {
          together.await(10, TimeUnit.SECONDS);
          return transaction.execute(status -> businessKeys.next("cesmag", prefix));
        }));
      }
      List<String> got = new ArrayList<>();
      for (Future<String> key : keys) {
        got.add(key.get(60, TimeUnit.SECONDS));
      }
      int year = Year.now(ZoneId.of("America/Bogota")).getValue();
      assertThat(got).containsExactlyInAnyOrder(prefix + "-" + year + "-0001", prefix + "-" + year + "-0002",
          prefix + "-" + year + "-0003", prefix + "-" + year + "-0004");
    } finally {
      pool.shutdownNow();
    }
    assertThat(businessKeys.next("cesmag", prefix)).endsWith("-0005");
  }
}
