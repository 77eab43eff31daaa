package co.ori.mobility;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Keeps the mobility case registry ({@link MobilityCaseRegistry}) in step with a student-mobility
 * process, as the bean {@code mobilityCases} in execution listeners and service tasks, e.g.
 * {@code ${mobilityCases.open(execution, 'OUTGOING')}} after eligibility facts are known and
 * {@code ${mobilityCases.status(execution, 'ACCEPTED')}} on each milestone. Runs in the engine's
 * transaction: a step that fails leaves the registry as it was.
 *
 * <p>Variables read by {@link #open} (names of {@code procedures.md} §2.c.1 and §2.d.1; all optional
 * except {@code documentNumber}): {@code documentNumber} (the person id, as in the bans registry),
 * {@code fullName}, {@code programName}, {@code programLevel}, {@code category} /
 * {@code unalModality} / {@code ufpsType} (first present is the mobility type), outgoing
 * {@code hostInstitution}/{@code hostCountry} or incoming {@code homeInstitution}/{@code homeCountry},
 * {@code scope}, {@code modality}, {@code agreementId}, {@code callId}, {@code targetPeriod},
 * {@code startDate}, {@code endDate} ({@code Date}), {@code supportProgram}, {@code freeMover}.
 */
@Component("mobilityCases")
public class MobilityCaseLifecycle {

  private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");

  private final MobilityCaseRegistry registry;

  /** @param registry the mobility case registry */
  public MobilityCaseLifecycle(MobilityCaseRegistry registry) {
    this.registry = registry;
  }

  /**
   * Registers (or re-registers, keeping the creation time) the case of this process instance with
   * status {@code APPLIED}, id = business key.
   *
   * @param direction {@code OUTGOING} or {@code INCOMING}
   * @throws IllegalArgumentException when the process has no business key or {@code documentNumber}
   */
  public MobilityCase open(DelegateExecution execution, String direction) {
    return save(execution, MobilityCase.Direction.valueOf(direction), MobilityCase.Status.APPLIED);
  }

  /**
   * Sets the status of this process instance's case (see {@link MobilityCase.Status}); refreshes
   * the case's data from the variables first, since dates and agreement may change during the case.
   *
   * @param status a {@link MobilityCase.Status} name
   * @throws java.util.NoSuchElementException when the case was never opened
   */
  public MobilityCase status(DelegateExecution execution, String status) {
    String tenantId = execution.getTenantId();
    MobilityCase current = registry.findById(tenantId, execution.getProcessBusinessKey())
        .orElseThrow(() -> new java.util.NoSuchElementException("Mobility case "
            + execution.getProcessBusinessKey() + " was not opened (mobilityCases.open)"));
    return save(execution, current.direction(), MobilityCase.Status.valueOf(status));
  }

  private MobilityCase save(DelegateExecution execution, MobilityCase.Direction direction,
      MobilityCase.Status status) {
    String businessKey = execution.getProcessBusinessKey();
    if (businessKey == null || businessKey.isBlank()) {
      throw new IllegalArgumentException("The mobility process has no business key");
    }
    String personId = text(execution, "documentNumber");
    if (personId == null) {
      throw new IllegalArgumentException("documentNumber is required to register the mobility case");
    }
    boolean outgoing = direction == MobilityCase.Direction.OUTGOING;
    String type = firstText(execution, "category", "unalModality", "ufpsType");
    String processKey = execution.getProcessDefinitionId() == null ? "unknown"
        : execution.getProcessDefinitionId().split(":")[0];
    return registry.save(new MobilityCase(
        execution.getTenantId(), businessKey, execution.getProcessInstanceId(), processKey,
        direction, Boolean.TRUE.equals(execution.getVariable("freeMover")),
        personId, text(execution, "fullName"), text(execution, "programName"),
        text(execution, "programLevel"), type,
        text(execution, outgoing ? "hostInstitution" : "homeInstitution"),
        text(execution, outgoing ? "hostCountry" : "homeCountry"),
        text(execution, "scope"), text(execution, "modality"),
        text(execution, "agreementId"), text(execution, "callId"), text(execution, "targetPeriod"),
        day(execution, "startDate"), day(execution, "endDate"), text(execution, "supportProgram"),
        status, null, null));
  }

  private static String firstText(DelegateExecution execution, String... names) {
    for (String name : names) {
      String value = text(execution, name);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value instanceof String s && !s.isBlank() ? s.strip() : null;
  }

  private static LocalDate day(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value instanceof Date date ? date.toInstant().atZone(BOGOTA).toLocalDate() : null;
  }
}
