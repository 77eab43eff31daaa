package co.ori.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@link MailRecipients} against the real engine identity service: two tenants sharing one
 * group id, as in procedures.md §0.3. Ids are random so the shared context stays clean.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MailRecipientsTest {

  @Autowired IdentityService identityService;
  @Autowired MailRecipients recipients;

  private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  private final String tenantA = "mta" + suffix;
  private final String tenantB = "mtb" + suffix;
  private final String group = "mtg" + suffix;
  private final String emptyGroup = "mte" + suffix;
  private final List<String> users = new ArrayList<>();

  @BeforeEach
  void createIdentities() {
    tenant(tenantA);
    tenant(tenantB);
    group(group);
    group(emptyGroup);
    user("coordA", tenantA, group, true);
    user("coordA2", tenantA, group, true);
    user("noMailA", tenantA, group, false);
    user("otherA", tenantA, null, true);
    user("coordB", tenantB, group, true);
  }

  @AfterEach
  void deleteIdentities() {
    users.forEach(identityService::deleteUser);
    identityService.deleteGroup(group);
    identityService.deleteGroup(emptyGroup);
    identityService.deleteTenant(tenantA);
    identityService.deleteTenant(tenantB);
  }

  @Test
  void groupResolvesOnlyTheMembersOfTheCaseTenant() {
    assertThat(recipients.resolve("group:" + group, tenantA, null))
        .containsExactlyInAnyOrder(mail("coordA"), mail("coordA2"));
    assertThat(recipients.resolve("group:" + group, tenantB, null))
        .containsExactly(mail("coordB"));
  }

  @Test
  void entriesAreCombinedWithoutDuplicates() {
    assertThat(recipients.resolve(
        " user:" + id("otherA") + ", initiator ,oficina@umc.edu.co,, user:" + id("coordB")
            + ", group:" + group,
        tenantB, id("otherA")))
        .containsExactly(mail("otherA"), "oficina@umc.edu.co", mail("coordB"));
  }

  @Test
  void emptyResultIsAnErrorNamingMailTo() {
    assertThatThrownBy(() -> recipients.resolve("group:" + emptyGroup, tenantA, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("mailTo='group:" + emptyGroup + "'");
    assertThatThrownBy(() -> recipients.resolve(" , ", tenantA, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("mailTo");
  }

  @Test
  void badEntriesAreErrorsNamingTheEntry() {
    assertThatThrownBy(() -> recipients.resolve("user:nadie" + suffix, tenantA, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nadie" + suffix);
    assertThatThrownBy(() -> recipients.resolve("user:" + id("noMailA"), tenantA, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no tiene correo");
    assertThatThrownBy(() -> recipients.resolve("initiator", tenantA, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initiator");
    assertThatThrownBy(() -> recipients.resolve("group:" + group, null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tenant");
    assertThatThrownBy(() -> recipients.resolve("correo@@mal", tenantA, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("correo@@mal");
    assertThatThrownBy(() -> recipients.resolve("role:rector", tenantA, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("role:rector");
  }

  private String id(String name) {
    return name + suffix;
  }

  private String mail(String name) {
    return id(name) + "@demo.ori.local";
  }

  private void tenant(String id) {
    Tenant tenant = identityService.newTenant(id);
    tenant.setName("Tenant de prueba " + id);
    identityService.saveTenant(tenant);
  }

  private void group(String id) {
    Group g = identityService.newGroup(id);
    g.setName("Grupo de prueba");
    identityService.saveGroup(g);
  }

  private void user(String name, String tenantId, String groupId, boolean withMail) {
    User user = identityService.newUser(id(name));
    user.setFirstName(name);
    if (withMail) {
      user.setEmail(mail(name));
    }
    identityService.saveUser(user);
    users.add(user.getId());
    identityService.createTenantUserMembership(tenantId, user.getId());
    if (groupId != null) {
      identityService.createMembership(user.getId(), groupId);
    }
  }
}
