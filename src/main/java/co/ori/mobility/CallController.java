package co.ori.mobility;

import co.ori.agreements.RegistryValidationException;
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
 * <p>Errors as JSON {@code {"error": "...", "errors": [...]}} ({@code co.ori.support.RestErrors}):
 * 400 naming each bad field, 401 without credentials, 403 for another tenant, 404 unknown
 * tenant or id.
 */
@RestController
@RequestMapping("/api/tenants/{tenant}/calls")
public class CallController {

  private final CallRegistry registry;
  private final TenantAccess tenantAccess;

  /** Wires the registry and the tenant checks. */
  public CallController(CallRegistry registry, TenantAccess tenantAccess) {
    this.registry = registry;
    this.tenantAccess = tenantAccess;
  }

  /** Every call of the tenant, ordered by id. */
  @GetMapping
  public List<Call> list(@PathVariable String tenant) {
    tenantAccess.requireTenant(tenant);
    return registry.findAll(tenant);
  }

  /**
   * One call.
   *
   * @throws ResponseStatusException 404 when the tenant has no call with this id
   */
  @GetMapping("/{id}")
  public Call get(@PathVariable String tenant, @PathVariable String id) {
    tenantAccess.requireTenant(tenant);
    return registry.findById(tenant, id).orElseThrow(() -> new ResponseStatusException(
        HttpStatus.NOT_FOUND, "No existe una convocatoria con id " + id + " en el tenant " + tenant));
  }

  /**
   * Registers a call; the id is generated ({@code CALL-<year>-<seq>}) when not given.
   *
   * @return 201 with the stored row and its {@code Location}
   * @throws RegistryValidationException (400) naming each missing or invalid field
   */
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Call> register(@PathVariable String tenant, @RequestBody Call call) {
    tenantAccess.requireTenant(tenant);
    Call stored = registry.register(tenant, call);
    return ResponseEntity.created(URI.create("/api/tenants/" + tenant + "/calls/" + stored.id()))
        .body(stored);
  }

}
