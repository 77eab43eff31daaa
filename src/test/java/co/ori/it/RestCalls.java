package co.ori.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A tiny HTTP client for the REST tests: JSON over {@code /engine-rest} and {@code /api} of the
 * application under test, with or without HTTP Basic credentials. Answers are returned whatever
 * their status, so tests can assert on 400/401/403.
 */
final class RestCalls {

  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String baseUrl;

  /** @param baseUrl e.g. {@code http://localhost:8080} (no trailing slash) */
  RestCalls(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** An HTTP answer: status and body (parsed as JSON when it is JSON, else a text node). */
  record Answer(int status, String body) {

    /** The body as JSON; a non-JSON body is an assertion error naming status and body. */
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("Answer is not JSON (HTTP " + status + "): " + body, e);
      }
    }

    @Override
    public String toString() {
      return "HTTP " + status + " " + body;
    }
  }

  /** GET without credentials. */
  Answer get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET(), null, null);
  }

  /** GET as {@code user}/{@code password}. */
  Answer get(String path, String user, String password) {
    return send(HttpRequest.newBuilder(uri(path)).GET(), user, password);
  }

  /** POST of a JSON body as {@code user}/{@code password}. */
  Answer post(String path, Object body, String user, String password) {
    String json;
    try {
      json = body instanceof String s ? s : JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return send(HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)), user, password);
  }

  private URI uri(String path) {
    return URI.create(baseUrl + path);
  }

  private Answer send(HttpRequest.Builder request, String user, String password) {
    request.header("Accept", "application/json").timeout(Duration.ofSeconds(60));
    if (user != null) {
      String token = Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
      request.header("Authorization", "Basic " + token);
    }
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
