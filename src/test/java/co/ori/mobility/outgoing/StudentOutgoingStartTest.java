package co.ori.mobility.outgoing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.ori.support.InvalidVariableException;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The start listeners and intake steps of the rules bean in the real model: {@code institution}
 * must be the tenant's and {@code studentUserId} a student of the tenant (refused at start,
 * naming the variable, leaving no instance); an ineligible application records {@code eligible},
 * {@code failedRules} and the Spanish {@code failedRulesText} (contract "Results every mobility
 * process records") with the facts the tables read.
 */
class StudentOutgoingStartTest extends StudentOutgoingFixtures {

  static final String KEY = StudentOutgoingRequestRules.PROCESS_KEY;

  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;

  ProcessInstance start(String tenant, Map<String, Object> variables) {
    return runtimeService.createProcessInstanceByKey(KEY).processDefinitionTenantId(tenant)
        .setVariables(variables).execute();
  }

  @Test
  void anApplicationOfAnotherInstitutionIsRefusedNamingInstitution() {
    long before = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(KEY).count();
    // the REST mapper answers 400 with the InvalidVariableException found in the cause chain
    assertThatThrownBy(() -> start("ufps", cesmagExchange())).satisfies(e -> assertThat(invalid(e)).isEqualTo("institution"));
    Map<String, Object> v = cesmagExchange();
    v.put("studentUserId", "cesmag.ori-staff");
    assertThatThrownBy(() -> start("cesmag", v)).satisfies(e -> assertThat(invalid(e)).isEqualTo("studentUserId"));
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(before);
  }

  @Test
  void anIneligibleApplicationRecordsItsFailedRulesInSpanish() {
    Map<String, Object> v = unal();
    v.put("cumulativeGpa", 3.49);
    v.put("creditsApprovedPct", 39.9);
    v.put("studentUserId", "unal.student");
    ProcessInstance instance = start("unal", v);
    Map<String, Object> vars = historyVariables(instance.getId());
    assertThat(vars).containsEntry("eligible", false).containsEntry("studentUser", "unal.student")
        .containsEntry("studentMailTo", "estudiante@example.org").containsEntry("stayType", "MEDIA")
        .containsEntry("profileFreeMoverRouting", true).containsEntry("profileMaxCorrections", 2)
        .containsEntry("applicationsInPeriod", 1);
    assertThat(((SpinJsonNode) vars.get("failedRules")).elements()).extracting(SpinJsonNode::stringValue)
        .containsExactly("UN-SO-03", "UN-SO-05");
    assertThat((String) vars.get("failedRulesText"))
        .contains("- UN-SO-03: El estudiante de pregrado debe haber superado el 40 %", "(créditos aprobados: 39,9 %)",
            "- UN-SO-05: El PAPA", "(promedio acumulado: 3,49)", "Fuente: Instructivo de movilidad académica estudiantil (UNAL), Parte 1 §2.1.");
  }

  static String invalid(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof InvalidVariableException e) {
        return e.getVariable();
      }
    }
    return null;
  }

  Map<String, Object> historyVariables(String processInstanceId) {
    Map<String, Object> vars = new java.util.HashMap<>();
    historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).list()
        .forEach(h -> vars.put(h.getName(), h.getValue()));
    return vars;
  }
}
