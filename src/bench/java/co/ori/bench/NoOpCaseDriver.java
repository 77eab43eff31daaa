package co.ori.bench;

import java.util.Map;
import org.camunda.bpm.engine.task.Task;

/**
 * Cases of the no-op process of a real model's shape ({@link ModelShape#noOpProcess}), deployed
 * for the real driver's first tenant: no variables, every task completed empty, every
 * asynchronous step executed, nothing to wait for.
 */
final class NoOpCaseDriver implements CaseDriver {

  private final ModelShape shape;
  private final String tenant;

  NoOpCaseDriver(ModelShape shape, String tenant) {
    this.shape = shape;
    this.tenant = tenant;
  }

  @Override
  public String processKey() {
    return shape.noOpKey();
  }

  @Override
  public String description() {
    return "no-op shape of " + shape.processKey() + ": " + shape.userTasks() + " user tasks, " + shape.gateways()
        + " gateways, " + shape.serviceTasks() + " service tasks, " + shape.asyncContinuations() + " async continuations";
  }

  @Override
  public void prepare(InProcessApp app) {
    app.engine().getRepositoryService().createDeployment().name("bench-noop").tenantId(tenant)
        .addModelInstance(shape.noOpKey() + ".bpmn", shape.noOpProcess()).deploy();
  }

  @Override
  public String start(CaseContext context, int index) {
    return context.start(context.engine().getRuntimeService().createProcessInstanceByKey(shape.noOpKey())
        .processDefinitionTenantId(tenant).businessKey("NOOP-" + index));
  }

  @Override
  public Map<String, Object> complete(CaseContext context, Task task) {
    return Map.of();
  }

  @Override
  public boolean outsideWorld(CaseContext context) {
    return false;
  }

  @Override
  public String expectedEnd(int index) {
    return "EndEvent_NoOp";
  }
}
