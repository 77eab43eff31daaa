package co.ori.mobility;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link MobilityCaseRegistry} on the application table {@code mobility_case}
 * ({@code db/migration/V5__mobility_cases.sql}), through Spring's {@link JdbcClient}. Runs in the
 * caller's transaction (the engine's, when a process writes it), so a rolled-back step leaves no row.
 */
@Repository
public class JdbcMobilityCaseRegistry implements MobilityCaseRegistry {

  private static final String COLUMNS = "tenant_id, id, process_instance_id, process_key, direction, "
      + "free_mover, person_id, person_name, program_name, program_level, mobility_type, "
      + "partner_institution, partner_country, scope, modality, agreement_id, call_id, target_period, "
      + "start_date, end_date, support_program, status, created_at, updated_at";

  private final JdbcClient jdbc;

  /** @param jdbc the application's data source */
  public JdbcMobilityCaseRegistry(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  @Transactional
  public MobilityCase save(MobilityCase c) {
    require(c.tenantId(), "tenantId");
    require(c.id(), "id");
    require(c.processKey(), "processKey");
    require(c.personId(), "personId");
    if (c.direction() == null || c.status() == null) {
      throw new IllegalArgumentException("direction and status are required");
    }
    OffsetDateTime now = now();
    Optional<MobilityCase> existing = findById(c.tenantId(), c.id());
    if (existing.isPresent()) {
      jdbc.sql("DELETE FROM mobility_case WHERE tenant_id = :tenant AND id = :id")
          .param("tenant", c.tenantId()).param("id", c.id()).update();
    }
    jdbc.sql("INSERT INTO mobility_case (" + COLUMNS + ") VALUES (:tenant, :id, :pi, :key, :direction, "
            + ":freeMover, :personId, :personName, :programName, :programLevel, :type, :partner, "
            + ":partnerCountry, :scope, :modality, :agreementId, :callId, :period, :startDate, :endDate, "
            + ":support, :status, :createdAt, :updatedAt)")
        .param("tenant", c.tenantId())
        .param("id", c.id())
        .param("pi", c.processInstanceId())
        .param("key", c.processKey())
        .param("direction", c.direction().name())
        .param("freeMover", c.freeMover())
        .param("personId", c.personId())
        .param("personName", cut(c.personName(), 300))
        .param("programName", cut(c.programName(), 300))
        .param("programLevel", c.programLevel())
        .param("type", c.mobilityType())
        .param("partner", cut(c.partnerInstitution(), 300))
        .param("partnerCountry", cut(c.partnerCountry(), 100))
        .param("scope", c.scope())
        .param("modality", c.modality())
        .param("agreementId", c.agreementId())
        .param("callId", c.callId())
        .param("period", c.targetPeriod())
        .param("startDate", c.startDate())
        .param("endDate", c.endDate())
        .param("support", c.supportProgram())
        .param("status", c.status().name())
        .param("createdAt", existing.map(MobilityCase::createdAt).orElse(now))
        .param("updatedAt", now)
        .update();
    return findById(c.tenantId(), c.id()).orElseThrow();
  }

  @Override
  @Transactional
  public MobilityCase updateStatus(String tenantId, String id, MobilityCase.Status status) {
    int rows = jdbc.sql("UPDATE mobility_case SET status = :status, updated_at = :now "
            + "WHERE tenant_id = :tenant AND id = :id")
        .param("status", status.name())
        .param("now", now())
        .param("tenant", tenantId)
        .param("id", id)
        .update();
    if (rows == 0) {
      throw new NoSuchElementException("No mobility case " + id + " in tenant " + tenantId);
    }
    return findById(tenantId, id).orElseThrow();
  }

  @Override
  public Optional<MobilityCase> findById(String tenantId, String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM mobility_case WHERE tenant_id = :tenant AND id = :id")
        .param("tenant", tenantId).param("id", id)
        .query(JdbcMobilityCaseRegistry::map)
        .optional();
  }

  @Override
  public List<MobilityCase> find(String tenantId, String targetPeriod, MobilityCase.Direction direction) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM mobility_case WHERE tenant_id = :tenant "
            + "AND (CAST(:period AS VARCHAR(6)) IS NULL OR target_period = :period) "
            + "AND (CAST(:direction AS VARCHAR(16)) IS NULL OR direction = :direction) "
            + "ORDER BY created_at, id")
        .param("tenant", tenantId)
        .param("period", targetPeriod)
        .param("direction", direction == null ? null : direction.name())
        .query(JdbcMobilityCaseRegistry::map)
        .list();
  }

  @Override
  public List<MobilityCase> findByPerson(String tenantId, String personId, String targetPeriod,
      MobilityCase.Direction direction, Collection<MobilityCase.Status> statuses, String excludeId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM mobility_case WHERE tenant_id = :tenant "
            + "AND person_id = :personId AND target_period = :period AND direction = :direction "
            + "AND status IN (:statuses) AND id <> :excludeId ORDER BY created_at, id")
        .param("tenant", tenantId)
        .param("personId", personId)
        .param("period", targetPeriod)
        .param("direction", direction.name())
        .param("statuses", statuses.stream().map(Enum::name).toList())
        .param("excludeId", excludeId == null ? "" : excludeId)
        .query(JdbcMobilityCaseRegistry::map)
        .list();
  }

  @Override
  public List<MobilityCase> findByAgreement(String tenantId, String agreementId, String targetPeriod) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM mobility_case WHERE tenant_id = :tenant "
            + "AND agreement_id = :agreementId "
            + "AND (CAST(:period AS VARCHAR(6)) IS NULL OR target_period = :period) ORDER BY created_at, id")
        .param("tenant", tenantId)
        .param("agreementId", agreementId)
        .param("period", targetPeriod)
        .query(JdbcMobilityCaseRegistry::map)
        .list();
  }

  private static void require(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now().truncatedTo(ChronoUnit.MILLIS);
  }

  private static MobilityCase map(ResultSet rs, int row) throws SQLException {
    return new MobilityCase(
        rs.getString("tenant_id"),
        rs.getString("id"),
        rs.getString("process_instance_id"),
        rs.getString("process_key"),
        MobilityCase.Direction.valueOf(rs.getString("direction")),
        rs.getBoolean("free_mover"),
        rs.getString("person_id"),
        rs.getString("person_name"),
        rs.getString("program_name"),
        rs.getString("program_level"),
        rs.getString("mobility_type"),
        rs.getString("partner_institution"),
        rs.getString("partner_country"),
        rs.getString("scope"),
        rs.getString("modality"),
        rs.getString("agreement_id"),
        rs.getString("call_id"),
        rs.getString("target_period"),
        rs.getObject("start_date", java.time.LocalDate.class),
        rs.getObject("end_date", java.time.LocalDate.class),
        rs.getString("support_program"),
        MobilityCase.Status.valueOf(rs.getString("status")),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("updated_at", OffsetDateTime.class));
  }
}
