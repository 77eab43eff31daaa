package co.ori.bench;

import java.util.Map;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives cases of one process for part 1 ({@link CaseThroughput}) as its users and the outside
 * world would: the start, the values each simulated user submits for a task, and what happens
 * outside the engine while a case waits (a partner's message, a deadline coming due). The
 * {@link CaseRunner} does the rest: it executes due jobs (asynchronous steps such as mails) and
 * hands every open task to {@link #complete}.
 */
interface CaseDriver {

  /** Process key of the driven cases. */
  String processKey();

  /** One line for the table, e.g. the mix of profiles. */
  String description();

  /** Called once on a fresh engine before any case (deployments, registry rows the cases need). */
  default void prepare(InProcessApp app) {
  }

  /**
   * Starts case number {@code index} (use {@link CaseContext#start}).
   *
   * @return the process instance id
   */
  String start(CaseContext context, int index);

  /** The variables the simulated user submits when completing this task. */
  Map<String, Object> complete(CaseContext context, Task task);

  /**
   * The case has no open task and no due job: do what the outside world does next (correlate a
   * message with {@link CaseContext#correlate}, let a deadline pass with
   * {@link CaseContext#fireTimer}).
   *
   * @return false when nothing is expected any more (the runner then reports the case as stuck)
   */
  boolean outsideWorld(CaseContext context);

  /** The end event case {@code index} must reach. */
  String expectedEnd(int index);
}
