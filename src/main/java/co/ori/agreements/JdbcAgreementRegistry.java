package co.ori.agreements;

import co.ori.support.BusinessKeys;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link AgreementRegistry} on the application table {@code agreement}
 * ({@code db/migration/V1__registries.sql}), through Spring's {@link JdbcClient}.
 *
 * <p>Validation ({@code procedures.md} §2.a.4, §2.a.1, contract "Registries"): every error names
 * the field in the contract's JSON name and gives the reason in Spanish, e.g.
 * {@code "validUntil: no puede ser anterior a validFrom (2025-01-01)"}. Generated ids are
 * {@code CNV-<year>-<seq 4 digits>} per tenant ({@link BusinessKeys}).
 */
@Repository
public class JdbcAgreementRegistry implements AgreementRegistry {

  /** Prefix of the ids generated for agreements registered over REST or CSV. */
  public static final String ID_PREFIX = "CNV";

  /** Values of {@code specificPurpose} ({@code procedures.md} §2.a.1; 000 §5.1). */
  public static final List<String> SPECIFIC_PURPOSES =
      List.of("MOVILIDAD", "INVESTIGACION", "CULTURAL", "OTRO");

  private static final Pattern ID_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private static final String COLUMNS = "tenant_id, id, instrument_type, specific_purpose, "
      + "parent_agreement_id, renewal_of, partner_name, partner_country, partner_city, scope, "
      + "responsible_unit, signed_date, valid_from, valid_until, indefinite, auto_renewal, status, "
      + "mobility_places_per_period, network, process_instance_id";

  private final JdbcClient jdbc;
  private final BusinessKeys businessKeys;

  /**
   * @param jdbc the application's data source
   * @param businessKeys per-tenant numbering of generated ids
   */
  public JdbcAgreementRegistry(JdbcClient jdbc, BusinessKeys businessKeys) {
    this.jdbc = jdbc;
    this.businessKeys = businessKeys;
  }

  @Override
  public List<Agreement> findAll(String tenantId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM agreement WHERE tenant_id = :tenant ORDER BY id")
        .param("tenant", tenantId)
        .query(JdbcAgreementRegistry::map)
        .list();
  }

  @Override
  public Optional<Agreement> findById(String tenantId, String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM agreement WHERE tenant_id = :tenant AND id = :id")
        .param("tenant", tenantId)
        .param("id", id)
        .query(JdbcAgreementRegistry::map)
        .optional();
  }

  /**
   * {@inheritDoc}
   *
   * <p>Required: {@code partnerName}, {@code partnerCountry}, {@code instrumentType},
   * {@code scope}, {@code validFrom}; {@code validUntil} unless {@code indefinite}
   * (then it must be empty), not before {@code validFrom}; {@code specificPurpose} for a
   * {@code CONVENIO_ESPECIFICO}; {@code parentAgreementId}/{@code renewalOf} must exist.
   */
  @Override
  @Transactional
  public Agreement register(String tenantId, Agreement agreement) {
    List<String> errors = validate(tenantId, agreement, Set.of());
    if (!errors.isEmpty()) {
      throw new RegistryValidationException(errors);
    }
    return insert(tenantId, withDefaults(agreement));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Element {@code i} of the list is reported as line {@code i + 2}, as in a CSV file whose
   * line 1 is the header; {@link #registerAll(String, List, List)} takes the real line numbers.
   */
  @Override
  @Transactional
  public List<Agreement> registerAll(String tenantId, List<Agreement> agreements) {
    return registerAll(tenantId, agreements,
        IntStream.range(0, agreements.size()).mapToObj(i -> i + 2).toList());
  }

  /**
   * Registers many agreements in one transaction: all rows or none. Every row is validated as
   * in {@link #register} before anything is written; a row may refer (as
   * {@code parentAgreementId} or {@code renewalOf}) to another row of the same batch, and two
   * rows may not share an id.
   *
   * @param lineNumbers the line number of each agreement in its source file (same size as
   *     {@code agreements}), used in the messages ({@code "línea 3: partnerName: es obligatorio"})
   * @return the stored rows, in input order
   * @throws RegistryValidationException listing every error of every bad row, by line number
   */
  @Transactional
  public List<Agreement> registerAll(String tenantId, List<Agreement> agreements,
      List<Integer> lineNumbers) {
    List<String> errors = validateAll(tenantId, agreements, lineNumbers);
    if (!errors.isEmpty()) {
      throw new RegistryValidationException(errors);
    }
    return agreements.stream().map(a -> insert(tenantId, withDefaults(a))).toList();
  }

  /**
   * The problems of a batch of agreements to register together, without saving anything: those
   * of {@link #validate} for each row plus ids repeated in the batch; rows may refer to each other.
   *
   * @param lineNumbers the line number of each agreement in its source file (same size)
   * @return messages prefixed by the line ({@code "línea 3: partnerName: es obligatorio"}), in
   *     input order; empty when the batch can be registered
   */
  public List<String> validateAll(String tenantId, List<Agreement> agreements,
      List<Integer> lineNumbers) {
    if (agreements.size() != lineNumbers.size()) {
      throw new IllegalArgumentException("lineNumbers must have one entry per agreement");
    }
    Set<String> batchIds = agreements.stream()
        .map(Agreement::id).filter(id -> id != null && !id.isBlank()).collect(Collectors.toSet());
    List<String> errors = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < agreements.size(); i++) {
      Agreement a = agreements.get(i);
      List<String> rowErrors = new ArrayList<>(validate(tenantId, a, batchIds));
      if (a.id() != null && !a.id().isBlank() && !seen.add(a.id())) {
        rowErrors.add("id: el id " + a.id() + " está repetido en el archivo");
      }
      int line = lineNumbers.get(i);
      rowErrors.forEach(e -> errors.add(lineMessage(line, e)));
    }
    return errors;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Required: {@code id} (the business key), {@code partnerName}, {@code partnerCountry},
   * {@code instrumentType}, {@code scope}. Validity may be empty until step A13.
   */
  @Override
  @Transactional
  public Agreement createRequest(String tenantId, Agreement request) {
    if (request.id() == null || request.id().isBlank()) {
      throw new RegistryValidationException("id: es obligatorio (clave de negocio del caso)");
    }
    List<String> errors = new ArrayList<>();
    checkCommon(tenantId, request, Set.of(), errors);
    checkValidity(request, false, errors);
    if (!errors.isEmpty()) {
      throw new RegistryValidationException(errors);
    }
    return insert(tenantId, copy(request, AgreementStatus.REQUESTED));
  }

  @Override
  @Transactional
  public void updateStatus(String tenantId, String id, AgreementStatus status) {
    if (status == null) {
      throw new RegistryValidationException("status: es obligatorio; " + allowed(AgreementStatus.values()));
    }
    int updated = jdbc.sql("UPDATE agreement SET status = :status, updated_at = :now "
            + "WHERE tenant_id = :tenant AND id = :id")
        .param("status", status.name())
        .param("now", OffsetDateTime.now())
        .param("tenant", tenantId)
        .param("id", id)
        .update();
    requireUpdated(updated, tenantId, id);
  }

  /**
   * {@inheritDoc}
   *
   * @throws RegistryValidationException when no agreement has this id in this tenant, when
   *     {@code validFrom} is missing, or {@code validUntil} is missing (not indefinite), given
   *     (indefinite) or before {@code validFrom}
   */
  @Override
  @Transactional
  public void recordValidity(String tenantId, String id, LocalDate signedDate, LocalDate validFrom,
      LocalDate validUntil, boolean indefinite, boolean autoRenewal) {
    List<String> errors = new ArrayList<>();
    checkValidity(validFrom, validUntil, indefinite, true, errors);
    if (!errors.isEmpty()) {
      throw new RegistryValidationException(errors);
    }
    int updated = jdbc.sql("UPDATE agreement SET signed_date = :signed, valid_from = :from, "
            + "valid_until = :until, indefinite = :indefinite, auto_renewal = :autoRenewal, "
            + "updated_at = :now WHERE tenant_id = :tenant AND id = :id")
        .param("signed", signedDate)
        .param("from", validFrom)
        .param("until", validUntil)
        .param("indefinite", indefinite)
        .param("autoRenewal", autoRenewal)
        .param("now", OffsetDateTime.now())
        .param("tenant", tenantId)
        .param("id", id)
        .update();
    requireUpdated(updated, tenantId, id);
  }

  /** Number of agreements of the tenant. */
  public long count(String tenantId) {
    return jdbc.sql("SELECT COUNT(*) FROM agreement WHERE tenant_id = :tenant")
        .param("tenant", tenantId)
        .query(Long.class)
        .single();
  }

  /**
   * The problems of an agreement to register, without saving anything: each message names the
   * field ({@code "partnerName: es obligatorio"}). Empty when the agreement can be registered.
   *
   * @param tenantId the tenant it would be registered in
   * @param otherIds ids of other agreements registered together with it (a CSV file), which
   *     {@code parentAgreementId} and {@code renewalOf} may refer to
   */
  public List<String> validate(String tenantId, Agreement agreement, Set<String> otherIds) {
    List<String> errors = new ArrayList<>();
    checkCommon(tenantId, agreement, otherIds, errors);
    checkValidity(agreement, true, errors);
    return errors;
  }

  /** A message of a CSV row: {@code "línea 3: partnerName: es obligatorio"}. */
  public static String lineMessage(int line, String error) {
    return "línea " + line + ": " + error;
  }

  /** {@code "valores permitidos: A, B, C"} for the constants of an enum. */
  public static String allowed(Enum<?>[] values) {
    return "valores permitidos: "
        + Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
  }

  private void checkCommon(String tenantId, Agreement a, Set<String> otherIds, List<String> errors) {
    if (a.tenantId() != null && !a.tenantId().equals(tenantId)) {
      errors.add("tenantId: no coincide con el tenant de la ruta (" + tenantId + ")");
    }
    if (a.id() != null && !a.id().isBlank()) {
      if (!ID_PATTERN.matcher(a.id()).matches()) {
        errors.add("id: solo letras, dígitos, '.', '_' o '-', máximo 64 caracteres");
      } else if (exists(tenantId, a.id())) {
        errors.add("id: ya existe un convenio con id " + a.id());
      }
    }
    requireText("partnerName", a.partnerName(), 300, errors);
    requireText("partnerCountry", a.partnerCountry(), 100, errors);
    maxLength("partnerCity", a.partnerCity(), 100, errors);
    maxLength("responsibleUnit", a.responsibleUnit(), 200, errors);
    if (a.instrumentType() == null) {
      errors.add("instrumentType: es obligatorio; " + allowed(InstrumentType.values()));
    }
    if (a.scope() == null) {
      errors.add("scope: es obligatorio; " + allowed(AgreementScope.values()));
    }
    if (a.specificPurpose() != null && !SPECIFIC_PURPOSES.contains(a.specificPurpose())) {
      errors.add("specificPurpose: valor '" + a.specificPurpose() + "' no válido; valores permitidos: "
          + String.join(", ", SPECIFIC_PURPOSES));
    } else if (a.specificPurpose() == null && a.instrumentType() == InstrumentType.CONVENIO_ESPECIFICO) {
      errors.add("specificPurpose: es obligatorio para CONVENIO_ESPECIFICO; valores permitidos: "
          + String.join(", ", SPECIFIC_PURPOSES));
    }
    checkReference("parentAgreementId", tenantId, a.parentAgreementId(), otherIds, errors);
    checkReference("renewalOf", tenantId, a.renewalOf(), otherIds, errors);
    if (a.mobilityPlacesPerPeriod() != null && a.mobilityPlacesPerPeriod() < 0) {
      errors.add("mobilityPlacesPerPeriod: no puede ser negativo");
    }
  }

  private void checkValidity(Agreement a, boolean required, List<String> errors) {
    checkValidity(a.validFrom(), a.validUntil(), a.indefinite(), required, errors);
  }

  private static void checkValidity(LocalDate from, LocalDate until, boolean indefinite,
      boolean required, List<String> errors) {
    if (from == null && required) {
      errors.add("validFrom: es obligatorio (fecha yyyy-MM-dd)");
    }
    if (indefinite && until != null) {
      errors.add("validUntil: debe estar vacío cuando indefinite es true");
    } else if (!indefinite && until == null && required) {
      errors.add("validUntil: es obligatorio salvo que indefinite sea true (fecha yyyy-MM-dd)");
    }
    if (from != null && until != null && until.isBefore(from)) {
      errors.add("validUntil: no puede ser anterior a validFrom (" + from + ")");
    }
  }

  private void checkReference(String field, String tenantId, String ref, Set<String> otherIds,
      List<String> errors) {
    if (ref != null && !ref.isBlank() && !otherIds.contains(ref) && !exists(tenantId, ref)) {
      errors.add(field + ": no existe un convenio con id " + ref + " en este tenant");
    }
  }

  private static void requireText(String field, String value, int max, List<String> errors) {
    if (value == null || value.isBlank()) {
      errors.add(field + ": es obligatorio");
    } else {
      maxLength(field, value, max, errors);
    }
  }

  private static void maxLength(String field, String value, int max, List<String> errors) {
    if (value != null && value.length() > max) {
      errors.add(field + ": máximo " + max + " caracteres");
    }
  }

  private boolean exists(String tenantId, String id) {
    return jdbc.sql("SELECT COUNT(*) FROM agreement WHERE tenant_id = :tenant AND id = :id")
        .param("tenant", tenantId)
        .param("id", id)
        .query(Long.class)
        .single() > 0;
  }

  private static Agreement withDefaults(Agreement a) {
    return copy(a, a.status() == null ? AgreementStatus.ACTIVE : a.status());
  }

  private static Agreement copy(Agreement a, AgreementStatus status) {
    return new Agreement(blankToNull(a.id()), a.tenantId(), a.instrumentType(),
        blankToNull(a.specificPurpose()), blankToNull(a.parentAgreementId()),
        blankToNull(a.renewalOf()), a.partnerName().strip(), a.partnerCountry().strip(),
        blankToNull(a.partnerCity()), a.scope(), blankToNull(a.responsibleUnit()), a.signedDate(),
        a.validFrom(), a.validUntil(), a.indefinite(), a.autoRenewal(), status,
        a.mobilityPlacesPerPeriod(), a.network(), blankToNull(a.processInstanceId()));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** Inserts a validated row; generates the id when none is given. */
  private Agreement insert(String tenantId, Agreement a) {
    String id = a.id() != null ? a.id() : nextFreeId(tenantId);
    OffsetDateTime now = OffsetDateTime.now();
    try {
      jdbc.sql("INSERT INTO agreement (" + COLUMNS + ", created_at, updated_at) VALUES (:tenant, "
              + ":id, :instrumentType, :specificPurpose, :parent, :renewalOf, :partnerName, "
              + ":partnerCountry, :partnerCity, :scope, :responsibleUnit, :signedDate, :validFrom, "
              + ":validUntil, :indefinite, :autoRenewal, :status, :places, :network, "
              + ":processInstanceId, :now, :now)")
          .param("tenant", tenantId)
          .param("id", id)
          .param("instrumentType", a.instrumentType().name())
          .param("specificPurpose", a.specificPurpose())
          .param("parent", a.parentAgreementId())
          .param("renewalOf", a.renewalOf())
          .param("partnerName", a.partnerName())
          .param("partnerCountry", a.partnerCountry())
          .param("partnerCity", a.partnerCity())
          .param("scope", a.scope().name())
          .param("responsibleUnit", a.responsibleUnit())
          .param("signedDate", a.signedDate())
          .param("validFrom", a.validFrom())
          .param("validUntil", a.validUntil())
          .param("indefinite", a.indefinite())
          .param("autoRenewal", a.autoRenewal())
          .param("status", a.status().name())
          .param("places", a.mobilityPlacesPerPeriod())
          .param("network", a.network())
          .param("processInstanceId", a.processInstanceId())
          .param("now", now)
          .update();
    } catch (DuplicateKeyException e) {
      throw new RegistryValidationException("id: ya existe un convenio con id " + id);
    }
    return findById(tenantId, id).orElseThrow();
  }

  /** The next generated id not yet used in the tenant (an imported row may have taken one). */
  private String nextFreeId(String tenantId) {
    String id;
    do {
      id = businessKeys.next(tenantId, ID_PREFIX);
    } while (exists(tenantId, id));
    return id;
  }

  private void requireUpdated(int updated, String tenantId, String id) {
    if (updated == 0) {
      throw new RegistryValidationException(
          "id: no existe un convenio con id " + id + " en el tenant " + tenantId);
    }
  }

  private static Agreement map(ResultSet rs, int row) throws SQLException {
    return new Agreement(
        rs.getString("id"),
        rs.getString("tenant_id"),
        InstrumentType.valueOf(rs.getString("instrument_type")),
        rs.getString("specific_purpose"),
        rs.getString("parent_agreement_id"),
        rs.getString("renewal_of"),
        rs.getString("partner_name"),
        rs.getString("partner_country"),
        rs.getString("partner_city"),
        AgreementScope.valueOf(rs.getString("scope")),
        rs.getString("responsible_unit"),
        rs.getObject("signed_date", LocalDate.class),
        rs.getObject("valid_from", LocalDate.class),
        rs.getObject("valid_until", LocalDate.class),
        rs.getBoolean("indefinite"),
        rs.getBoolean("auto_renewal"),
        AgreementStatus.valueOf(rs.getString("status")),
        rs.getObject("mobility_places_per_period", Integer.class),
        rs.getBoolean("network"),
        rs.getString("process_instance_id"));
  }
}
