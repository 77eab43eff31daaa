package co.ori.bench;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;

/**
 * Complete {@code agreement-formalization} cases, tenants umc, cesmag, unal and ufps in turn:
 * request approved (A3), mail, intention sent, partner interested, draft, legal approval,
 * signature with a one-year term, signed copy sent, activation, action plan registered, and the
 * validity ends (T02 timer) → {@code EndEvent_AgreementExpired}. Used by part 1 beside the
 * outgoing-mobility cases (and instead of them while that model is not on the branch).
 */
final class AgreementCaseDriver implements CaseDriver {

  private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");

  @Override
  public String processKey() {
    return AgreementCases.KEY;
  }

  @Override
  public String description() {
    return "agreement-formalization, umc/cesmag/unal/ufps, request to expiry (8 user tasks, 2 mail jobs, 1 timer)";
  }

  @Override
  public String start(CaseContext context, int index) {
    String tenant = AgreementCases.TENANTS.get(index % AgreementCases.TENANTS.size());
    return context.start(context.engine().getRuntimeService().createProcessInstanceByKey(AgreementCases.KEY)
        .processDefinitionTenantId(tenant).setVariables(AgreementCases.request(tenant, index)));
  }

  @Override
  public Map<String, Object> complete(CaseContext context, Task task) {
    LocalDate today = LocalDate.now(BOGOTA);
    String day = today.toString();
    return switch (task.getTaskDefinitionKey()) {
      case "Task_ReviewRequest" -> Map.of("requestApproved", true, "reviewNotes", "");
      case "Task_SendIntention" -> Map.of("intentionSentDate", day);
      case "Task_RecordPartnerResponse" -> Map.of("partnerInterested", true);
      case "Task_DraftAgreement" -> Map.of("draftAgreementRef", "https://dms.ori.local/convenios/borrador-" + context.index());
      case "Task_ReviewAgreement" -> Map.of("legalDecision", "APPROVED");
      case "Task_SignAgreement" -> {
        Map<String, Object> v = new HashMap<>();
        v.put("signedDate", day);
        v.put("validFrom", day);
        v.put("validUntil", today.plusYears(1).toString());
        v.put("signedAgreementRef", "https://dms.ori.local/convenios/firmado-" + context.index());
        yield v;
      }
      case "Task_SendSignedAgreement" -> Map.of("sendChannel", "EMAIL", "sentDate", day);
      case "Task_RegisterActionPlan" -> Map.of("actionPlanRef", "https://dms.ori.local/planes/" + context.index(),
          "actionPlanSummary", "Movilidad docente y un proyecto conjunto de investigación.");
      default -> throw new IllegalStateException("unexpected task " + task.getTaskDefinitionKey());
    };
  }

  @Override
  public boolean outsideWorld(CaseContext context) {
    if (context.hasTimer("TimerEvent_ValidityEnds")) {
      context.fireTimer("TimerEvent_ValidityEnds");
      return true;
    }
    return false;
  }

  @Override
  public String expectedEnd(int index) {
    return "EndEvent_AgreementExpired";
  }
}
