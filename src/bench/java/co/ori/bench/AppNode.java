package co.ori.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged application ({@code ori-workflow.jar}) run as its own JVM, as an operator runs
 * it ({@code java -jar}), on a given port and working folder, its output in {@code app.log}.
 * Used for the start-up time (part 4) and as the nodes of the timer storm (part 2).
 */
final class AppNode implements AutoCloseable {

  static final String TASKLIST = "/camunda/app/tasklist/";
  private static final Pattern STARTED = Pattern.compile("Started OriWorkflowApplication in ([0-9.]+) seconds");

  private final Process process;
  private final int port;
  private final Path log;
  private final long launchedNanos;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
      .followRedirects(HttpClient.Redirect.NORMAL).build();

  private AppNode(Process process, int port, Path log, long launchedNanos) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.launchedNanos = launchedNanos;
  }

  /**
   * Launches {@code java -Xmx512m -jar jar args…} in {@code workDir}.
   *
   * @param env extra environment variables (e.g. {@code ORI_DB_URL} for the postgres profile)
   */
  static AppNode launch(Path jar, Path workDir, int port, Map<String, String> env, List<String> args)
      throws IOException {
    if (!Files.exists(jar)) {
      throw new IllegalStateException("packaged application not found: " + jar + " (run mvn -Pbenchmark verify)");
    }
    Files.createDirectories(workDir);
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-jar", jar.toString(), "--server.port=" + port));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectErrorStream(true).redirectOutput(workDir.resolve("app.log").toFile());
    builder.environment().putAll(env);
    long t0 = System.nanoTime();
    Process process = builder.start();
    // a benchmark stopped with Ctrl-C must not leave the application running
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
    return new AppNode(process, port, workDir.resolve("app.log"), t0);
  }

  /**
   * Waits until {@code GET /camunda/app/tasklist/} answers 200 with the Tasklist page (the login
   * page of a browser without session) and returns the seconds since launch.
   */
  double awaitTasklist(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the application exited (" + process.exitValue() + "): " + tail());
      }
      try {
        HttpResponse<String> page = get(TASKLIST, null, null);
        if (page.statusCode() == 200 && page.body().contains("<html")) {
          return (System.nanoTime() - launchedNanos) / 1e9;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("Tasklist not served within " + timeout + ": " + tail());
  }

  /**
   * Waits until the start-up runners are done (deployments, identity, the three Tasklist
   * filters exist) and returns the seconds since launch.
   */
  double awaitReady(String user, String password, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the application exited (" + process.exitValue() + "): " + tail());
      }
      try {
        HttpResponse<String> count = get("/engine-rest/filter/count", user, password);
        if (count.statusCode() == 200 && count.body().replaceAll("\\D", "").length() > 0
            && Integer.parseInt(count.body().replaceAll("\\D", "")) >= 3) {
          return (System.nanoTime() - launchedNanos) / 1e9;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("start-up not finished within " + timeout + ": " + tail());
  }

  /** Spring Boot's own "Started … in X seconds" (JVM start to context ready), or NaN. */
  double springReportedSeconds() throws IOException {
    Matcher m = STARTED.matcher(Files.readString(log, StandardCharsets.UTF_8));
    return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
  }

  private HttpResponse<String> get(String path, String user, String password) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(10));
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  String tail() {
    try {
      String text = Files.readString(log, StandardCharsets.UTF_8);
      return text.length() > 3000 ? text.substring(text.length() - 3000) : text;
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
