package co.ori.security;

/**
 * The authenticated caller asked for data of a tenant it does not belong to. Answered with
 * HTTP 403 by the REST API.
 */
public class TenantAccessDeniedException extends RuntimeException {

  /** @param tenantId the tenant asked for */
  public TenantAccessDeniedException(String tenantId) {
    super("No tiene acceso al tenant " + tenantId);
  }
}
