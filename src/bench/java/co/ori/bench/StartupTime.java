package co.ori.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Part 4: start-up time of the packaged application ({@code java -jar ori-workflow.jar}) until
 * Tasklist's login page is served, on an empty database (schema creation, one deployment per
 * tenant, identity bootstrap) and again on the same database (restart: nothing to create or
 * deploy). H2 is the embedded default exactly as shipped (no argument but the port); PostgreSQL
 * is the {@code postgres} profile on the benchmark database.
 *
 * <p>"Login page served" = {@code GET /camunda/app/tasklist/} answers 200 with the page;
 * "start-up complete" = the start-up runners finished (the Tasklist filters exist,
 * {@code GET /engine-rest/filter/count} ≥ 3), i.e. a user can log in and find work.
 */
final class StartupTime {

  private static final String PART = "4 Start-up (packaged jar)";
  private static final String ADMIN_PASSWORD = "bench-admin";

  private final BenchSettings settings;
  private final ResultTable table;

  StartupTime(BenchSettings settings, ResultTable table) {
    this.settings = settings;
    this.table = table;
  }

  void run(BenchDatabase db) throws Exception {
    int port = settings.ports()[0];
    Path workDir = settings.outDir().resolve("startup-" + db.kind().name().toLowerCase());
    if (db.kind() == BenchDatabase.Kind.H2) {
      // the embedded default writes ./data in the working folder: start from an empty one
      BenchDatabase.h2(workDir.resolve("data")).reset();
    } else {
      db.reset();
    }
    Map<String, String> env = db.kind() == BenchDatabase.Kind.H2 ? Map.of() : Map.of(
        "ORI_DB_URL", db.url(), "ORI_DB_USER", db.user(), "ORI_DB_PASSWORD", db.password(),
        "ORI_ADMIN_PASSWORD", ADMIN_PASSWORD);
    List<String> args = db.kind() == BenchDatabase.Kind.H2 ? List.of() : List.of("--spring.profiles.active=postgres");
    String user = db.kind() == BenchDatabase.Kind.H2 ? "demo" : "admin";
    String password = db.kind() == BenchDatabase.Kind.H2 ? "demo" : ADMIN_PASSWORD;

    for (String run : List.of("empty database", "restart")) {
      System.out.printf("  [%s] start-up, %s ...%n", db.label(), run);
      try (AppNode node = AppNode.launch(settings.jar(), workDir, port, env, args)) {
        double tasklist = node.awaitTasklist(Duration.ofMinutes(5));
        double ready = node.awaitReady(user, password, Duration.ofMinutes(5));
        table.put(PART, "Tasklist login page served, " + run, "s", db.label(), tasklist);
        table.put(PART, "start-up complete (deployed, filters), " + run, "s", db.label(), ready);
        table.put(PART, "Spring's \"Started in\", " + run, "s", db.label(), node.springReportedSeconds());
        System.out.printf("  [%s] %s: Tasklist %.1f s, complete %.1f s%n", db.label(), run, tasklist, ready);
      }
    }
    table.note(PART, "Tasklist login page served, empty database", "s",
        "java -jar from launch; H2 = embedded default, PostgreSQL = profile postgres");
  }
}
