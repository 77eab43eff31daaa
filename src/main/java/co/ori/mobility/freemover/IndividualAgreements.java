package co.ori.mobility.freemover;

import co.ori.agreements.Agreement;
import co.ori.agreements.AgreementRegistry;
import co.ori.agreements.AgreementScope;
import co.ori.agreements.AgreementStatus;
import co.ori.agreements.InstrumentType;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The agreement-registry side of the UNAL free-mover individual agreement (003 Parte 3 §6.d, §7;
 * Anexo 1; {@code procedures.md} §2.e.2 FI5-FI7, §5 T06): each agreement is a row of the
 * registry ({@link AgreementRegistry}, instrument {@code CONVENIO_ESPECIFICO}, purpose
 * {@code MOVILIDAD}, partner = the home institution, valid from the signature to the end of the
 * UNAL academic period) plus a row of {@code individual_agreement} (V10) naming the case and the
 * person. An extension is a new agreement whose {@code renewalOf} is the previous one; the table
 * refuses a second extension ({@code extension_number} ≤ 1, UN-FM-07).
 */
@Component
public class IndividualAgreements {

  private final AgreementRegistry registry;
  private final JdbcClient jdbc;
  private final IndividualAgreementDocument document;

  /**
   * @param registry the agreement registry
   * @param jdbc the application's data source ({@code individual_agreement})
   * @param document the Anexo 1 template
   */
  public IndividualAgreements(AgreementRegistry registry, JdbcClient jdbc, IndividualAgreementDocument document) {
    this.registry = registry;
    this.jdbc = jdbc;
    this.document = document;
  }

  /** The Anexo 1 document renderer. */
  public IndividualAgreementDocument document() {
    return document;
  }

  /**
   * Registry id of the agreement of a case: {@code <business key>-C1} for the first period,
   * {@code -C2} for the extension.
   *
   * @param extensionNumber 0 for the first agreement, 1 for the extension
   */
  public static String agreementId(String businessKey, int extensionNumber) {
    return businessKey + "-C" + (extensionNumber + 1);
  }

  /**
   * Registers the signed individual agreement of the case.
   *
   * @param extensionNumber 0 for the first agreement, 1 for the extension
   * @param renewalOf the previous agreement's id for an extension, else null
   * @param signedDate date of the last signature (validity starts then, Anexo 1 cl. 6)
   * @param periodEnd last day of the UNAL academic period (cl. 7)
   * @return the registry id
   * @throws co.ori.agreements.RegistryValidationException when the registry refuses the row
   */
  public String register(DelegateExecution execution, int extensionNumber, String renewalOf,
      LocalDate signedDate, LocalDate periodEnd) {
    String tenant = execution.getTenantId();
    String id = agreementId(execution.getProcessBusinessKey(), extensionNumber);
    String country = FreeMover.text(execution, "homeCountry");
    LocalDate from = signedDate.isAfter(periodEnd) ? periodEnd : signedDate;
    registry.register(tenant, new Agreement(id, tenant, InstrumentType.CONVENIO_ESPECIFICO, "MOVILIDAD",
        null, renewalOf, FreeMover.text(execution, "homeInstitution"), country,
        FreeMover.text(execution, "homeCity"),
        FreeMoverRules.isColombia(country) ? AgreementScope.NACIONAL : AgreementScope.INTERNACIONAL,
        FreeMover.text(execution, "hostFaculty"), signedDate, from, periodEnd, false, false,
        AgreementStatus.ACTIVE, 1, false, execution.getProcessInstanceId()));
    jdbc.sql("INSERT INTO individual_agreement (tenant_id, agreement_id, case_id, person_id, extension_number, "
            + "process_instance_id, created_at) VALUES (:tenant, :id, :caseId, :person, :ext, :pi, :now)")
        .param("tenant", tenant).param("id", id).param("caseId", execution.getProcessBusinessKey())
        .param("person", FreeMover.text(execution, "documentNumber")).param("ext", extensionNumber)
        .param("pi", execution.getProcessInstanceId()).param("now", OffsetDateTime.now())
        .update();
    if (renewalOf != null) {
      registry.updateStatus(tenant, renewalOf, AgreementStatus.RENEWED);
    }
    return id;
  }

  /** Sets the registry status of the case's current individual agreement, when it has one. */
  public void setStatus(DelegateExecution execution, AgreementStatus status) {
    String id = FreeMover.text(execution, "individualAgreementId");
    if (id != null && !id.isBlank()) {
      registry.updateStatus(execution.getTenantId(), id, status);
    }
  }

  /**
   * An agreement in force (ACTIVE or EXPIRING) with an institution, not an individual one, whose
   * validity covers the stay (UN-FM-04: then the student is not a free mover).
   *
   * @param institution the home institution's name (compared without case and accents)
   * @return the agreement's id, or empty
   */
  public Optional<String> agreementInForce(String tenantId, String institution, LocalDate start, LocalDate end) {
    Set<String> individual = Set.copyOf(jdbc.sql("SELECT agreement_id FROM individual_agreement WHERE tenant_id = :t")
        .param("t", tenantId).query(String.class).list());
    String wanted = normalized(institution);
    return registry.findAll(tenantId).stream()
        .filter(a -> !individual.contains(a.id()))
        .filter(a -> a.status() != null && a.status().inForce())
        .filter(a -> normalized(a.partnerName()).equals(wanted))
        .filter(a -> a.validFrom() == null || !a.validFrom().isAfter(start))
        .filter(a -> a.indefinite() || a.validUntil() == null || !a.validUntil().isBefore(end))
        .map(Agreement::id)
        .findFirst();
  }

  static String normalized(String text) {
    if (text == null) {
      return "";
    }
    return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
  }
}
