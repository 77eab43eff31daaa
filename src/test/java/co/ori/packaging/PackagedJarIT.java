package co.ori.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged jar ({@code target/ori-workflow.jar}, built by {@code mvn package}) as a user
 * would, on the embedded default with a fresh H2 folder: Tasklist answers, every tenant's models
 * and forms are deployed from inside the jar, and a second start with unchanged files deploys
 * nothing new. Run by Failsafe in {@code mvn verify}.
 */
class PackagedJarIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

  @TempDir Path workDir;

  @Test
  void theJarDeploysEveryTenantOnceAndRestartsWithoutRedeploying() throws Exception {
    File jar = new File(System.getProperty("ori.build.dir", "target"), "ori-workflow.jar");
    assertThat(jar).as("run mvn package first").exists();
    int port = freePort();

    JsonNode firstDeployments;
    Process app = start(jar, port);
    try {
      waitUntilUp(port, app);
      assertThat(get(port, "/camunda/app/tasklist/", null).statusCode()).isEqualTo(200);
      assertThat(get(port, "/engine-rest/process-definition?maxResults=10", null).statusCode()).isEqualTo(401);

      JsonNode definitions = JSON.readTree(get(port,
          "/engine-rest/process-definition?key=agreement-formalization&latestVersion=true&maxResults=50", "demo").body());
      assertThat(definitions.findValuesAsText("tenantId")).containsExactlyInAnyOrder("umc", "cesmag", "unal", "ufps");

      firstDeployments = JSON.readTree(get(port, "/engine-rest/deployment?maxResults=100", "demo").body());
      String umcDeployment = null;
      for (JsonNode d : firstDeployments) {
        if ("umc".equals(d.path("tenantId").asText())) {
          umcDeployment = d.path("id").asText();
        }
      }
      assertThat(umcDeployment).isNotNull();
      String resources = get(port, "/engine-rest/deployment/" + umcDeployment + "/resources", "demo").body();
      assertThat(resources).contains("forms/agreement-formalization/").contains("processes/agreement-formalization.bpmn");

      assertThat(get(port, "/engine-rest/user?id=umc.cini-coordinator&maxResults=1", "demo").body())
          .contains("umc.cini-coordinator");
    } finally {
      stop(app);
    }

    Process again = start(jar, port);
    try {
      waitUntilUp(port, again);
      JsonNode deployments = JSON.readTree(get(port, "/engine-rest/deployment?maxResults=100", "demo").body());
      assertThat(deployments.size()).as("deployments after a restart with unchanged files")
          .isEqualTo(firstDeployments.size());
    } finally {
      stop(again);
    }
  }

  private Process start(File jar, int port) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-jar", jar.getAbsolutePath(),
        "--server.port=" + port,
        "--spring.datasource.url=jdbc:h2:file:" + workDir.resolve("data/ori").toAbsolutePath())
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(workDir.resolve("app.log").toFile())
        .start();
  }

  private void waitUntilUp(int port, Process app) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(deadline)) {
      assertThat(app.isAlive()).as("the app exited: " + log()).isTrue();
      try {
        // the start-up runners end with the Tasklist filters: once they exist, start-up is done
        HttpResponse<String> filters = get(port, "/engine-rest/filter/count", "demo");
        if (filters.statusCode() == 200 && JSON.readTree(filters.body()).path("count").asInt() >= 3) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the app did not start within 3 minutes: " + log());
  }

  private String log() throws IOException {
    String log = Files.readString(workDir.resolve("app.log"), StandardCharsets.UTF_8);
    return log.length() > 4000 ? log.substring(log.length() - 4000) : log;
  }

  private HttpResponse<String> get(int port, String path, String user) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(30));
    if (user != null) {
      request.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void stop(Process app) throws InterruptedException {
    app.destroy();
    if (!app.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
      app.destroyForcibly().waitFor();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
