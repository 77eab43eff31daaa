package co.ori.agreements;

import co.ori.mobility.reports.OfficeReports;
import co.ori.mobility.reports.ReciprocityBalance;
import co.ori.security.TenantAccess;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * REST API of the agreement registry (contract "Registries"; {@code procedures.md} §2.a.4), JSON
 * over HTTP Basic, scoped to the caller's tenant. Dates are ISO {@code yyyy-MM-dd}.
 *
 * <ul>
 *   <li>{@code GET /api/tenants/{tenant}/agreements}: every agreement of the tenant, by id;</li>
 *   <li>{@code GET /api/tenants/{tenant}/agreements/{id}}: one agreement, 404 when unknown;</li>
 *   <li>{@code POST /api/tenants/{tenant}/agreements}: registers an agreement that already
 *       exists on paper (status {@code ACTIVE} unless given): 201 with the stored row;</li>
 *   <li>{@code POST /api/tenants/{tenant}/agreements/import} ({@code text/csv}): loads a file,
 *       all rows or none ({@link AgreementCsvImport}): 201 with the stored rows.</li>
 * </ul>
 *
 * <p>Errors (JSON {@code {"error": "...", "errors": [...]}}, {@code co.ori.support.RestErrors}):
 * 400 naming each bad field (or line), 401 without credentials, 403 for another tenant's data,
 * 404 for an unknown tenant or id.
 */
@RestController
@RequestMapping("/api/tenants/{tenant}/agreements")
public class AgreementController {

  private final JdbcAgreementRegistry registry;
  private final AgreementCsvImport csvImport;
  private final TenantAccess tenantAccess;
  private final OfficeReports reports;

  /** Wires the registry, the CSV import, the tenant checks and the reciprocity balances. */
  public AgreementController(JdbcAgreementRegistry registry, AgreementCsvImport csvImport,
      TenantAccess tenantAccess, OfficeReports reports) {
    this.registry = registry;
    this.csvImport = csvImport;
    this.tenantAccess = tenantAccess;
    this.reports = reports;
  }

  /** Every agreement of the tenant, ordered by id. */
  @GetMapping
  public List<Agreement> list(@PathVariable String tenant) {
    tenantAccess.requireTenant(tenant);
    return registry.findAll(tenant);
  }

  /**
   * One agreement, with its reciprocity balance: students sent and received under it per academic
   * period, from the mobility case registry (002 art. 18.1; 004 art. 31; issue 7).
   *
   * @return the agreement's fields plus {@code reciprocity}: [{agreementId, partnerName, period,
   *     sent, received, difference, status}], one per period with accepted cases
   * @throws ResponseStatusException 404 when the tenant has no agreement with this id
   */
  @GetMapping("/{id}")
  public AgreementWithReciprocity get(@PathVariable String tenant, @PathVariable String id) {
    tenantAccess.requireTenant(tenant);
    Agreement agreement = registry.findById(tenant, id).orElseThrow(() -> new ResponseStatusException(
        HttpStatus.NOT_FOUND, "No existe un convenio con id " + id + " en el tenant " + tenant));
    return new AgreementWithReciprocity(agreement, reports.reciprocity(tenant, id, null));
  }

  /**
   * JSON of one agreement: its registry fields at the top level, plus its reciprocity balances.
   *
   * @param agreement the registry row
   * @param reciprocity students sent and received per period
   */
  public record AgreementWithReciprocity(@JsonUnwrapped Agreement agreement,
      List<ReciprocityBalance> reciprocity) {}

  /**
   * Registers an agreement that already exists on paper; the id is generated
   * ({@code CNV-<year>-<seq>}) when not given.
   *
   * @return 201 with the stored row and its {@code Location}
   * @throws RegistryValidationException (400) naming each missing or invalid field
   */
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Agreement> register(@PathVariable String tenant,
      @RequestBody Agreement agreement) {
    tenantAccess.requireTenant(tenant);
    Agreement stored = registry.register(tenant, agreement);
    return ResponseEntity
        .created(URI.create("/api/tenants/" + tenant + "/agreements/" + stored.id()))
        .body(stored);
  }

  /**
   * Loads a CSV file of agreements (header row = field names), all rows or none.
   *
   * @return 201 with the number of rows stored and the rows
   * @throws RegistryValidationException (400) listing every bad row by line number; nothing saved
   */
  @PostMapping(path = "/import", consumes = {"text/csv", "application/csv"})
  public ResponseEntity<ImportResult> importCsv(@PathVariable String tenant,
      @RequestBody(required = false) String csv) {
    tenantAccess.requireTenant(tenant);
    List<Agreement> stored = csvImport.importCsv(tenant, csv);
    return ResponseEntity.status(HttpStatus.CREATED).body(new ImportResult(stored.size(), stored));
  }

  /**
   * Answer of a CSV import.
   *
   * @param imported number of agreements stored
   * @param agreements the stored rows, in file order
   */
  public record ImportResult(int imported, List<Agreement> agreements) {}

}
