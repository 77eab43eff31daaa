package co.ori.support;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * Camunda's REST resources wrap any engine exception of a start or completion in a
 * {@link RestException} with status 500. When the cause is an {@link InvalidVariableException}
 * (bad input, not a server fault) this mapper answers 400 with
 * {@code {"type": "InvalidVariableException", "variable": "endDate", "message": "..."}};
 * every other {@code RestException} keeps Camunda's own mapping.
 */
@Provider
@Priority(1)
public class InvalidVariableExceptionMapper implements ExceptionMapper<RestException> {

  @Override
  public Response toResponse(RestException exception) {
    InvalidVariableException invalid = find(exception);
    if (invalid == null) {
      return ExceptionHandlerHelper.getInstance().getResponse(exception);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", InvalidVariableException.class.getSimpleName());
    body.put("variable", invalid.getVariable());
    body.put("message", invalid.getMessage());
    return Response.status(Response.Status.BAD_REQUEST)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(body)
        .build();
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
}
