package co.ori.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The Camunda Form a user task of a shipped model uses ({@code camunda:formRef} → the
 * {@code forms/**.form} with that id), read from the classpath, so browser tests find fields by the
 * labels staff actually see instead of repeating them.
 */
final class CamundaFormFile {

  private final JsonNode schema;

  private CamundaFormFile(JsonNode schema) {
    this.schema = schema;
  }

  /**
   * The form of a user task.
   *
   * @param processKey e.g. {@code agreement-formalization} ({@code processes/<key>.bpmn})
   * @param userTaskId e.g. {@code Task_ReviewRequest}
   * @throws IllegalStateException when the task has no formRef or no form has that id
   */
  static CamundaFormFile ofUserTask(String processKey, String userTaskId) {
    var resolver = new PathMatchingResourcePatternResolver(CamundaFormFile.class.getClassLoader());
    try (InputStream bpmn = resolver.getResource("classpath:processes/" + processKey + ".bpmn").getInputStream()) {
      BpmnModelInstance model = Bpmn.readModelFromStream(bpmn);
      UserTask task = model.getModelElementById(userTaskId);
      if (task == null || task.getCamundaFormRef() == null) {
        throw new IllegalStateException(userTaskId + " of " + processKey + " has no camunda:formRef");
      }
      for (Resource form : resolver.getResources("classpath*:forms/**/*.form")) {
        try (InputStream in = form.getInputStream()) {
          JsonNode json = RestCalls.JSON.readTree(in);
          if (task.getCamundaFormRef().equals(json.path("id").asText())) {
            return new CamundaFormFile(json);
          }
        }
      }
      throw new IllegalStateException("No form with id " + task.getCamundaFormRef() + " under forms/");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The label of the field bound to {@code key}. */
  String label(String key) {
    return component(key).path("label").asText();
  }

  /** Whether the field bound to {@code key} is required ({@code validate.required}). */
  boolean required(String key) {
    return component(key).path("validate").path("required").asBoolean(false);
  }

  /** The label of the option whose value is {@code value} (radio, select, checklist). */
  String optionLabel(String key, String value) {
    for (JsonNode option : component(key).path("values")) {
      if (value.equals(option.path("value").asText())) {
        return option.path("label").asText();
      }
    }
    throw new IllegalStateException("Field " + key + " has no option with value " + value);
  }

  private JsonNode component(String key) {
    JsonNode found = find(schema, key);
    if (found == null) {
      throw new IllegalStateException("Form " + schema.path("id").asText() + " has no field " + key);
    }
    return found;
  }

  private static JsonNode find(JsonNode container, String key) {
    for (JsonNode c : container.path("components")) {
      if (key.equals(c.path("key").asText(null))) {
        return c;
      }
      JsonNode nested = find(c, key);
      if (nested != null) {
        return nested;
      }
    }
    return null;
  }
}
