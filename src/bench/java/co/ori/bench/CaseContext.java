package co.ori.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;

/**
 * One case being driven by one simulated user thread: the engine, the case's ids, free state for
 * the driver, and the timed actions. Every action is one engine call (one transaction) and its
 * duration is recorded under a step name ({@code kind + " " + activity}).
 */
final class CaseContext {

  private final ProcessEngine engine;
  private final CaseRunner.Recorder recorder;
  private final int index;
  private String processInstanceId;
  private String businessKey;
  private String tenantId;
  final Map<String, Object> state = new HashMap<>();

  CaseContext(ProcessEngine engine, CaseRunner.Recorder recorder, int index) {
    this.engine = engine;
    this.recorder = recorder;
    this.index = index;
  }

  ProcessEngine engine() {
    return engine;
  }

  int index() {
    return index;
  }

  String processInstanceId() {
    return processInstanceId;
  }

  String businessKey() {
    return businessKey;
  }

  String tenantId() {
    return tenantId;
  }

  /** Starts the case (timed as step "start"). */
  String start(ProcessInstantiationBuilder builder) {
    ProcessInstance instance = timed("start", "start", builder::execute);
    processInstanceId = instance.getId();
    businessKey = instance.getBusinessKey();
    tenantId = instance.getTenantId();
    return processInstanceId;
  }

  /** Correlates a message to this case by business key (step "message"). */
  void correlate(String message, Map<String, Object> variables) {
    timed("message", message, () -> engine.getRuntimeService().createMessageCorrelation(message)
        .processInstanceId(processInstanceId).setVariables(variables).correlateWithResult());
  }

  /**
   * Lets the timer of {@code activityId} come due now: executes its job as the job executor
   * would when its due date is reached (step "timer").
   */
  void fireTimer(String activityId) {
    Job job = engine.getManagementService().createJobQuery().processInstanceId(processInstanceId)
        .activityId(activityId).timers().singleResult();
    if (job == null) {
      throw new IllegalStateException(businessKey + ": no timer at " + activityId);
    }
    timed("timer", activityId, () -> {
      engine.getManagementService().executeJob(job.getId());
      return null;
    });
  }

  boolean hasTimer(String activityId) {
    return engine.getManagementService().createJobQuery().processInstanceId(processInstanceId)
        .activityId(activityId).timers().count() > 0;
  }

  boolean hasMessageSubscription(String message) {
    return engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(processInstanceId)
        .eventType("message").eventName(message).count() > 0;
  }

  /**
   * Runs one engine call and records its duration. A call that lost a database conflict with a
   * concurrent one (optimistic locking, lock wait timeout, concurrent first insert of a counter row)
   * was rolled back by the engine: like a user pressing the button again, it is repeated (at most
   * 5 times), the conflict is counted and the recorded duration includes the failed attempts.
   */
  <T> T timed(String kind, String step, Supplier<T> action) {
    long t0 = System.nanoTime();
    for (int attempt = 1; ; attempt++) {
      try {
        T result = action.get();
        recorder.record(kind, step, System.nanoTime() - t0);
        return result;
      } catch (RuntimeException e) {
        if (attempt >= 5 || !isLockConflict(e)) {
          throw e;
        }
        recorder.conflict(kind + " " + step);
      }
    }
  }

  private static boolean isLockConflict(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String name = t.getClass().getSimpleName();
      String message = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
      if (name.contains("OptimisticLocking") || name.contains("Timeout") || name.contains("DuplicateKey")
          || message.contains("lock") || message.contains("concurrent update")) {
        return true;
      }
    }
    return false;
  }
}
