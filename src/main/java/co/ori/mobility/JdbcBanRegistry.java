package co.ori.mobility;

import co.ori.agreements.RegistryValidationException;
import co.ori.support.BusinessKeys;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link BanRegistry} on the application table {@code mobility_ban}
 * ({@code db/migration/V1__registries.sql}), through Spring's {@link JdbcClient}.
 * {@code bannedPeriods} is stored as comma-separated text ({@code 2026-1,2026-2}).
 */
@Repository
public class JdbcBanRegistry implements BanRegistry {

  /** Prefix of generated ban ids: {@code BAN-<year>-<seq 4 digits>} per tenant. */
  public static final String ID_PREFIX = "BAN";

  private static final String COLUMNS = "tenant_id, id, person_id, scope, banned_periods, "
      + "ban_until, source_rule, process_instance_id, reason, created_at, lifted_at, lift_reason";

  private final JdbcClient jdbc;
  private final BusinessKeys businessKeys;

  /**
   * @param jdbc the application's data source
   * @param businessKeys per-tenant numbering of generated ids
   */
  public JdbcBanRegistry(JdbcClient jdbc, BusinessKeys businessKeys) {
    this.jdbc = jdbc;
    this.businessKeys = businessKeys;
  }

  @Override
  @Transactional
  public Ban record(String tenantId, Ban ban) {
    List<String> errors = validate(tenantId, ban);
    if (!errors.isEmpty()) {
      throw new RegistryValidationException(errors);
    }
    String id;
    do {
      id = businessKeys.next(tenantId, ID_PREFIX);
    } while (findById(tenantId, id).isPresent());
    jdbc.sql("INSERT INTO mobility_ban (" + COLUMNS + ") VALUES (:tenant, :id, :personId, :scope, "
            + ":periods, :banUntil, :sourceRule, :processInstanceId, :reason, :now, NULL, NULL)")
        .param("tenant", tenantId)
        .param("id", id)
        .param("personId", ban.personId().strip())
        .param("scope", ban.scope().name())
        .param("periods", ban.bannedPeriods().isEmpty() ? null : String.join(",", ban.bannedPeriods()))
        .param("banUntil", ban.banUntil())
        .param("sourceRule", blankToNull(ban.sourceRule()))
        .param("processInstanceId", blankToNull(ban.processInstanceId()))
        .param("reason", blankToNull(ban.reason()))
        .param("now", now())
        .update();
    return findById(tenantId, id).orElseThrow();
  }

  @Override
  @Transactional
  public Ban lift(String tenantId, String banId, String liftReason) {
    Ban ban = findById(tenantId, banId).orElseThrow(() -> new RegistryValidationException(
        "id: no existe una sanción con id " + banId + " en el tenant " + tenantId));
    if (!ban.isActive()) {
      throw new RegistryValidationException(
          "id: la sanción " + banId + " ya fue levantada el " + ban.liftedAt().toLocalDate());
    }
    if (liftReason != null && liftReason.length() > 4000) {
      throw new RegistryValidationException("liftReason: máximo 4000 caracteres");
    }
    jdbc.sql("UPDATE mobility_ban SET lifted_at = :now, lift_reason = :reason "
            + "WHERE tenant_id = :tenant AND id = :id AND lifted_at IS NULL")
        .param("now", now())
        .param("reason", blankToNull(liftReason))
        .param("tenant", tenantId)
        .param("id", banId)
        .update();
    return findById(tenantId, banId).orElseThrow();
  }

  @Override
  public Optional<Ban> findById(String tenantId, String banId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM mobility_ban WHERE tenant_id = :tenant AND id = :id")
        .param("tenant", tenantId)
        .param("id", banId)
        .query(JdbcBanRegistry::map)
        .optional();
  }

  @Override
  public List<Ban> find(String tenantId, String personId) {
    if (personId == null) {
      return jdbc.sql("SELECT " + COLUMNS + " FROM mobility_ban WHERE tenant_id = :tenant "
              + "ORDER BY created_at, id")
          .param("tenant", tenantId)
          .query(JdbcBanRegistry::map)
          .list();
    }
    return jdbc.sql("SELECT " + COLUMNS + " FROM mobility_ban WHERE tenant_id = :tenant "
            + "AND person_id = :personId ORDER BY created_at, id")
        .param("tenant", tenantId)
        .param("personId", personId)
        .query(JdbcBanRegistry::map)
        .list();
  }

  @Override
  public List<Ban> bansInForce(String tenantId, String personId, Ban.Scope scope, LocalDate date,
      String period) {
    if (personId == null || scope == null) {
      throw new IllegalArgumentException("personId and scope are required");
    }
    return jdbc.sql("SELECT " + COLUMNS + " FROM mobility_ban WHERE tenant_id = :tenant "
            + "AND person_id = :personId AND scope = :scope AND lifted_at IS NULL "
            + "ORDER BY created_at, id")
        .param("tenant", tenantId)
        .param("personId", personId)
        .param("scope", scope.name())
        .query(JdbcBanRegistry::map)
        .list()
        .stream()
        .filter(ban -> ban.applies(date, period))
        .toList();
  }

  private static List<String> validate(String tenantId, Ban b) {
    List<String> errors = new ArrayList<>();
    if (b.tenantId() != null && !b.tenantId().equals(tenantId)) {
      errors.add("tenantId: no coincide con el tenant (" + tenantId + ")");
    }
    if (b.personId() == null || b.personId().isBlank()) {
      errors.add("personId: es obligatorio");
    } else if (b.personId().length() > 64) {
      errors.add("personId: máximo 64 caracteres");
    }
    if (b.scope() == null) {
      errors.add("scope: es obligatorio; valores permitidos: " + Arrays.stream(Ban.Scope.values())
          .map(Enum::name).collect(Collectors.joining(", ")));
    }
    for (String period : b.bannedPeriods()) {
      if (period == null || !JdbcCallRegistry.PERIOD.matcher(period).matches()) {
        errors.add("bannedPeriods: '" + period + "' no válido; se espera YYYY-1 o YYYY-2");
      }
    }
    if (new HashSet<>(b.bannedPeriods()).size() != b.bannedPeriods().size()) {
      errors.add("bannedPeriods: hay periodos repetidos");
    }
    if (b.bannedPeriods().size() > 20) {
      errors.add("bannedPeriods: máximo 20 periodos");
    }
    if (!b.bannedPeriods().isEmpty() && b.banUntil() != null) {
      errors.add("banUntil: debe estar vacío cuando se dan bannedPeriods (la sanción es por "
          + "periodos o por fecha, no ambas)");
    }
    if (b.liftedAt() != null || b.liftReason() != null) {
      errors.add("liftedAt: una sanción se registra activa; se levanta después");
    }
    if (b.sourceRule() != null && b.sourceRule().length() > 200) {
      errors.add("sourceRule: máximo 200 caracteres");
    }
    if (b.processInstanceId() != null && b.processInstanceId().length() > 64) {
      errors.add("processInstanceId: máximo 64 caracteres");
    }
    if (b.reason() != null && b.reason().length() > 4000) {
      errors.add("reason: máximo 4000 caracteres");
    }
    return errors;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** Now, to the millisecond (what every database keeps). */
  private static OffsetDateTime now() {
    return OffsetDateTime.now().truncatedTo(ChronoUnit.MILLIS);
  }

  private static Ban map(ResultSet rs, int row) throws SQLException {
    String periods = rs.getString("banned_periods");
    return new Ban(
        rs.getString("id"),
        rs.getString("tenant_id"),
        rs.getString("person_id"),
        Ban.Scope.valueOf(rs.getString("scope")),
        periods == null ? List.of() : List.of(periods.split(",")),
        rs.getObject("ban_until", LocalDate.class),
        rs.getString("source_rule"),
        rs.getString("process_instance_id"),
        rs.getString("reason"),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("lifted_at", OffsetDateTime.class),
        rs.getString("lift_reason"));
  }
}
