package co.ori.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Identity settings ({@code ori.identity.*}).
 *
 * @param demoUsers true on the embedded default: seed {@code <tenant>.<group>} demo users
 * @param demoPassword password of every demo user ({@code demo})
 * @param adminUser id of the administrator (group {@code camunda-admin}); {@code ORI_ADMIN_USER}
 * @param adminPassword its password; {@code ORI_ADMIN_PASSWORD}. Required outside the embedded
 *     default: the application refuses to start without it (contract, "Users and groups").
 */
@ConfigurationProperties(prefix = "ori.identity")
public record IdentityProperties(boolean demoUsers, String demoPassword, String adminUser, String adminPassword) {

  /**
   * @throws IllegalStateException when demo users are off and no admin password is given
   */
  public IdentityProperties {
    if (adminUser == null || adminUser.isBlank()) {
      adminUser = "admin";
    }
    if (!demoUsers && (adminPassword == null || adminPassword.isBlank())) {
      throw new IllegalStateException("Falta la contraseña del administrador: defina la variable de entorno "
          + "ORI_ADMIN_PASSWORD (el perfil postgres no crea usuarios de demostración ni contraseñas por defecto)");
    }
  }
}
