package co.ori.mobility.visiting;

import co.ori.agreements.Agreement;
import co.ori.agreements.AgreementRegistry;
import co.ori.agreements.AgreementStatus;
import co.ori.agreements.AgreementValues;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Component;

/**
 * Step V2 of {@code visiting-professor} ({@code procedures.md} §2.g.2 "Framework check"),
 * {@code camunda:delegateExpression="${visitingFrameworkCheck}"}: the {@code agreement-lookup}
 * service of {@code procedures.md} §2.a.4 on the tenant's agreement registry, and the
 * eligibility rules of §3.1.c that can be decided at registration:
 * <ul>
 *   <li><b>CES-VT-01</b> (002 art. 40.1, "en el marco de los acuerdos, convenios y redes de
 *       cooperación vigentes ... y/o docentes invitados"): {@code frameworkType ==
 *       'INVITED_TEACHER' || agreementActive}, where {@code agreementActive} means the registry
 *       row {@code agreementId} of the tenant has a status in force
 *       ({@link co.ori.agreements.AgreementStatus#inForce()}: ACTIVE, EXPIRING) and its validity
 *       covers the whole visit ({@code validFrom <= startDate} and, unless indefinite,
 *       {@code validUntil >= endDate}). A {@code NETWORK} is a row with {@code network = true}
 *       (checked at start by {@link VisitingStartChecks});</li>
 *   <li><b>CES-VT-02</b> (002 art. 40.2, "mantiene su relación laboral con la universidad de
 *       origen"): {@code keepsHomeEmployment == true}.</li>
 * </ul>
 * CES-VT-03 (work plan approved by both institutions, art. 40.3) is decided later by the
 * approval steps V3–V4.
 *
 * <p>Variables set (contract, "Results every mobility process records"):
 * {@code agreementActive} (Boolean), {@code eligible} (Boolean), {@code failedRules} (Json array
 * of rule ids, {@code []} when eligible), plus {@code failedRulesText} (Spanish, one line per
 * failed rule with its reason and article, for the notification) and
 * {@code frameworkDescription} (Spanish summary of the framework, shown in the forms) and the
 * texts of {@link VisitingProfessorSteps#describe}; for an
 * agreement or network also {@code agreementPartnerName}, {@code agreementValidFrom} and
 * {@code agreementValidUntil} (Date, null when indefinite).
 */
@Component("visitingFrameworkCheck")
public class VisitingFrameworkCheck implements JavaDelegate {

  /** Rule ids of procedures.md §3.1.c. */
  public static final String RULE_FRAMEWORK = "CES-VT-01";
  public static final String RULE_HOME_EMPLOYMENT = "CES-VT-02";
  public static final String RULE_WORK_PLAN = "CES-VT-03";

  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final AgreementRegistry registry;

  public VisitingFrameworkCheck(AgreementRegistry registry) {
    this.registry = registry;
  }

  /** Looks the framework up and records the eligibility results. */
  @Override
  public void execute(DelegateExecution execution) {
    String framework = (String) execution.getVariable("frameworkType");
    LocalDate start = AgreementValues.toLocalDate((Date) execution.getVariable("startDate"));
    LocalDate end = AgreementValues.toLocalDate((Date) execution.getVariable("endDate"));
    List<String> failed = new ArrayList<>();
    List<String> reasons = new ArrayList<>();

    boolean agreementActive = false;
    if ("INVITED_TEACHER".equals(framework)) {
      execution.setVariable("frameworkDescription", "Docente invitado (sin convenio ni red de cooperación)");
    } else {
      String agreementId = (String) execution.getVariable("agreementId");
      String kind = "NETWORK".equals(framework) ? "La red de cooperación" : "El convenio";
      Optional<Agreement> found = registry.findById(execution.getTenantId(), agreementId);
      String problem;
      if (found.isEmpty()) {
        problem = kind + " " + agreementId + " no existe en la base de convenios";
      } else {
        Agreement a = found.get();
        execution.setVariable("agreementPartnerName", a.partnerName());
        execution.setVariable("agreementValidFrom", AgreementValues.toDate(a.validFrom()));
        execution.setVariable("agreementValidUntil", a.indefinite() ? null : AgreementValues.toDate(a.validUntil()));
        execution.setVariable("frameworkDescription", kind + " " + a.id() + " con " + a.partnerName()
            + " (" + statusText(a.status()) + "; vigencia " + validity(a) + ")");
        problem = problemOf(a, kind, start, end);
      }
      agreementActive = problem == null;
      if (!agreementActive) {
        failed.add(RULE_FRAMEWORK);
        reasons.add(RULE_FRAMEWORK + ": la movilidad no se enmarca en un convenio, acuerdo o red de"
            + " cooperación vigente. " + problem + ". (Acuerdo 106 de 2023, art. 40 num. 1)");
      }
    }
    if (!Boolean.TRUE.equals(execution.getVariable("keepsHomeEmployment"))) {
      failed.add(RULE_HOME_EMPLOYMENT);
      reasons.add(RULE_HOME_EMPLOYMENT + ": el docente visitante debe mantener su relación laboral"
          + " con la universidad de origen durante la visita. (Acuerdo 106 de 2023, art. 40 num. 2)");
    }
    execution.setVariable("agreementActive", agreementActive);
    execution.setVariable("eligible", failed.isEmpty());
    execution.setVariable("failedRules", Spin.JSON(failed));
    execution.setVariable("failedRulesText", reasons.isEmpty() ? "Ninguna." : "- " + String.join("\n- ", reasons));
    VisitingProfessorSteps.describe(execution);
  }

  /** Why the agreement does not cover the visit, or null when it does. */
  static String problemOf(Agreement a, String kind, LocalDate start, LocalDate end) {
    if (!a.status().inForce()) {
      return kind + " " + a.id() + " no está vigente (estado " + statusText(a.status()) + ")";
    }
    if (a.validFrom() == null || a.validFrom().isAfter(start)) {
      return kind + " " + a.id() + " no está vigente al inicio de la visita ("
          + start.format(DAY) + "; vigente " + validity(a) + ")";
    }
    if (!a.indefinite() && (a.validUntil() == null || a.validUntil().isBefore(end))) {
      return kind + " " + a.id() + " vence antes del fin de la visita ("
          + end.format(DAY) + "; vigente " + validity(a) + ")";
    }
    return null;
  }

  /** Spanish name of a registry status, with its code (e.g. "vencido (EXPIRED)"). */
  static String statusText(AgreementStatus status) {
    String name = switch (status) {
      case ACTIVE -> "activo";
      case EXPIRING -> "próximo a vencer";
      case EXPIRED -> "vencido";
      case RENEWED -> "renovado";
      case TERMINATED -> "terminado";
      case SIGNED -> "firmado, aún no activo";
      case REJECTED, DECLINED, NO_RESPONSE -> "no formalizado";
      default -> "en trámite";
    };
    return name + " (" + status + ")";
  }

  private static String validity(Agreement a) {
    String from = a.validFrom() == null ? "sin fecha de inicio" : "desde el " + a.validFrom().format(DAY);
    String until = a.indefinite() ? "por término indefinido"
        : a.validUntil() == null ? "sin fecha de terminación" : "hasta el " + a.validUntil().format(DAY);
    return from + " " + until;
  }
}
