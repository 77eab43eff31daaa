package co.ori.cooperation;

import co.ori.security.TenantAccess;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
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
 * Export of the calls matrix for the office's reports (matriz de convocatorias, 001 tasks 1,
 * 2, 6, 7): {@code GET /api/tenants/{tenant}/calls/export?format=csv|xlsx} (default
 * {@code csv}), HTTP Basic, scoped to the caller's tenant like every {@code /api} endpoint.
 * The file is sent as an attachment named {@code matriz-convocatorias-<tenant>-<yyyy-MM-dd>.<ext>}.
 *
 * <p>Errors (JSON, {@code co.ori.support.RestErrors}): 400 for an unknown format, 401 without
 * credentials, 403 for another tenant, 404 for a tenant without a calls matrix (one that does
 * not run {@code pasto-cooperation-strategy}).
 */
@RestController
public class CooperationCallExportController {

  /** Media type of an XLSX workbook. */
  public static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final CooperationCallMatrix matrix;
  private final CooperationCallExport export;
  private final TenantAccess tenantAccess;

  /** Wires the matrix, the file writers and the tenant checks. */
  public CooperationCallExportController(CooperationCallMatrix matrix, CooperationCallExport export,
      TenantAccess tenantAccess) {
    this.matrix = matrix;
    this.export = export;
    this.tenantAccess = tenantAccess;
  }

  /**
   * The tenant's calls matrix as a CSV or XLSX file.
   *
   * @param format {@code csv} (default) or {@code xlsx}, any case
   * @throws ResponseStatusException 400 for another format, 404 when the tenant keeps no matrix
   */
  @GetMapping("/api/tenants/{tenant}/calls/export")
  public ResponseEntity<byte[]> export(@PathVariable String tenant,
      @RequestParam(defaultValue = "csv") String format) {
    tenantAccess.requireTenant(tenant);
    if (!matrix.keptBy(tenant)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "El tenant " + tenant
          + " no lleva una matriz de convocatorias de cooperación (procedimiento "
          + CooperationCallMatrix.PROCESS_KEY + ")");
    }
    String ext = format.strip().toLowerCase(java.util.Locale.ROOT);
    byte[] body;
    MediaType type;
    switch (ext) {
      case "csv" -> {
        body = export.csv(matrix.findAll(tenant));
        type = new MediaType("text", "csv", StandardCharsets.UTF_8);
      }
      case "xlsx" -> {
        body = export.xlsx(matrix.findAll(tenant));
        type = XLSX;
      }
      default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
          "format: valor '" + format + "' no válido; valores permitidos: csv, xlsx");
    }
    String name = "matriz-convocatorias-" + tenant + "-" + LocalDate.now(ZoneId.of("America/Bogota"))
        + "." + ext;
    return ResponseEntity.ok()
        .contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
        .body(body);
  }
}
