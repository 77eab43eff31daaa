package co.ori.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Start-up work of two nodes does not interleave. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ClusterLockTest {

  @Autowired ClusterLock lock;

  @Test
  void aSecondCallerWaitsUntilTheFirstHasCommitted() throws Exception {
    CountDownLatch firstInside = new CountDownLatch(1);
    AtomicLong firstEnd = new AtomicLong();
    AtomicReference<Throwable> firstError = new AtomicReference<>();
    Thread first = new Thread(() -> {
      try {
        lock.runExclusively(() -> {
          firstInside.countDown();
          sleep(400);
          firstEnd.set(System.nanoTime());
        });
      } catch (Throwable e) {
        firstError.set(e);
      }
    });
    first.start();
    assertThat(firstInside.await(10, TimeUnit.SECONDS)).isTrue();

    AtomicLong secondStart = new AtomicLong();
    lock.runExclusively(() -> secondStart.set(System.nanoTime()));
    first.join();

    assertThat(firstError.get()).isNull();
    assertThat(secondStart.get()).as("second caller ran inside the first one's lock")
        .isGreaterThan(firstEnd.get());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
