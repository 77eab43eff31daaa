package co.ori.support;

import co.ori.agreements.RegistryValidationException;
import co.ori.security.TenantAccessDeniedException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/**
 * JSON error answers of the application's REST API ({@code /api/...}, Spring MVC controllers;
 * the engine's {@code /engine-rest} has its own JAX-RS mappers). Body:
 * {@code {"error": "<Spanish summary>", "errors": ["<field>: <reason>", ...]}}.
 *
 * <ul>
 *   <li>{@link RegistryValidationException} → 400 with every error (field or CSV line);</li>
 *   <li>an unreadable JSON body (wrong type, unknown enum value, bad date) → 400 naming the field
 *       and, for enums, the allowed values;</li>
 *   <li>{@link TenantAccessDeniedException} → 403;</li>
 *   <li>{@link ResponseStatusException} (e.g. 404 unknown id or tenant) → its status and reason.</li>
 * </ul>
 */
@RestControllerAdvice
public class RestErrors {

  /** 400: bad input to a registry; nothing was saved. */
  @ExceptionHandler(RegistryValidationException.class)
  public ResponseEntity<Map<String, Object>> invalid(RegistryValidationException e) {
    return body(HttpStatus.BAD_REQUEST, "Datos no válidos: " + String.join("; ", e.errors()),
        e.errors());
  }

  /** 400: the JSON body could not be read; names the field when Jackson knows it. */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  public ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    String error = describe(jsonMappingCause(e));
    return body(HttpStatus.BAD_REQUEST, "Datos no válidos: " + error, List.of(error));
  }

  /** 403: the caller does not belong to the tenant of the path. */
  @ExceptionHandler(TenantAccessDeniedException.class)
  public ResponseEntity<Map<String, Object>> forbidden(TenantAccessDeniedException e) {
    return body(HttpStatus.FORBIDDEN, e.getMessage(), List.of());
  }

  /** The status and reason of the exception (404 for an unknown id or tenant). */
  @ExceptionHandler(ResponseStatusException.class)
  public ResponseEntity<Map<String, Object>> status(ResponseStatusException e) {
    String reason = e.getReason() != null ? e.getReason() : e.getStatusCode().toString();
    return body(e.getStatusCode(), reason, List.of());
  }

  private static ResponseEntity<Map<String, Object>> body(HttpStatusCode status, String error,
      List<String> errors) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("errors", errors);
    return ResponseEntity.status(status).body(body);
  }

  private static JsonMappingException jsonMappingCause(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof JsonMappingException jme) {
        return jme;
      }
    }
    return null;
  }

  /** {@code "<field>: valor 'x' no válido; ..."} from Jackson's path and target type. */
  private static String describe(JsonMappingException e) {
    if (e == null) {
      return "el cuerpo de la petición no es JSON válido";
    }
    String field = e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."));
    if (field.isEmpty()) {
      return "el cuerpo de la petición no es JSON válido o no tiene la forma esperada";
    }
    Class<?> type = e instanceof MismatchedInputException mie ? mie.getTargetType() : null;
    String value = e instanceof InvalidFormatException ife
        ? "valor '" + Objects.toString(ife.getValue()) + "' no válido" : "valor no válido";
    if (type != null && type.isEnum()) {
      return field + ": " + value + "; valores permitidos: " + Arrays.stream(type.getEnumConstants())
          .map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", "));
    }
    if (type == LocalDate.class) {
      return field + ": " + value + "; se espera una fecha yyyy-MM-dd";
    }
    if (type != null && Temporal.class.isAssignableFrom(type)) {
      return field + ": " + value + "; se espera una fecha ISO 8601";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return field + ": " + value + "; se espera un número entero";
    }
    if (type == Boolean.class || type == boolean.class) {
      return field + ": " + value + "; se espera true o false";
    }
    return field + ": " + value;
  }
}
