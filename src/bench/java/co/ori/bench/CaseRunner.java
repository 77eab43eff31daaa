package co.ori.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/**
 * Runs {@code cases} cases of a {@link CaseDriver} with {@code users} simulated users (threads):
 * each user takes the next case and drives it to its end — executes its due jobs (the job
 * executor's work: mails and other asynchronous steps), claims and completes its open tasks with
 * the driver's values, and asks the driver for the outside world when the case only waits. Every
 * engine call is timed. The engine API is called without an authenticated user, as service code.
 */
final class CaseRunner {

  /** Durations by step kind and by step ({@code kind + " " + activity}). */
  static final class Recorder {
    final Map<String, Stats> byKind = new ConcurrentHashMap<>();
    final Map<String, Stats> byStep = new ConcurrentHashMap<>();
    final Stats perCase = new Stats();
    final Map<String, java.util.concurrent.atomic.AtomicInteger> conflicts = new ConcurrentHashMap<>();

    void conflict(String step) {
      conflicts.computeIfAbsent(step, k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
    }

    int conflictCount() {
      return conflicts.values().stream().mapToInt(java.util.concurrent.atomic.AtomicInteger::get).sum();
    }

    void record(String kind, String step, long nanos) {
      byKind.computeIfAbsent(kind, k -> new Stats()).add(nanos);
      byStep.computeIfAbsent(kind + " " + step, k -> new Stats()).add(nanos);
    }

    long steps() {
      return byKind.values().stream().mapToLong(Stats::count).sum();
    }

    double stepMillis() {
      return byKind.values().stream().mapToDouble(Stats::totalMillis).sum();
    }

    Map<String, Stats> sortedSteps() {
      return new TreeMap<>(byStep);
    }
  }

  /** Result of one run. */
  record Run(int cases, double seconds, Recorder recorder) {
    double casesPerSecond() {
      return cases / seconds;
    }

    double stepsPerCase() {
      return (double) recorder.steps() / cases;
    }
  }

  private static final int MAX_ACTIONS_PER_CASE = 1000;

  private final ProcessEngine engine;
  private final int users;

  CaseRunner(ProcessEngine engine, int users) {
    this.engine = engine;
    this.users = users;
  }

  Run run(CaseDriver driver, int firstIndex, int cases) throws Exception {
    Recorder recorder = new Recorder();
    AtomicInteger next = new AtomicInteger(firstIndex);
    int end = firstIndex + cases;
    ExecutorService pool = Executors.newFixedThreadPool(users);
    long t0 = System.nanoTime();
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int u = 0; u < users; u++) {
        work.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < end; i = next.getAndIncrement()) {
            long c0 = System.nanoTime();
            driveCase(driver, new CaseContext(engine, recorder, i));
            recorder.perCase.add(System.nanoTime() - c0);
          }
          return null;
        }));
      }
      for (Future<?> f : work) {
        f.get();
      }
    } finally {
      // no shutdownNow(): interrupting a thread inside H2 closes the database file
      pool.shutdown();
      pool.awaitTermination(10, java.util.concurrent.TimeUnit.MINUTES);
    }
    return new Run(cases, (System.nanoTime() - t0) / 1e9, recorder);
  }

  private void driveCase(CaseDriver driver, CaseContext ctx) {
    String pid = driver.start(ctx, ctx.index());
    ManagementService management = engine.getManagementService();
    TaskService tasks = engine.getTaskService();
    for (int action = 0; action < MAX_ACTIONS_PER_CASE; action++) {
      if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pid).count() == 0) {
        String expected = driver.expectedEnd(ctx.index());
        if (engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pid)
            .activityId(expected).finished().count() == 0) {
          throw new IllegalStateException(ctx.businessKey() + " ended without reaching " + expected + ": "
              + engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pid)
                  .orderByHistoricActivityInstanceStartTime().asc().list().stream()
                  .map(a -> a.getActivityId()).toList());
        }
        return;
      }
      List<Job> due = management.createJobQuery().processInstanceId(pid).executable().list();
      if (!due.isEmpty()) {
        Job job = due.get(0);
        if (job.getExceptionMessage() != null) {
          throw new IllegalStateException(ctx.businessKey() + ": job failed: " + job.getExceptionMessage());
        }
        String activity = activityOf(job);
        ctx.timed("job", activity, () -> {
          management.executeJob(job.getId());
          return null;
        });
        continue;
      }
      List<Task> open = tasks.createTaskQuery().processInstanceId(pid).list();
      if (!open.isEmpty()) {
        Task task = open.get(0);
        Map<String, Object> values = driver.complete(ctx, task);
        ctx.timed("user task", task.getTaskDefinitionKey(), () -> {
          if (task.getAssignee() == null) {
            tasks.claim(task.getId(), "bench-user-" + Thread.currentThread().getId());
          }
          tasks.complete(task.getId(), values);
          return null;
        });
        continue;
      }
      if (!driver.outsideWorld(ctx)) {
        throw new IllegalStateException(ctx.businessKey() + " is stuck at "
            + engine.getRuntimeService().getActiveActivityIds(pid));
      }
    }
    throw new IllegalStateException(ctx.businessKey() + ": more than " + MAX_ACTIONS_PER_CASE + " actions");
  }

  private String activityOf(Job job) {
    String definitionId = job.getJobDefinitionId();
    if (definitionId == null) {
      return job.getId();
    }
    var definition = engine.getManagementService().createJobDefinitionQuery().jobDefinitionId(definitionId)
        .singleResult();
    return definition == null ? "?" : definition.getActivityId()
        + ("async-continuation".equals(definition.getJobType()) ? " (" + definition.getJobConfiguration() + ")" : "");
  }
}
