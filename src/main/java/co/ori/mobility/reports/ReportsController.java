package co.ori.mobility.reports;

import co.ori.security.TenantAccess;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The office's reports over HTTP Basic, scoped to the caller's tenant like every {@code /api}
 * endpoint ({@link OfficeReports}):
 * <ul>
 *   <li>{@code GET /api/tenants/{tenant}/agreements/{id}/reciprocity[?period=YYYY-n]}: JSON list of
 *       the agreement's reciprocity balances (students sent and received per period);</li>
 *   <li>{@code GET /api/tenants/{tenant}/reports/reciprocity[?period=YYYY-n]}: the balances of every
 *       agreement as CSV;</li>
 *   <li>{@code GET /api/tenants/{tenant}/reports/statistics?period=YYYY-n&format=xlsx|csv[&table=mobility|agreements|reciprocity]}:
 *       the office statistics (SNIES figures): XLSX with the three tables, or CSV of one table
 *       (default {@code mobility}).</li>
 * </ul>
 * Files are attachments named {@code <report>-<tenant>-<period>.<ext>}. Errors (JSON): 400 naming
 * {@code period}, {@code format} or {@code table}; 401 without credentials; 403 for another tenant.
 */
@RestController
public class ReportsController {

  /** Media type of an XLSX workbook. */
  public static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final OfficeReports reports;
  private final TenantAccess tenantAccess;

  /** Wires the reports and the tenant checks. */
  public ReportsController(OfficeReports reports, TenantAccess tenantAccess) {
    this.reports = reports;
    this.tenantAccess = tenantAccess;
  }

  /** Reciprocity balances of one agreement (JSON), one per period with accepted cases. */
  @GetMapping("/api/tenants/{tenant}/agreements/{id}/reciprocity")
  public List<ReciprocityBalance> agreementReciprocity(@PathVariable String tenant, @PathVariable String id,
      @RequestParam(required = false) String period) {
    tenantAccess.requireTenant(tenant);
    checkPeriod(period, false);
    return reports.reciprocity(tenant, id, period);
  }

  /** Reciprocity balances of every agreement as CSV. */
  @GetMapping("/api/tenants/{tenant}/reports/reciprocity")
  public ResponseEntity<byte[]> reciprocityCsv(@PathVariable String tenant,
      @RequestParam(required = false) String period) {
    tenantAccess.requireTenant(tenant);
    checkPeriod(period, false);
    return file(reports.reciprocityCsv(reports.reciprocity(tenant, period)), CSV,
        "reciprocidad-" + tenant + (period == null ? "" : "-" + period) + ".csv");
  }

  /** The office statistics of a period (XLSX with every table, or CSV of one). */
  @GetMapping("/api/tenants/{tenant}/reports/statistics")
  public ResponseEntity<byte[]> statistics(@PathVariable String tenant, @RequestParam(required = false) String period,
      @RequestParam(defaultValue = "xlsx") String format, @RequestParam(defaultValue = "mobility") String table) {
    tenantAccess.requireTenant(tenant);
    checkPeriod(period, true);
    String ext = format.strip().toLowerCase(Locale.ROOT);
    String name = "estadisticas-" + tenant + "-" + period;
    if (ext.equals("xlsx")) {
      return file(reports.statisticsXlsx(reports.mobility(tenant, period), reports.agreements(tenant, period),
          reports.reciprocity(tenant, period)), XLSX, name + ".xlsx");
    }
    if (!ext.equals("csv")) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
          "format: valor '" + format + "' no válido; valores permitidos: xlsx, csv");
    }
    return switch (table.strip().toLowerCase(Locale.ROOT)) {
      case "mobility" -> file(reports.mobilityCsv(reports.mobility(tenant, period)), CSV, name + "-movilidad.csv");
      case "agreements" -> file(reports.agreementsCsv(reports.agreements(tenant, period)), CSV, name + "-convenios.csv");
      case "reciprocity" -> file(reports.reciprocityCsv(reports.reciprocity(tenant, period)), CSV, name + "-reciprocidad.csv");
      default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
          "table: valor '" + table + "' no válido; valores permitidos: mobility, agreements, reciprocity");
    };
  }

  private static void checkPeriod(String period, boolean required) {
    if (period == null && !required) {
      return;
    }
    if (period == null || !OfficeReports.PERIOD.matcher(period).matches()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
          "period: se espera un periodo académico AAAA-1 o AAAA-2" + (period == null ? " (obligatorio)" : ", no '" + period + "'"));
    }
  }

  private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
    return ResponseEntity.ok().contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
        .body(body);
  }
}
