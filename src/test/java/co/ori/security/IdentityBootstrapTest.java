package co.ori.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Tenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Tenants, demo users, authorizations and Tasklist filters of the embedded default. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IdentityBootstrapTest {

  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired FilterService filterService;
  @Autowired org.camunda.bpm.engine.TaskService taskService;
  @Autowired IdentityBootstrap bootstrap;
  @Autowired TasklistFilters tasklistFilters;

  @Test
  void everyTenantOfTheContractExists() {
    assertThat(identityService.createTenantQuery().list()).extracting(Tenant::getId)
        .contains("umc", "pasto", "cesmag", "unal", "ufps");
  }

  @Test
  void demoUsersBelongToOneTenantAndTheirGroup() {
    for (String group : List.of("faculty-requester", "cini-coordinator", "general-secretary", "rector-office")) {
      String userId = "umc." + group;
      assertThat(identityService.createUserQuery().userId(userId).memberOfGroup(group).count())
          .as(userId).isEqualTo(1);
      assertThat(identityService.createTenantQuery().userMember(userId).list())
          .extracting(Tenant::getId).containsExactly("umc");
      assertThat(identityService.checkPassword(userId, "demo")).isTrue();
    }
    assertThat(identityService.createUserQuery().userId("cesmag.cini-coordinator").count()).isEqualTo(1);
    assertThat(identityService.createUserQuery().userId("demo").memberOfGroup("camunda-admin").count()).isEqualTo(1);
  }

  @Test
  void onlyStarterGroupsMayStartTheFormalization() {
    assertThat(authorizationService.isUserAuthorized("umc.faculty-requester", List.of("faculty-requester"),
        ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, "agreement-formalization")).isTrue();
    assertThat(authorizationService.isUserAuthorized("umc.general-secretary", List.of("general-secretary"),
        ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, "agreement-formalization")).isFalse();
  }

  @Test
  void bootstrapIsIdempotent() throws Exception {
    long authorizations = authorizationService.createAuthorizationQuery().count();
    long users = identityService.createUserQuery().count();
    long filters = filterService.createFilterQuery().count();

    bootstrap.run(new DefaultApplicationArguments());
    tasklistFilters.run(new DefaultApplicationArguments());

    assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations);
    assertThat(identityService.createUserQuery().count()).isEqualTo(users);
    assertThat(filterService.createFilterQuery().count()).isEqualTo(filters);
  }

  @Test
  void overdueAndGroupFiltersShowOnlyTheUsersTenant() {
    org.camunda.bpm.engine.TaskService tasks = taskService;
    org.camunda.bpm.engine.task.Task task = tasks.newTask();
    task.setName("Tarea vencida de prueba");
    task.setTenantId("umc");
    task.setDueDate(java.util.Date.from(java.time.Instant.now().minus(java.time.Duration.ofDays(1))));
    tasks.saveTask(task);
    tasks.addCandidateGroup(task.getId(), "cini-coordinator");
    try {
      Filter overdue = filterService.createFilterQuery().filterName(TasklistFilters.OVERDUE).singleResult();
      Filter group = filterService.createFilterQuery().filterName(TasklistFilters.MY_GROUP_TASKS).singleResult();
      identityService.setAuthentication("umc.cini-coordinator", List.of("cini-coordinator"), List.of("umc"));
      assertThat(filterService.<org.camunda.bpm.engine.task.Task>listPage(overdue.getId(), 0, 50))
          .extracting(org.camunda.bpm.engine.task.Task::getId).contains(task.getId());
      assertThat(filterService.<org.camunda.bpm.engine.task.Task>listPage(group.getId(), 0, 50))
          .extracting(org.camunda.bpm.engine.task.Task::getId).contains(task.getId());
      identityService.setAuthentication("cesmag.cini-coordinator", List.of("cini-coordinator"), List.of("cesmag"));
      assertThat(filterService.<org.camunda.bpm.engine.task.Task>listPage(overdue.getId(), 0, 50))
          .extracting(org.camunda.bpm.engine.task.Task::getId).doesNotContain(task.getId());
    } finally {
      identityService.clearAuthentication();
      tasks.deleteTask(task.getId(), true);
    }
  }

  @Test
  void tasklistFiltersExistSortedByDueDate() {
    List<Filter> filters = filterService.createFilterQuery().list();
    assertThat(filters).extracting(Filter::getName)
        .contains(TasklistFilters.MY_TASKS, TasklistFilters.MY_GROUP_TASKS, TasklistFilters.OVERDUE);
    for (Filter filter : filters) {
      assertThat(filter.getQuery().toString()).isNotNull();
      assertThat(((org.camunda.bpm.engine.impl.TaskQueryImpl) filter.getQuery()).getOrderingProperties())
          .as(filter.getName()).anyMatch(o -> o.getQueryProperty().getName().equals("DUE_DATE_"));
    }
  }
}
