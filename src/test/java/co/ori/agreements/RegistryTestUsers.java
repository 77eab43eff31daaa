package co.ori.agreements;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/**
 * Staff users for the registry HTTP tests that belong to one tenant only, created through the
 * real engine's identity service, so the tests do not depend on which models are deployed (the
 * demo users {@code <tenant>.<group>} only exist for groups the deployed models use).
 */
public final class RegistryTestUsers {

  /** User of tenant {@code umc} only, no groups. */
  public static final String UMC_USER = "registrytestumc";

  /** Password of every test user. */
  public static final String PASSWORD = "demo";

  private RegistryTestUsers() {}

  /** Creates {@link #UMC_USER} once; returns its id. */
  public static String ensureUmcUser(IdentityService identityService) {
    return ensure(identityService, UMC_USER, "umc");
  }

  /** Creates (once) a user that belongs to the tenant only; returns its id. */
  public static String ensure(IdentityService identityService, String userId, String tenant) {
    if (identityService.createUserQuery().userId(userId).count() == 0) {
      User user = identityService.newUser(userId);
      user.setFirstName("Prueba");
      user.setLastName("Registros");
      user.setEmail(userId + "@demo.ori.local");
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
      identityService.createTenantUserMembership(tenant, userId);
    }
    return userId;
  }
}
