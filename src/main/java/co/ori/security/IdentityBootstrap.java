package co.ori.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import co.ori.support.TenantCatalog;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import co.ori.support.ClusterLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates, idempotently at every start-up, the identity the procedures need (contract, "Users and
 * groups"):
 * <ul>
 *   <li>one Camunda tenant per institution of {@link TenantCatalog};</li>
 *   <li>the administrator ({@code ori.identity.admin-user}) in group {@code camunda-admin}, which
 *       sees every tenant;</li>
 *   <li>every candidate group and starter group used by each tenant's deployed models, with the
 *       authorizations its tasks need: Tasklist access, read of process definitions, and for the
 *       starter groups ({@code camunda:candidateStarterGroups}) the right to start that process.
 *       Task access itself comes from the candidate group (Camunda grants it per task);</li>
 *   <li>on the embedded default only, one demo user {@code <tenant>.<group>} (password
 *       {@code demo}, e-mail {@code <tenant>.<group>@demo.ori.local}) per tenant and group,
 *       member of that group and of that tenant only.</li>
 * </ul>
 * Groups are shared across tenants (same ids everywhere, {@code procedures.md} §0.3); a user
 * belongs to one tenant and the engine's tenant check keeps it there. Runs under the
 * {@link ClusterLock}, so nodes starting together create nothing twice.
 */
@Component
@Order(20)
public class IdentityBootstrap implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(IdentityBootstrap.class);
  private static final String DEMO_MAIL_DOMAIN = "demo.ori.local";

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final RepositoryService repository;
  private final TenantCatalog catalog;
  private final IdentityProperties properties;
  private final ClusterLock clusterLock;

  public IdentityBootstrap(IdentityService identity, AuthorizationService authorizations,
      RepositoryService repository, TenantCatalog catalog, IdentityProperties properties,
      ClusterLock clusterLock) {
    this.clusterLock = clusterLock;
    this.identity = identity;
    this.authorizations = authorizations;
    this.repository = repository;
    this.catalog = catalog;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    clusterLock.runExclusively(this::bootstrap);
  }

  private void bootstrap() {
    createTenants();
    createAdmin();
    for (TenantCatalog.Tenant tenant : catalog.tenants()) {
      GroupsOfTenant groups = groupsOf(tenant.id());
      for (String group : groups.all()) {
        ensureGroup(group);
        grantTasklist(group);
      }
      groups.starters.forEach((group, keys) -> keys.forEach(key -> grantStart(group, key)));
      for (String group : MESSAGE_RECORDERS) {
        if (groups.all().contains(group)) {
          groups.messageKeys.forEach(key -> grantMessages(group, key));
        }
      }
      if (properties.demoUsers()) {
        groups.all().forEach(group -> ensureDemoUser(tenant, group));
      }
    }
  }

  private void createTenants() {
    for (TenantCatalog.Tenant t : catalog.tenants()) {
      if (identity.createTenantQuery().tenantId(t.id()).count() == 0) {
        Tenant tenant = identity.newTenant(t.id());
        tenant.setName(t.name());
        identity.saveTenant(tenant);
        LOG.info("Tenant creado: {} ({})", t.id(), t.name());
      }
    }
  }

  private void createAdmin() {
    if (identity.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
      Group admins = identity.newGroup(Groups.CAMUNDA_ADMIN);
      admins.setName("Administradores");
      admins.setType(Groups.GROUP_TYPE_SYSTEM);
      identity.saveGroup(admins);
    }
    for (Resource resource : Resources.values()) {
      grant(Groups.CAMUNDA_ADMIN, resource, Authorization.ANY, Permissions.ALL);
    }
    String adminId = properties.adminUser();
    if (identity.createUserQuery().userId(adminId).count() == 0) {
      User admin = identity.newUser(adminId);
      admin.setFirstName("Administrador");
      admin.setLastName("ORI");
      admin.setPassword(properties.adminPassword());
      admin.setEmail(adminId + "@" + DEMO_MAIL_DOMAIN);
      identity.saveUser(admin);
      LOG.info("Administrador creado: {}", adminId);
    }
    if (identity.createUserQuery().userId(adminId).memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
      identity.createMembership(adminId, Groups.CAMUNDA_ADMIN);
    }
  }

  /** Candidate groups and starter groups of the latest definitions deployed to a tenant. */
  GroupsOfTenant groupsOf(String tenantId) {
    GroupsOfTenant result = new GroupsOfTenant();
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery()
        .tenantIdIn(tenantId).latestVersion().list()) {
      BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        result.candidates.addAll(split(task.getCamundaCandidateGroups()));
      }
      if (!model.getModelElementsByType(MessageEventDefinition.class).isEmpty()) {
        result.messageKeys.add(definition.getKey());
      }
      for (Process process : model.getModelElementsByType(Process.class)) {
        if (process.getId().equals(definition.getKey())) {
          for (String group : split(process.getCamundaCandidateStarterGroups())) {
            result.starters.computeIfAbsent(group, g -> new LinkedHashSet<>()).add(definition.getKey());
          }
        }
      }
    }
    return result;
  }

  private static Set<String> split(String groups) {
    Set<String> ids = new LinkedHashSet<>();
    if (groups == null || groups.contains("${") || groups.contains("#{")) {
      return ids;
    }
    Arrays.stream(groups.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(ids::add);
    return ids;
  }

  private void ensureGroup(String groupId) {
    if (identity.createGroupQuery().groupId(groupId).count() == 0) {
      Group group = identity.newGroup(groupId);
      group.setName(CandidateGroups.nameOf(groupId));
      group.setType(Groups.GROUP_TYPE_WORKFLOW);
      identity.saveGroup(group);
    }
  }

  private void grantTasklist(String group) {
    grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(group, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ);
  }

  /**
   * Office groups that record, on behalf of an external party (host or home institution, partner),
   * the answers the models await as message events ({@code HostAccepted}, {@code HostRejected},
   * {@code PartnerIntentionResponse}…): {@code POST /engine-rest/message} with the business key and
   * tenant. Correlation needs READ_INSTANCE and UPDATE_INSTANCE on the process definition; tenant
   * checks keep it to the group member's own tenant.
   */
  static final Set<String> MESSAGE_RECORDERS = Set.of("ori-staff", "dre", "cini-coordinator");

  private void grantMessages(String group, String processKey) {
    grant(group, Resources.PROCESS_DEFINITION, processKey, ProcessDefinitionPermissions.READ_INSTANCE);
    grant(group, Resources.PROCESS_DEFINITION, processKey, ProcessDefinitionPermissions.UPDATE_INSTANCE);
  }

  private void grantStart(String group, String processKey) {
    grant(group, Resources.PROCESS_DEFINITION, processKey, ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(group, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
  }

  private void ensureDemoUser(TenantCatalog.Tenant tenant, String group) {
    String userId = tenant.id() + "." + group;
    if (identity.createUserQuery().userId(userId).count() == 0) {
      User user = identity.newUser(userId);
      user.setFirstName(CandidateGroups.nameOf(group));
      user.setLastName("(" + tenant.id().toUpperCase() + ")");
      user.setEmail(userId + "@" + DEMO_MAIL_DOMAIN);
      user.setPassword(properties.demoPassword());
      identity.saveUser(user);
    }
    if (identity.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
      identity.createMembership(userId, group);
    }
    if (identity.createTenantQuery().tenantId(tenant.id()).userMember(userId).count() == 0) {
      identity.createTenantUserMembership(tenant.id(), userId);
    }
  }

  /** Grants (or widens) a group's permissions on one resource id; idempotent. */
  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization auth = authorizations.createAuthorizationQuery()
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).authorizationType(AUTH_TYPE_GRANT)
        .list().stream().findFirst().orElse(null);
    boolean isNew = auth == null;
    if (isNew) {
      auth = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      auth.setGroupId(groupId);
      auth.setResource(resource);
      auth.setResourceId(resourceId);
    }
    boolean changed = isNew;
    for (Permission p : permissions) {
      if (!auth.isPermissionGranted(p)) {
        auth.addPermission(p);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(auth);
    }
  }

  /** Groups found in one tenant's models. */
  static final class GroupsOfTenant {
    final Set<String> candidates = new LinkedHashSet<>();
    final Map<String, Set<String>> starters = new LinkedHashMap<>();
    /** Keys of definitions that wait for messages (see {@link #MESSAGE_RECORDERS}). */
    final Set<String> messageKeys = new LinkedHashSet<>();

    Set<String> all() {
      Set<String> all = new LinkedHashSet<>(candidates);
      all.addAll(starters.keySet());
      return all;
    }
  }
}
