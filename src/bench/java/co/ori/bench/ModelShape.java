package co.ori.bench;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * The shape of a real model, counted with the Camunda model API from
 * {@code processes/<key>.bpmn} on the classpath (all levels, subprocesses included): user tasks,
 * gateways (all kinds), service-like tasks (service, send, business rule, script tasks and call
 * activities) and asynchronous continuations ({@code asyncBefore} + {@code asyncAfter} flags
 * of any flow node). Timer and message event definitions are counted for information.
 *
 * <p>{@link #noOpProcess} builds, with {@code Bpmn.createExecutableProcess}, a process of the
 * same shape whose parts do nothing: the same number of user tasks (candidate group
 * {@code ori-staff}, so the engine writes the same identity links and authorizations),
 * exclusive gateways (each evaluating a taken {@code ${true}} and a never-taken
 * {@code ${false}} flow), service tasks calling {@link NoOpDelegate}, with as many asynchronous
 * continuations as the real model has, spread evenly in one sequence. Because it is generated
 * from the model at every run, it keeps the real model's shape when the model changes.
 */
record ModelShape(String processKey, int userTasks, int gateways, int serviceTasks, int asyncContinuations,
    int timerEvents, int messageEvents) {

  static ModelShape of(String processKey) {
    try (InputStream in = ModelShape.class.getClassLoader().getResourceAsStream("processes/" + processKey + ".bpmn")) {
      if (in == null) {
        throw new IllegalStateException("processes/" + processKey + ".bpmn is not on the classpath");
      }
      BpmnModelInstance model = Bpmn.readModelFromStream(in);
      int services = count(model, ServiceTask.class) + count(model, SendTask.class)
          + count(model, BusinessRuleTask.class) + count(model, ScriptTask.class) + count(model, CallActivity.class);
      int async = 0;
      for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
        if (!(node instanceof EventBasedGateway)) {  // the model API refuses async flags on them
          async += (node.isCamundaAsyncBefore() ? 1 : 0) + (node.isCamundaAsyncAfter() ? 1 : 0);
        }
      }
      return new ModelShape(processKey, count(model, UserTask.class), count(model, Gateway.class), services, async,
          count(model, TimerEventDefinition.class), count(model, MessageEventDefinition.class));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int count(BpmnModelInstance model, Class<? extends org.camunda.bpm.model.xml.instance.ModelElementInstance> type) {
    return model.getModelElementsByType(type).size();
  }

  String noOpKey() {
    return "bench-noop-" + processKey;
  }

  /** Steps a no-op case takes: its start, every user task and every asynchronous continuation. */
  int noOpSteps() {
    return 1 + userTasks + Math.min(asyncContinuations, 2 * serviceTasks);
  }

  BpmnModelInstance noOpProcess() {
    record Slot(char kind, double position) {
    }
    List<Slot> slots = new ArrayList<>();
    for (int i = 0; i < userTasks; i++) {
      slots.add(new Slot('U', (i + 0.5) / userTasks));
    }
    for (int i = 0; i < gateways; i++) {
      slots.add(new Slot('G', (i + 0.25) / gateways));
    }
    for (int i = 0; i < serviceTasks; i++) {
      slots.add(new Slot('S', (i + 0.75) / serviceTasks));
    }
    slots.sort(Comparator.comparingDouble(Slot::position));
    int asyncLeft = asyncContinuations;
    AbstractFlowNodeBuilder<?, ?> b = Bpmn.createExecutableProcess(noOpKey())
        .name("Benchmark: forma de " + processKey + " sin lógica")
        .camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_NoOp");
    int u = 0;
    int g = 0;
    int s = 0;
    for (Slot slot : slots) {
      switch (slot.kind()) {
        case 'U' -> b = b.userTask("UserTask_" + ++u).name("Tarea " + u).camundaCandidateGroups("ori-staff");
        case 'S' -> {
          var task = b.serviceTask("ServiceTask_" + ++s).name("Servicio " + s).camundaClass(NoOpDelegate.class.getName());
          if (asyncLeft > 0) {
            task = task.camundaAsyncBefore();
            asyncLeft--;
          }
          if (asyncLeft > 0 && asyncLeft > 2 * (serviceTasks - s)) {
            task = task.camundaAsyncAfter();
            asyncLeft--;
          }
          b = task;
        }
        default -> {
          String id = "Gateway_" + ++g;
          b = b.exclusiveGateway(id).condition("no", "${false}").endEvent("EndEvent_Never_" + g)
              .moveToNode(id).condition("sí", "${true}");
          // the next element hangs on the taken flow
        }
      }
    }
    BpmnModelInstance model = b.endEvent("EndEvent_NoOp").done();
    Bpmn.validateModel(model);
    return model;
  }
}
