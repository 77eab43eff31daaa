package co.ori.security;

import co.ori.support.TenantCatalog;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Tenant scoping of the application's own REST API ({@code /api/tenants/{tenant}/...}). The
 * caller was authenticated by Camunda's {@code ProcessEngineAuthenticationFilter}
 * ({@link RestSecurityConfiguration}), which put user, groups and tenants on the engine's
 * {@link IdentityService} for this request thread.
 */
@Component
public class TenantAccess {

  private final IdentityService identityService;
  private final TenantCatalog tenants;

  public TenantAccess(IdentityService identityService, TenantCatalog tenants) {
    this.identityService = identityService;
    this.tenants = tenants;
  }

  /**
   * Checks that the caller may read and write the given tenant's registries: it is a member of
   * the tenant, or of group {@code camunda-admin}.
   *
   * @throws TenantAccessDeniedException otherwise (HTTP 403); checked first, so a non-admin
   *     learns nothing about which tenants exist
   * @throws ResponseStatusException 404 when the contract has no such tenant
   * @throws IllegalStateException when no caller is authenticated (the filter answers 401 first)
   */
  public void requireTenant(String tenantId) {
    Authentication auth = identityService.getCurrentAuthentication();
    if (auth == null) {
      throw new IllegalStateException("Sin autenticación: la petición no pasó por el filtro de autenticación");
    }
    List<String> memberOf = auth.getTenantIds();
    if (!isAdmin(auth) && (memberOf == null || !memberOf.contains(tenantId))) {
      throw new TenantAccessDeniedException(tenantId);
    }
    if (tenants.find(tenantId).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No existe el tenant " + tenantId);
    }
  }

  /** The authenticated user's id, or null outside an authenticated request. */
  public String currentUserId() {
    Authentication auth = identityService.getCurrentAuthentication();
    return auth == null ? null : auth.getUserId();
  }

  private static boolean isAdmin(Authentication auth) {
    return auth.getGroupIds() != null && auth.getGroupIds().contains(Groups.CAMUNDA_ADMIN);
  }
}
