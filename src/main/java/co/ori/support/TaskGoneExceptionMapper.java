package co.ori.support;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;

/**
 * A third way to lose a race for a task (issue 8, concurrency): the slower of two completions can
 * load the task before the winner's commit and its execution after it, and the engine then fails
 * with an unchecked exception (e.g. a {@code NullPointerException} "activityInstanceId is null")
 * that Camunda answers with HTTP 500. For a task action ({@code POST /task/{id}/complete},
 * {@code /submit-form}, {@code /resolve}) whose task no longer exists, this mapper answers 404
 * {@code {"type": "TaskNotFound", "message": "<Spanish text>", "detail": "<engine text>"}} like
 * {@link InvalidVariableExceptionMapper}. Everything else keeps Camunda's mapping
 * ({@link ExceptionHandlerHelper}, the same as Camunda's own catch-all handler).
 */
@Provider
@Priority(1)
public class TaskGoneExceptionMapper implements ExceptionMapper<RuntimeException> {

  private static final Pattern TASK_ACTION =
      Pattern.compile("(?:^|/)task/([^/]+)/(?:complete|submit-form|resolve)/?$");

  @Context UriInfo uriInfo;

  @Override
  public Response toResponse(RuntimeException exception) {
    String taskId = uriInfo == null ? null : taskActionOf(uriInfo.getPath());
    if (taskId == null || TaskGoneAuthorizationExceptionMapper.taskExists(taskId)) {
      return ExceptionHandlerHelper.getInstance().getResponse(exception);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "TaskNotFound");
    body.put("message", InvalidVariableExceptionMapper.TASK_GONE_MESSAGE);
    body.put("detail", "Task " + taskId + " no longer exists: " + exception);
    return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(body).build();
  }

  /** The task id of a task action path ({@code task/<id>/complete} ...), else null. */
  static String taskActionOf(String path) {
    Matcher m = TASK_ACTION.matcher(path == null ? "" : path);
    return m.find() ? m.group(1) : null;
  }
}
