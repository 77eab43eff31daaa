package co.ori.mobility;

import co.ori.agreements.RegistryValidationException;
import co.ori.cooperation.CooperationCallMatrix;
import co.ori.security.TenantAccess;
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
 * REST API of the call registry (convocatorias; contract "Registries"; {@code procedures.md}
 * §0.3), JSON over HTTP Basic, scoped to the caller's tenant. Dates are ISO {@code yyyy-MM-dd}.
 *
 * <ul>
 *   <li>{@code GET /api/tenants/{tenant}/calls}: every call of the tenant, by id;</li>
 *   <li>{@code GET /api/tenants/{tenant}/calls/{id}}: one call, 404 when unknown;</li>
 *   <li>{@code POST /api/tenants/{tenant}/calls}: registers a call: 201 with the stored row.</li>
 * </ul>
 *
 * <p>For a tenant that runs {@code pasto-cooperation-strategy} (Alcaldía de Pasto) the call
 * registry is its calls matrix ({@link CooperationCallMatrix}): GET returns the matrix rows
 * ({@code co.ori.cooperation.CooperationCall}), whose status the process keeps; POST answers 400
 * because a cooperation call enters the matrix by starting the procedure (001 task 1).
 *
 * <p>Errors as JSON {@code {"error": "...", "errors": [...]}} ({@code co.ori.support.RestErrors}):
 * 400 naming each bad field, 401 without credentials, 403 for another tenant, 404 unknown
 * tenant or id.
 */
@RestController
@RequestMapping("/api/tenants/{tenant}/calls")
public class CallController {

  private final CallRegistry registry;
  private final CooperationCallMatrix cooperationMatrix;
  private final TenantAccess tenantAccess;

  /** Wires the registry, the cooperation calls matrix and the tenant checks. */
  public CallController(CallRegistry registry, CooperationCallMatrix cooperationMatrix,
      TenantAccess tenantAccess) {
    this.registry = registry;
    this.cooperationMatrix = cooperationMatrix;
    this.tenantAccess = tenantAccess;
  }

  /** Every call of the tenant, ordered by id (the calls matrix for a cooperation tenant). */
  @GetMapping
  public List<?> list(@PathVariable String tenant) {
    tenantAccess.requireTenant(tenant);
    if (cooperationMatrix.keptBy(tenant)) {
      return cooperationMatrix.findAll(tenant);
    }
    return registry.findAll(tenant);
  }

  /**
   * One call.
   *
   * @throws ResponseStatusException 404 when the tenant has no call with this id
   */
  @GetMapping("/{id}")
  public Object get(@PathVariable String tenant, @PathVariable String id) {
    tenantAccess.requireTenant(tenant);
    if (cooperationMatrix.keptBy(tenant)) {
      return cooperationMatrix.findById(tenant, id).orElseThrow(() -> new ResponseStatusException(
          HttpStatus.NOT_FOUND, "No existe una convocatoria con id " + id + " en la matriz de " + tenant));
    }
    return registry.findById(tenant, id).orElseThrow(() -> new ResponseStatusException(
        HttpStatus.NOT_FOUND, "No existe una convocatoria con id " + id + " en el tenant " + tenant));
  }

  /**
   * Registers a call; the id is generated ({@code CALL-<year>-<seq>}) when not given.
   *
   * @return 201 with the stored row and its {@code Location}
   * @throws RegistryValidationException (400) naming each missing or invalid field
   * @throws ResponseStatusException 400 for a cooperation tenant (its calls enter the matrix
   *     through the procedure)
   */
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Call> register(@PathVariable String tenant, @RequestBody Call call) {
    tenantAccess.requireTenant(tenant);
    if (cooperationMatrix.keptBy(tenant)) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "En el tenant " + tenant
          + " las convocatorias de cooperación entran a la matriz al iniciar el procedimiento "
          + CooperationCallMatrix.PROCESS_KEY + " (POST /engine-rest/process-definition/key/"
          + CooperationCallMatrix.PROCESS_KEY + "/tenant-id/" + tenant + "/start)");
    }
    Call stored = registry.register(tenant, call);
    return ResponseEntity.created(URI.create("/api/tenants/" + tenant + "/calls/" + stored.id()))
        .body(stored);
  }

}
