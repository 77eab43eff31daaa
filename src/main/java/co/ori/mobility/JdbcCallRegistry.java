package co.ori.mobility;

import co.ori.agreements.AgreementRegistry;
import co.ori.agreements.RegistryValidationException;
import co.ori.support.BusinessKeys;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link CallRegistry} on the application table {@code mobility_call}
 * ({@code db/migration/V1__registries.sql}), through Spring's {@link JdbcClient}. Errors name the
 * field in the contract's JSON name, reason in Spanish. {@code overrides} is stored as JSON text.
 */
@Repository
public class JdbcCallRegistry implements CallRegistry {

  /** Prefix of generated call ids: {@code CALL-<year>-<seq 4 digits>} per tenant. */
  public static final String ID_PREFIX = "CALL";

  /** An academic period: {@code YYYY-1} or {@code YYYY-2}. */
  public static final Pattern PERIOD = Pattern.compile("^\\d{4}-[12]$");

  private static final Pattern ID_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};
  private static final String COLUMNS = "tenant_id, id, host_institution, host_country, "
      + "target_period, places, opening_date, closing_date, agreement_id, nomination_deadline, "
      + "description, overrides";

  private final JdbcClient jdbc;
  private final BusinessKeys businessKeys;
  private final AgreementRegistry agreements;
  private final ObjectMapper json;

  /**
   * @param jdbc the application's data source
   * @param businessKeys per-tenant numbering of generated ids
   * @param agreements to check {@code agreementId}
   * @param json (de)serializes {@code overrides}
   */
  public JdbcCallRegistry(JdbcClient jdbc, BusinessKeys businessKeys, AgreementRegistry agreements,
      ObjectMapper json) {
    this.jdbc = jdbc;
    this.businessKeys = businessKeys;
    this.agreements = agreements;
    this.json = json;
  }

  @Override
  public List<Call> findAll(String tenantId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM mobility_call WHERE tenant_id = :tenant ORDER BY id")
        .param("tenant", tenantId)
        .query(this::map)
        .list();
  }

  @Override
  public Optional<Call> findById(String tenantId, String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM mobility_call WHERE tenant_id = :tenant AND id = :id")
        .param("tenant", tenantId)
        .param("id", id)
        .query(this::map)
        .optional();
  }

  @Override
  @Transactional
  public Call register(String tenantId, Call call) {
    List<String> errors = new ArrayList<>();
    String overrides = validate(tenantId, call, errors);
    if (!errors.isEmpty()) {
      throw new RegistryValidationException(errors);
    }
    String id = blankToNull(call.id());
    if (id == null) {
      do {
        id = businessKeys.next(tenantId, ID_PREFIX);
      } while (exists(tenantId, id));
    }
    try {
      jdbc.sql("INSERT INTO mobility_call (" + COLUMNS + ", created_at) VALUES (:tenant, :id, "
              + ":hostInstitution, :hostCountry, :targetPeriod, :places, :openingDate, "
              + ":closingDate, :agreementId, :nominationDeadline, :description, :overrides, :now)")
          .param("tenant", tenantId)
          .param("id", id)
          .param("hostInstitution", call.hostInstitution().strip())
          .param("hostCountry", call.hostCountry().strip())
          .param("targetPeriod", call.targetPeriod())
          .param("places", call.places())
          .param("openingDate", call.openingDate())
          .param("closingDate", call.closingDate())
          .param("agreementId", blankToNull(call.agreementId()))
          .param("nominationDeadline", call.nominationDeadline())
          .param("description", blankToNull(call.description()))
          .param("overrides", overrides)
          .param("now", OffsetDateTime.now())
          .update();
    } catch (DuplicateKeyException e) {
      throw new RegistryValidationException("id: ya existe una convocatoria con id " + id);
    }
    return findById(tenantId, id).orElseThrow();
  }

  /** Adds the problems of a call to {@code errors}; returns {@code overrides} as JSON text. */
  private String validate(String tenantId, Call c, List<String> errors) {
    if (c.tenantId() != null && !c.tenantId().equals(tenantId)) {
      errors.add("tenantId: no coincide con el tenant de la ruta (" + tenantId + ")");
    }
    if (c.id() != null && !c.id().isBlank()) {
      if (!ID_PATTERN.matcher(c.id()).matches()) {
        errors.add("id: solo letras, dígitos, '.', '_' o '-', máximo 64 caracteres");
      } else if (exists(tenantId, c.id())) {
        errors.add("id: ya existe una convocatoria con id " + c.id());
      }
    }
    requireText("hostInstitution", c.hostInstitution(), 300, errors);
    requireText("hostCountry", c.hostCountry(), 100, errors);
    if (c.targetPeriod() == null || c.targetPeriod().isBlank()) {
      errors.add("targetPeriod: es obligatorio (YYYY-1 o YYYY-2)");
    } else if (!PERIOD.matcher(c.targetPeriod()).matches()) {
      errors.add("targetPeriod: '" + c.targetPeriod() + "' no válido; se espera YYYY-1 o YYYY-2");
    }
    if (c.places() == null) {
      errors.add("places: es obligatorio (número de cupos, 0 o más)");
    } else if (c.places() < 0) {
      errors.add("places: no puede ser negativo");
    }
    if (c.openingDate() == null) {
      errors.add("openingDate: es obligatorio (fecha yyyy-MM-dd)");
    }
    if (c.closingDate() == null) {
      errors.add("closingDate: es obligatorio (fecha yyyy-MM-dd)");
    }
    if (c.openingDate() != null && c.closingDate() != null
        && c.closingDate().isBefore(c.openingDate())) {
      errors.add("closingDate: no puede ser anterior a openingDate (" + c.openingDate() + ")");
    }
    if (c.openingDate() != null && c.nominationDeadline() != null
        && c.nominationDeadline().isBefore(c.openingDate())) {
      errors.add("nominationDeadline: no puede ser anterior a openingDate (" + c.openingDate() + ")");
    }
    String agreementId = blankToNull(c.agreementId());
    if (agreementId != null && agreements.findById(tenantId, agreementId).isEmpty()) {
      errors.add("agreementId: no existe un convenio con id " + agreementId + " en este tenant");
    }
    if (c.description() != null && c.description().length() > 4000) {
      errors.add("description: máximo 4000 caracteres");
    }
    if (c.overrides() == null || c.overrides().isEmpty()) {
      return null;
    }
    try {
      String text = json.writeValueAsString(c.overrides());
      if (text.length() > 4000) {
        errors.add("overrides: máximo 4000 caracteres en JSON");
      }
      return text;
    } catch (JsonProcessingException e) {
      errors.add("overrides: no se puede escribir como JSON (" + e.getOriginalMessage() + ")");
      return null;
    }
  }

  private static void requireText(String field, String value, int max, List<String> errors) {
    if (value == null || value.isBlank()) {
      errors.add(field + ": es obligatorio");
    } else if (value.length() > max) {
      errors.add(field + ": máximo " + max + " caracteres");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private boolean exists(String tenantId, String id) {
    return jdbc.sql("SELECT COUNT(*) FROM mobility_call WHERE tenant_id = :tenant AND id = :id")
        .param("tenant", tenantId)
        .param("id", id)
        .query(Long.class)
        .single() > 0;
  }

  private Call map(ResultSet rs, int row) throws SQLException {
    String overrides = rs.getString("overrides");
    Map<String, Object> overridesMap;
    try {
      overridesMap = overrides == null ? null : json.readValue(overrides, JSON_OBJECT);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("mobility_call.overrides of " + rs.getString("id")
          + " is not a JSON object", e);
    }
    return new Call(
        rs.getString("id"),
        rs.getString("tenant_id"),
        rs.getString("host_institution"),
        rs.getString("host_country"),
        rs.getString("target_period"),
        rs.getObject("places", Integer.class),
        rs.getObject("opening_date", LocalDate.class),
        rs.getObject("closing_date", LocalDate.class),
        rs.getString("agreement_id"),
        rs.getObject("nomination_deadline", LocalDate.class),
        rs.getString("description"),
        overridesMap);
  }
}
