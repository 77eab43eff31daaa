package co.ori.mobility;

import co.ori.security.TenantAccess;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API of the bans registry {@code mobility-bans} (contract "Registries";
 * {@code procedures.md} §6.4), JSON over HTTP Basic, scoped to the caller's tenant. Read-only:
 * bans are recorded by the withdrawal and sanction steps of the processes (§6.1–6.3).
 *
 * <ul>
 *   <li>{@code GET /api/tenants/{tenant}/bans?personId=…}: the tenant's bans, active and lifted
 *       ({@code active}, {@code liftedAt}), oldest first; {@code personId} optional.</li>
 * </ul>
 *
 * <p>Errors: 401 without credentials, 403 for another tenant, 404 unknown tenant.
 */
@RestController
@RequestMapping("/api/tenants/{tenant}/bans")
public class BanController {

  private final BanRegistry registry;
  private final TenantAccess tenantAccess;

  /** Wires the registry and the tenant checks. */
  public BanController(BanRegistry registry, TenantAccess tenantAccess) {
    this.registry = registry;
    this.tenantAccess = tenantAccess;
  }

  /**
   * The tenant's bans.
   *
   * @param personId only this person's bans; all when absent or blank
   */
  @GetMapping
  public List<Ban> list(@PathVariable String tenant,
      @RequestParam(required = false) String personId) {
    tenantAccess.requireTenant(tenant);
    return registry.find(tenant, personId == null || personId.isBlank() ? null : personId.strip());
  }
}
