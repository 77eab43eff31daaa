package co.ori.support;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.util.EngineUtil;

/**
 * The other way to lose a race for a task (issue 8, concurrency): when two people complete the
 * same task at the same moment, the slower request may still load the task while the winner's
 * commit has already deleted the task's authorizations; Camunda then answers 403 "does not have
 * TASK_WORK permission on Task ...", which misleads the user. When every missing authorization
 * of an {@link AuthorizationException} is about a task that <em>no longer exists</em>, this mapper
 * answers like {@link InvalidVariableExceptionMapper} does for a task that is gone: 404
 * {@code {"type": "TaskNotFound", "message": "<Spanish text>", "detail": "<engine text>"}}.
 * A real permission problem (the task exists) keeps Camunda's 403.
 */
@Provider
@Priority(1)
public class TaskGoneAuthorizationExceptionMapper implements ExceptionMapper<AuthorizationException> {

  @Override
  public Response toResponse(AuthorizationException exception) {
    String taskId = goneTaskOf(exception);
    if (taskId == null) {
      return ExceptionHandlerHelper.getInstance().getResponse(exception);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "TaskNotFound");
    body.put("message", InvalidVariableExceptionMapper.TASK_GONE_MESSAGE);
    body.put("detail", "Task " + taskId + " no longer exists: " + exception.getMessage());
    return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(body).build();
  }

  /**
   * The id of the task the exception is about when that task no longer exists, else null (no
   * task among the missing authorizations, or the task still exists). The lookup bypasses
   * authorization checks: it only asks whether the row exists.
   */
  static String goneTaskOf(AuthorizationException exception) {
    String taskId = null;
    for (MissingAuthorization missing : exception.getMissingAuthorizations()) {
      if (Resources.TASK.resourceName().equals(missing.getResourceType())) {
        if (taskId != null && !taskId.equals(missing.getResourceId())) {
          return null;
        }
        taskId = missing.getResourceId();
      }
    }
    if (taskId == null) {
      return null;
    }
    boolean exists = taskExists(taskId);
    return exists ? null : Objects.requireNonNull(taskId);
  }

  /** Whether the task row exists, regardless of the caller's authorizations. */
  static boolean taskExists(String taskId) {
    ProcessEngine engine = EngineUtil.lookupProcessEngine(null);
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired()
        .execute(context -> context.getTaskManager().findTaskById(taskId) != null);
  }
}
