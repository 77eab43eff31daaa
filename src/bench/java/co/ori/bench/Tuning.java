package co.ori.bench;

import java.util.List;

/**
 * Job executor and connection pool settings of every engine the benchmark starts (in-process
 * and packaged-jar nodes), derived from the machine as Camunda's performance guidance suggests
 * (docs.camunda.io, "Performance tuning Camunda 7"; docs.camunda.org "The Job Executor"):
 *
 * <ul>
 *   <li>job executor threads ≈ cores × 1.5 (core = max pool size, so the pool never grows or
 *       shrinks during a run);</li>
 *   <li>jobs per acquisition = threads and queue capacity = threads: one acquisition fills the
 *       pool and the queue, so a thread never waits for the next acquisition cycle while jobs are
 *       due;</li>
 *   <li>acquisition back-off (50 ms, at most 1 s) so that several nodes acquiring the same jobs
 *       back off after an optimistic-locking conflict instead of fighting (cluster guidance);</li>
 *   <li>connection pool ≥ job threads + acquisition thread + request/user threads + margin.</li>
 * </ul>
 *
 * @param cores available processors
 * @param jobThreads job executor threads (core and max pool size)
 * @param jobsPerAcquisition {@code max-jobs-per-acquisition}
 * @param queueCapacity job executor queue capacity
 * @param backoffMillis acquisition back-off start, milliseconds
 * @param maxBackoffMillis acquisition back-off limit, milliseconds
 * @param poolSize Hikari {@code maximum-pool-size} (connections per node)
 */
record Tuning(int cores, int jobThreads, int jobsPerAcquisition, int queueCapacity, int backoffMillis,
    int maxBackoffMillis, int poolSize) {

  static Tuning forMachine(int simulatedUsers) {
    int cores = Runtime.getRuntime().availableProcessors();
    int threads = Math.max(2, (int) Math.round(cores * 1.5));
    return new Tuning(cores, threads, threads, threads, 50, 1000, Math.max(10, threads + 1 + simulatedUsers + 2));
  }

  /** Spring Boot arguments applying these settings (command line: highest precedence). */
  List<String> springArgs() {
    return List.of(
        "--camunda.bpm.job-execution.enabled=true",
        "--camunda.bpm.job-execution.core-pool-size=" + jobThreads,
        "--camunda.bpm.job-execution.max-pool-size=" + jobThreads,
        "--camunda.bpm.job-execution.queue-capacity=" + queueCapacity,
        "--camunda.bpm.job-execution.max-jobs-per-acquisition=" + jobsPerAcquisition,
        "--camunda.bpm.job-execution.backoff-time-in-millis=" + backoffMillis,
        "--camunda.bpm.job-execution.max-backoff=" + maxBackoffMillis,
        "--spring.datasource.hikari.maximum-pool-size=" + poolSize,
        // the history cleanup window (22:00-05:00) must not start a cleanup job during a run
        "--camunda.bpm.generic-properties.properties.historyCleanupEnabled=false");
  }

  String describe() {
    return cores + " cores: job executor " + jobThreads + " threads (cores x 1.5), "
        + jobsPerAcquisition + " jobs per acquisition, queue " + queueCapacity + ", back-off "
        + backoffMillis + "-" + maxBackoffMillis + " ms; connection pool " + poolSize + " per node";
  }
}
