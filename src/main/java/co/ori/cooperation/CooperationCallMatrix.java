package co.ori.cooperation;

import co.ori.agreements.RegistryValidationException;
import co.ori.support.TenantCatalog;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The calls matrix of the Alcaldía de Pasto (matriz de convocatorias, {@code procedures.md}
 * §1.2, §2.b.2; 001 tasks 1, 2, 6, 7) on the application table {@code cooperation_call}
 * ({@code db/migration/V4__cooperation_calls_matrix.sql}), through Spring's {@link JdbcClient}.
 *
 * <p>Rows are written only by the process {@code pasto-cooperation-strategy} (bean
 * {@link CooperationLifecycle}), inside the engine's transaction, so a step that fails leaves
 * the row as it was. The REST API reads them ({@code GET /api/tenants/{tenant}/calls} for the
 * tenants of {@link #keptBy}) and exports them ({@link CooperationCallExport}).
 */
@Repository
public class CooperationCallMatrix {

  /** The procedure that keeps a calls matrix (contract "Tenants"). */
  public static final String PROCESS_KEY = "pasto-cooperation-strategy";

  private static final String COLUMNS = "tenant_id, id, title, cooperant, cooperant_country, "
      + "info_source, call_url, opening_date, closing_date, resources_amount, currency, "
      + "eligible_actors, expected_impact, support_type, priority_score, request_origin, status, "
      + "outcome, outcome_notes, lead_dependency, submission_channel, submission_ref, "
      + "submission_date, process_instance_id, updated_at";

  private final JdbcClient jdbc;
  private final TenantCatalog tenants;

  /**
   * @param jdbc the application's data source (joins the engine's transaction)
   * @param tenants the contract's tenants and their procedures
   */
  public CooperationCallMatrix(JdbcClient jdbc, TenantCatalog tenants) {
    this.jdbc = jdbc;
    this.tenants = tenants;
  }

  /**
   * Whether a tenant keeps a calls matrix, i.e. runs {@value #PROCESS_KEY} (today: {@code pasto}).
   * For such a tenant the call registry of the contract ({@code /api/tenants/{tenant}/calls})
   * is this matrix.
   */
  public boolean keptBy(String tenantId) {
    return tenants.find(tenantId).map(t -> t.procedures() != null && t.procedures().contains(PROCESS_KEY))
        .orElse(false);
  }

  /** Every call of the tenant's matrix, most recently closing last, then by id. */
  public List<CooperationCall> findAll(String tenantId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM cooperation_call WHERE tenant_id = :tenant "
            + "ORDER BY closing_date, id")
        .param("tenant", tenantId)
        .query(this::map)
        .list();
  }

  /** The call with this id (business key) in this tenant's matrix. */
  public Optional<CooperationCall> findById(String tenantId, String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM cooperation_call WHERE tenant_id = :tenant AND id = :id")
        .param("tenant", tenantId)
        .param("id", id)
        .query(this::map)
        .optional();
  }

  /**
   * P1 (001 task 1): appends the call to the matrix with status {@code IDENTIFIED}. The values
   * were checked by {@link CooperationCallRules}.
   *
   * @param call the row; {@code status}, {@code outcome} and submission fields are ignored
   * @throws RegistryValidationException when the id already exists in the tenant
   */
  public void register(CooperationCall call) {
    if (findById(call.tenantId(), call.id()).isPresent()) {
      throw new RegistryValidationException("id: ya existe una convocatoria con id " + call.id()
          + " en la matriz");
    }
    OffsetDateTime now = OffsetDateTime.now();
    jdbc.sql("INSERT INTO cooperation_call (tenant_id, id, title, cooperant, cooperant_country, "
            + "info_source, call_url, opening_date, closing_date, resources_amount, currency, "
            + "eligible_actors, expected_impact, support_type, priority_score, request_origin, "
            + "status, process_instance_id, created_at, updated_at) VALUES (:tenant, :id, :title, "
            + ":cooperant, :country, :source, :url, :opening, :closing, :amount, :currency, "
            + ":actors, :impact, :support, :priority, :origin, :status, :pid, :now, :now)")
        .param("tenant", call.tenantId())
        .param("id", call.id())
        .param("title", call.title())
        .param("cooperant", call.hostInstitution())
        .param("country", call.hostCountry())
        .param("source", call.infoSource())
        .param("url", call.callUrl())
        .param("opening", call.openingDate())
        .param("closing", call.closingDate())
        .param("amount", call.resourcesAmount())
        .param("currency", call.currency())
        .param("actors", call.eligibleActors())
        .param("impact", call.expectedImpact())
        .param("support", call.supportType())
        .param("priority", call.priorityScore())
        .param("origin", call.requestOrigin())
        .param("status", CooperationCallStatus.IDENTIFIED.name())
        .param("pid", call.processInstanceId())
        .param("now", now)
        .update();
  }

  /**
   * Moves a call to a status (P3, P10, P11).
   *
   * @throws RegistryValidationException when the tenant's matrix has no such call
   */
  public void updateStatus(String tenantId, String id, CooperationCallStatus status) {
    requireUpdated(jdbc.sql("UPDATE cooperation_call SET status = :status, updated_at = :now "
            + "WHERE tenant_id = :tenant AND id = :id")
        .param("status", status.name())
        .param("now", OffsetDateTime.now())
        .param("tenant", tenantId)
        .param("id", id)
        .update(), tenantId, id);
  }

  /**
   * P6 → P7: the dependency or organization that accepted to apply with the office (001 task 3 a).
   *
   * @throws RegistryValidationException when the tenant's matrix has no such call
   */
  public void recordLeadDependency(String tenantId, String id, String leadDependency) {
    requireUpdated(jdbc.sql("UPDATE cooperation_call SET lead_dependency = :lead, updated_at = :now "
            + "WHERE tenant_id = :tenant AND id = :id")
        .param("lead", leadDependency)
        .param("now", OffsetDateTime.now())
        .param("tenant", tenantId)
        .param("id", id)
        .update(), tenantId, id);
  }

  /**
   * P10 (001 task 6): status {@code SUBMITTED} with channel, filing receipt (radicado) and day.
   *
   * @throws RegistryValidationException when the tenant's matrix has no such call
   */
  public void recordSubmission(String tenantId, String id, String channel, String reference,
      LocalDate date) {
    requireUpdated(jdbc.sql("UPDATE cooperation_call SET status = :status, submission_channel = :channel, "
            + "submission_ref = :ref, submission_date = :date, updated_at = :now "
            + "WHERE tenant_id = :tenant AND id = :id")
        .param("status", CooperationCallStatus.SUBMITTED.name())
        .param("channel", channel)
        .param("ref", reference)
        .param("date", date)
        .param("now", OffsetDateTime.now())
        .param("tenant", tenantId)
        .param("id", id)
        .update(), tenantId, id);
  }

  /**
   * The end of a case: records its outcome and notes and, when given, a last status (e.g.
   * {@code MISSED}, {@code CLOSED}); a null status keeps the current one.
   *
   * @param notes the reason recorded with the outcome, cut to 4000 characters; may be null
   * @throws RegistryValidationException when the tenant's matrix has no such call
   */
  public void finish(String tenantId, String id, CooperationCallStatus status,
      CooperationOutcome outcome, String notes) {
    String text = notes == null || notes.isBlank() ? null
        : notes.length() > 4000 ? notes.substring(0, 4000) : notes;
    String setStatus = status == null ? "" : "status = '" + status.name() + "', ";
    requireUpdated(jdbc.sql("UPDATE cooperation_call SET " + setStatus
            + "outcome = :outcome, outcome_notes = :notes, updated_at = :now "
            + "WHERE tenant_id = :tenant AND id = :id")
        .param("outcome", outcome.name())
        .param("notes", text)
        .param("now", OffsetDateTime.now())
        .param("tenant", tenantId)
        .param("id", id)
        .update(), tenantId, id);
  }

  private static void requireUpdated(int rows, String tenantId, String id) {
    if (rows == 0) {
      throw new RegistryValidationException("id: no existe la convocatoria " + id
          + " en la matriz de convocatorias del tenant " + tenantId);
    }
  }

  private CooperationCall map(ResultSet rs, int row) throws SQLException {
    String outcome = rs.getString("outcome");
    String id = rs.getString("id");
    return new CooperationCall(
        id,
        rs.getString("tenant_id"),
        rs.getString("title"),
        rs.getString("cooperant"),
        rs.getString("cooperant_country"),
        rs.getString("info_source"),
        rs.getString("call_url"),
        rs.getObject("opening_date", LocalDate.class),
        rs.getObject("closing_date", LocalDate.class),
        rs.getObject("resources_amount", BigDecimal.class),
        rs.getString("currency"),
        rs.getString("eligible_actors"),
        rs.getString("expected_impact"),
        rs.getString("support_type"),
        rs.getObject("priority_score", Integer.class),
        rs.getString("request_origin"),
        CooperationCallStatus.valueOf(rs.getString("status")),
        outcome == null ? null : CooperationOutcome.valueOf(outcome),
        rs.getString("outcome_notes"),
        rs.getString("lead_dependency"),
        rs.getString("submission_channel"),
        rs.getString("submission_ref"),
        rs.getObject("submission_date", LocalDate.class),
        id,
        rs.getString("process_instance_id"),
        rs.getObject("updated_at", OffsetDateTime.class));
  }
}
