package co.ori.security;

import co.ori.support.ClusterLock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters staff need, created idempotently at start-up (by name) and readable by
 * every user, each sorted by due date (earliest first):
 * <ul>
 *   <li>"Mis tareas": tasks assigned to me;</li>
 *   <li>"Tareas de mi grupo": unclaimed tasks of my candidate groups;</li>
 *   <li>"Vencidas": my or my groups' tasks whose due date has passed.</li>
 * </ul>
 * The engine's tenant check limits each list to the user's tenant. Runs under the
 * {@link ClusterLock}, so nodes starting together create each filter once.
 */
@Component
@Order(30)
public class TasklistFilters implements ApplicationRunner {

  /** Filter names, as Tasklist shows them. */
  public static final String MY_TASKS = "Mis tareas";
  public static final String MY_GROUP_TASKS = "Tareas de mi grupo";
  public static final String OVERDUE = "Vencidas";

  private final FilterService filters;
  private final TaskService tasks;
  private final AuthorizationService authorizations;
  private final ClusterLock clusterLock;

  public TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations,
      ClusterLock clusterLock) {
    this.clusterLock = clusterLock;
    this.filters = filters;
    this.tasks = tasks;
    this.authorizations = authorizations;
  }

  @Override
  public void run(ApplicationArguments args) {
    clusterLock.runExclusively(this::bootstrap);
  }

  private void bootstrap() {
    // Tasklist opens the filter with the lowest priority: my tasks, then my groups', then overdue.
    ensure(MY_TASKS, "Tareas asignadas a mí", -30, "#1f6feb",
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
    ensure(MY_GROUP_TASKS, "Tareas sin reclamar de mis grupos", -20, "#2da44e",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").orderByDueDate().asc());
    ensure(OVERDUE, "Mis tareas y las de mis grupos con la fecha límite vencida", -10, "#cf222e",
        tasks.createTaskQuery()
            .or()
              .taskAssigneeExpression("${currentUser()}")
              .taskCandidateGroupInExpression("${currentUserGroups()}")
            .endOr()
            .dueBeforeExpression("${now()}")
            .orderByDueDate().asc());
  }

  private void ensure(String name, String description, int priority, String color, TaskQuery query) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("color", color);
    properties.put("refresh", true);
    Filter existing = filters.createFilterQuery().filterName(name).singleResult();
    if (existing != null) {
      if (!properties.equals(existing.getProperties())) {
        filters.saveFilter(existing.setProperties(properties));
      }
      return;
    }
    Filter filter = filters.newTaskFilter(name).setQuery(query).setProperties(properties);
    filters.saveFilter(filter);
    Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
    read.setResource(Resources.FILTER);
    read.setResourceId(filter.getId());
    read.addPermission(Permissions.READ);
    authorizations.saveAuthorization(read);
  }
}
