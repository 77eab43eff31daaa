package co.ori.support;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * Camunda's REST resources wrap any engine exception of a start or completion in a
 * {@link RestException} with status 500. This mapper turns two of them into answers a user
 * understands; every other {@code RestException} keeps Camunda's own mapping.
 *
 * <ul>
 *   <li>Cause {@link InvalidVariableException} (bad input, not a server fault): 400 with
 *       {@code {"type": "InvalidVariableException", "variable": "endDate", "message": "..."}}.</li>
 *   <li>A concurrent change of the same case (two people completing the same task at the same
 *       moment; cause {@link OptimisticLockingException}): 409 Conflict with
 *       {@code {"type": "ConcurrentModification", "message": "<Spanish text>", "detail": "<engine text>"}}
 *       — the first completion counts, the second changes nothing (issue 8, concurrency).</li>
 *   <li>A task action on a task that does not exist (any more): Camunda answers 500 with cause
 *       {@link NullValueException} "Cannot find task"; this is what the slower of two people
 *       gets when the other one's completion was already committed. Answer 404 with
 *       {@code {"type": "TaskNotFound", "message": "<Spanish text>", "detail": "<engine text>"}}.</li>
 * </ul>
 */
@Provider
@Priority(1)
public class InvalidVariableExceptionMapper implements ExceptionMapper<RestException> {

  /** The message a user reads when someone else acted on the same task or case first. */
  public static final String CONCURRENT_MESSAGE = "Otra persona completó o modificó esta tarea al "
      + "mismo tiempo; su acción no se aplicó. Actualice la lista de tareas para ver el estado actual del caso.";

  /** The message a user reads when the task does not exist or was already completed. */
  public static final String TASK_GONE_MESSAGE = "La tarea no existe o ya fue completada (quizá por "
      + "otra persona). Actualice la lista de tareas para ver el estado actual del caso.";

  @Override
  public Response toResponse(RestException exception) {
    InvalidVariableException invalid = find(exception);
    if (invalid != null) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", InvalidVariableException.class.getSimpleName());
      body.put("variable", invalid.getVariable());
      body.put("message", invalid.getMessage());
      return json(Response.Status.BAD_REQUEST, body);
    }
    if (isOptimisticLock(exception)) {
      return json(Response.Status.CONFLICT,
          error("ConcurrentModification", CONCURRENT_MESSAGE, exception));
    }
    if (isTaskGone(exception)) {
      return json(Response.Status.NOT_FOUND, error("TaskNotFound", TASK_GONE_MESSAGE, exception));
    }
    return ExceptionHandlerHelper.getInstance().getResponse(exception);
  }

  private static Map<String, Object> error(String type, String message, RestException cause) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    body.put("detail", cause.getMessage());
    return body;
  }

  private static Response json(Response.Status status, Map<String, Object> body) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  /** The first {@link InvalidVariableException} in the cause chain, or null. */
  static InvalidVariableException find(Throwable error) {
    for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof InvalidVariableException invalid) {
        return invalid;
      }
    }
    return null;
  }

  /** Whether an {@link OptimisticLockingException} is in the cause chain (a lost race). */
  static boolean isOptimisticLock(RestException error) {
    for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof OptimisticLockingException) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a 500 was caused by a {@link NullValueException} about a task that does not exist
   * (unknown id, or completed by someone else first). Other statuses keep Camunda's mapping.
   */
  static boolean isTaskGone(RestException error) {
    if (error.getStatus() != Response.Status.INTERNAL_SERVER_ERROR) {
      return false;
    }
    for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof NullValueException && String.valueOf(t.getMessage()).contains("Cannot find task")) {
        return true;
      }
    }
    return false;
  }
}
