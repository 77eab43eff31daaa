package co.ori.cooperation;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The office's professionals (group {@code pasto-professional}, {@code procedures.md} §1.1 R21)
 * among whom the office head designates the supervisor of a project (P14, 001 task 8 "el
 * profesional designado").
 *
 * <p>The lists are read with the engine's authorization check off for the read only: the head
 * completing P14 may not hold READ on every user, yet the choice must see all professionals of
 * the tenant. Only ids and names are read, and only users of the case's tenant.
 */
@Component
public class CooperationStaff {

  /** Candidate group of the office's professionals. */
  public static final String PROFESSIONALS = "pasto-professional";

  private final IdentityService identityService;

  /** @param identityService the engine's users (lazy: the engine calls this bean) */
  public CooperationStaff(@Lazy IdentityService identityService) {
    this.identityService = identityService;
  }

  /**
   * A professional of the tenant, as shown in the designation form.
   *
   * @param id user id, e.g. {@code pasto.pasto-professional}
   * @param name first and last name, or the id when the user has none
   */
  public record Professional(String id, String name) {}

  /** Every user of group {@code pasto-professional} who belongs to the tenant, by id. */
  public List<Professional> professionals(String tenantId) {
    return unchecked(() -> identityService.createUserQuery().memberOfGroup(PROFESSIONALS)
        .memberOfTenant(tenantId).orderByUserId().asc().list().stream()
        .map(CooperationStaff::professional).toList());
  }

  /** The professional with this id in the tenant, or null when there is none. */
  public Professional professional(String tenantId, String userId) {
    return unchecked(() -> identityService.createUserQuery().userId(userId)
        .memberOfGroup(PROFESSIONALS).memberOfTenant(tenantId).list().stream()
        .map(CooperationStaff::professional).findFirst().orElse(null));
  }

  private static Professional professional(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).strip();
    return new Professional(user.getId(), name.isEmpty() ? user.getId() : name);
  }

  /** Runs a read inside the current engine command with the authorization check off. */
  private static <T> T unchecked(Supplier<T> read) {
    CommandContext context = Context.getCommandContext();
    if (context == null || !context.isAuthorizationCheckEnabled()) {
      return read.get();
    }
    context.disableAuthorizationCheck();
    try {
      return read.get();
    } finally {
      context.enableAuthorizationCheck();
    }
  }
}
