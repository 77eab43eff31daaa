package co.ori.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Tenant scoping of the application's own REST API ({@code /api/tenants/{tenant}/...}). The
 * caller was authenticated by Camunda's {@code ProcessEngineAuthenticationFilter}
 * ({@link RestSecurityConfiguration}), which put user, groups and tenants on the engine's
 * {@link IdentityService} for this request thread.
 */
@Component
public class TenantAccess {

  private final IdentityService identityService;

  public TenantAccess(IdentityService identityService) {
    this.identityService = identityService;
  }

  /**
   * Checks that the caller may read and write the given tenant's registries: it is a member of
   * the tenant, or of group {@code camunda-admin}.
   *
   * @throws TenantAccessDeniedException otherwise (HTTP 403)
   * @throws IllegalStateException when no caller is authenticated (the filter answers 401 first)
   */
  public void requireTenant(String tenantId) {
    Authentication auth = identityService.getCurrentAuthentication();
    if (auth == null) {
      throw new IllegalStateException("Sin autenticación: la petición no pasó por el filtro de autenticación");
    }
    if (isAdmin(auth)) {
      return;
    }
    List<String> tenants = auth.getTenantIds();
    if (tenants == null || !tenants.contains(tenantId)) {
      throw new TenantAccessDeniedException(tenantId);
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
