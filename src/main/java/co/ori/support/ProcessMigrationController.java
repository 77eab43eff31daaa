package co.ori.support;

import co.ori.security.TenantAccess;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Moves the running cases of a procedure to a revised version of its model with Camunda's
 * migration API (issue 8, "Deploying a revised model"; README). Administrators only.
 *
 * <p>{@code POST /api/tenants/{tenant}/migrations}, JSON over HTTP Basic:
 * <pre>{@code
 * {"processKey": "agreement-formalization",   // required
 *  "fromVersion": 1,     // optional: only cases on this version; default every older version
 *  "toVersion": 2,       // optional: default the tenant's latest version
 *  "updateEventTriggers": false,  // optional: true recreates timers/messages from the new model
 *  "dryRun": false}      // true: validate and report, change nothing
 * }</pre>
 * For each source version that has running cases of the tenant, a plan
 * {@code createMigrationPlan(source, target).mapEqualActivities()} is built (activities are
 * matched by id). By default running timers keep their due dates and message subscriptions their
 * names (a deadline does not restart because the model was revised); with
 * {@code updateEventTriggers} they are recreated from the new model (use it when the revision
 * changed a timer's definition or a message name, knowing that duration timers then count from
 * the migration). Then every case is migrated on its own, in its own transaction:
 * a case the plan cannot carry (e.g. it waits in an activity the new model no longer has) is
 * left untouched on its version and reported with the engine's reasons.
 *
 * <p>Answer 200:
 * <pre>{@code
 * {"tenant": "umc", "processKey": "...", "targetVersion": 2, "targetDefinitionId": "...",
 *  "dryRun": false,
 *  "migrated": ["AGR-2026-0001", ...],          // business keys (instance id when none)
 *  "notMigrated": [{"businessKey": "...", "processInstanceId": "...", "fromVersion": 1,
 *                   "reasons": ["Task_X: ...", ...]}]}
 * }</pre>
 * With {@code dryRun} the lists say what would happen; nothing is changed.
 *
 * <p>Errors (JSON {@code {"error": "...", "errors": [...]}}): 400 when {@code processKey} is
 * missing, {@code fromVersion} is not older than the target, or the plan itself is invalid
 * (one entry per failing instruction, {@code "source -> target: reason"}; nothing migrated);
 * 401 without credentials; 403 unless the caller is in group {@code camunda-admin};
 * 404 for an unknown tenant, process key or version.
 */
@RestController
public class ProcessMigrationController {

  /** Page size of the engine queries, within the engine's query maximum (2000). */
  private static final int PAGE = 500;

  private static final Logger LOG = LoggerFactory.getLogger(ProcessMigrationController.class);

  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final TenantAccess tenantAccess;
  private final TransactionTemplate transaction;

  /** Wires the engine services, the tenant checks and one transaction per migrated case. */
  public ProcessMigrationController(RepositoryService repositoryService,
      RuntimeService runtimeService, IdentityService identityService, TenantAccess tenantAccess,
      PlatformTransactionManager transactionManager) {
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.tenantAccess = tenantAccess;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  /**
   * The request body.
   *
   * @param processKey the procedure's process definition key
   * @param fromVersion only cases on this version; {@code null}: every version older than the target
   * @param toVersion the target version; {@code null}: the latest of the tenant
   * @param updateEventTriggers recreate timers and message subscriptions from the new model
   * @param dryRun validate only, change nothing
   */
  public record MigrationRequest(String processKey, Integer fromVersion, Integer toVersion,
      boolean updateEventTriggers, boolean dryRun) {}

  /** One case left on its version, with the engine's reasons. */
  public record NotMigrated(String businessKey, String processInstanceId, int fromVersion,
      List<String> reasons) {}

  /** The answer: which cases moved (or would move) to the target version and which did not. */
  public record MigrationReport(String tenant, String processKey, int targetVersion,
      String targetDefinitionId, boolean dryRun, List<String> migrated,
      List<NotMigrated> notMigrated) {}

  /** A plan the engine refuses: nothing was migrated (HTTP 400). */
  static class InvalidPlanException extends RuntimeException {
    private final List<String> failures;

    InvalidPlanException(String message, List<String> failures) {
      super(message);
      this.failures = failures;
    }
  }

  /**
   * Migrates the tenant's running cases of {@code processKey} to the target version.
   *
   * @throws ResponseStatusException 403 unless the caller is in {@code camunda-admin}, 400 for a
   *     bad request, 404 for unknown tenant/key/version
   * @throws InvalidPlanException (400) when a migration plan is invalid; nothing is migrated
   */
  @PostMapping(path = "/api/tenants/{tenant}/migrations",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  public MigrationReport migrate(@PathVariable String tenant,
      @RequestBody MigrationRequest request) {
    requireAdmin(tenant);
    tenantAccess.requireTenant(tenant);
    if (request.processKey() == null || request.processKey().isBlank()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "processKey: es obligatorio");
    }
    ProcessDefinition target = target(tenant, request);
    List<ProcessDefinition> sources = sources(tenant, request, target);

    // 1. every plan first: an invalid plan stops everything before any case is touched
    Map<ProcessDefinition, MigrationPlan> plans = new LinkedHashMap<>();
    List<String> planFailures = new ArrayList<>();
    for (ProcessDefinition source : sources) {
      if (runtimeService.createProcessInstanceQuery().processDefinitionId(source.getId()).count() == 0) {
        continue;
      }
      try {
        var instructions = runtimeService.createMigrationPlan(source.getId(), target.getId())
            .mapEqualActivities();
        plans.put(source, (request.updateEventTriggers() ? instructions.updateEventTriggers() : instructions)
            .build());
      } catch (MigrationPlanValidationException e) {
        for (MigrationInstructionValidationReport report : e.getValidationReport().getInstructionReports()) {
          MigrationInstruction instruction = report.getMigrationInstruction();
          for (String failure : report.getFailures()) {
            planFailures.add("v" + source.getVersion() + " " + instruction.getSourceActivityId()
                + " -> " + instruction.getTargetActivityId() + ": " + failure);
          }
        }
        e.getValidationReport().getVariableReports().forEach((name, report) ->
            report.getFailures().forEach(f -> planFailures.add("v" + source.getVersion()
                + " variable " + name + ": " + f)));
      }
    }
    if (!planFailures.isEmpty()) {
      throw new InvalidPlanException("El plan de migración a la versión " + target.getVersion()
          + " de " + request.processKey() + " no es válido; no se migró ningún caso", planFailures);
    }

    // 2. each case on its own: a case that cannot move stays on its version
    List<String> migrated = new ArrayList<>();
    List<NotMigrated> notMigrated = new ArrayList<>();
    plans.forEach((source, plan) -> {
      List<ProcessInstance> instances = instancesOf(source);
      for (ProcessInstance instance : instances) {
        String label = instance.getBusinessKey() != null ? instance.getBusinessKey() : instance.getId();
        try {
          transaction.executeWithoutResult(status -> {
            runtimeService.newMigration(plan).processInstanceIds(instance.getId()).execute();
            if (request.dryRun()) {
              status.setRollbackOnly();
            }
          });
          migrated.add(label);
        } catch (MigratingProcessInstanceValidationException e) {
          notMigrated.add(new NotMigrated(instance.getBusinessKey(), instance.getId(),
              source.getVersion(), reasons(e.getValidationReport())));
        }
      }
    });
    LOG.info("Migración {} {} -> v{} (dryRun={}) por {}: {} migrados, {} no migrados",
        tenant, request.processKey(), target.getVersion(), request.dryRun(),
        tenantAccess.currentUserId(), migrated.size(), notMigrated.size());
    return new MigrationReport(tenant, request.processKey(), target.getVersion(), target.getId(),
        request.dryRun(), migrated, notMigrated);
  }

  /** 400 with one entry per failing instruction of the plan. */
  @ExceptionHandler(InvalidPlanException.class)
  public ResponseEntity<Map<String, Object>> invalidPlan(InvalidPlanException e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", e.getMessage());
    body.put("errors", e.failures);
    return ResponseEntity.badRequest().body(body);
  }

  private void requireAdmin(String tenant) {
    Authentication auth = identityService.getCurrentAuthentication();
    if (auth == null || auth.getGroupIds() == null || !auth.getGroupIds().contains(Groups.CAMUNDA_ADMIN)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN,
          "Solo un administrador (grupo camunda-admin) puede migrar casos del tenant " + tenant);
    }
  }

  private ProcessDefinition target(String tenant, MigrationRequest request) {
    var query = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(request.processKey()).tenantIdIn(tenant);
    query = request.toVersion() == null ? query.latestVersion() : query.processDefinitionVersion(request.toVersion());
    ProcessDefinition target = query.singleResult();
    if (target == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "El tenant " + tenant
          + " no tiene el procedimiento " + request.processKey()
          + (request.toVersion() == null ? "" : " en la versión " + request.toVersion()));
    }
    return target;
  }

  private List<ProcessDefinition> sources(String tenant, MigrationRequest request,
      ProcessDefinition target) {
    if (request.fromVersion() != null && request.fromVersion() >= target.getVersion()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "fromVersion: debe ser anterior a la versión destino "
          + target.getVersion());
    }
    List<ProcessDefinition> sources = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(request.processKey()).tenantIdIn(tenant)
        .orderByProcessDefinitionVersion().asc().listPage(0, PAGE).stream()
        .filter(d -> d.getVersion() < target.getVersion())
        .filter(d -> request.fromVersion() == null || d.getVersion() == request.fromVersion())
        .toList();
    if (request.fromVersion() != null && sources.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "El tenant " + tenant
          + " no tiene la versión " + request.fromVersion() + " de " + request.processKey());
    }
    return sources;
  }

  /** Every running case of a version, read page by page (the REST query limit is on). */
  private List<ProcessInstance> instancesOf(ProcessDefinition source) {
    List<ProcessInstance> all = new ArrayList<>();
    List<ProcessInstance> page;
    do {
      page = runtimeService.createProcessInstanceQuery().processDefinitionId(source.getId())
          .orderByProcessInstanceId().asc().listPage(all.size(), PAGE);
      all.addAll(page);
    } while (page.size() == PAGE);
    return all;
  }

  private static List<String> reasons(MigratingProcessInstanceValidationReport report) {
    List<String> reasons = new ArrayList<>(report.getFailures());
    for (MigratingActivityInstanceValidationReport activity : report.getActivityInstanceReports()) {
      activity.getFailures().forEach(f -> reasons.add(activity.getSourceScopeId() + ": " + f));
    }
    for (MigratingTransitionInstanceValidationReport transition : report.getTransitionInstanceReports()) {
      transition.getFailures().forEach(f -> reasons.add(transition.getSourceScopeId() + ": " + f));
    }
    return reasons;
  }
}
