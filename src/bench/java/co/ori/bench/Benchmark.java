package co.ori.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue 9's benchmark: throughput and scale of the engine on our procedures, on H2 and on
 * PostgreSQL side by side, in one run ({@code mvn -Pbenchmark verify}; README "Benchmark").
 *
 * <ol>
 *   <li>{@link CaseThroughput}: N complete cases driven through the Java API by simulated users,
 *       beside the same number of cases of a no-op process of the same shape;</li>
 *   <li>{@link TimerStorm}: agreements whose expiry falls due at once, one node and two nodes on
 *       the same PostgreSQL;</li>
 *   <li>{@link TasklistQuery}: the "Tareas de mi grupo" filter (candidate groups, first page by
 *       due date) with 100,000 open tasks and 1,000,000 historic activity rows;</li>
 *   <li>{@link StartupTime}: the packaged jar until Tasklist's login page is served.</li>
 * </ol>
 *
 * Prints the table on stdout and writes {@code benchmark.csv} (and {@code benchmark-steps.csv},
 * latency of every step of part 1) into {@code bench.out} (default {@code target/benchmark}).
 * Exit status 1 when a part failed (the table shows which).
 */
public final class Benchmark {

  private Benchmark() {
  }

  public static void main(String[] args) throws Exception {
    BenchSettings settings = BenchSettings.fromSystem();
    Tuning tuning = Tuning.forMachine(settings.users());
    ResultTable table = new ResultTable();
    Files.createDirectories(settings.outDir());
    Instant started = Instant.now();

    System.out.println("ORI benchmark (issue 9): " + settings);
    System.out.println("Tuning: " + tuning.describe());
    List<BenchDatabase> databases = new ArrayList<>();
    if (settings.databases().contains("h2")) {
      databases.add(BenchDatabase.h2(settings.outDir().resolve("h2")));
    }
    String pgSkipped = null;
    if (settings.databases().contains("postgres")) {
      if (settings.postgresAvailable()) {
        databases.add(BenchDatabase.postgres(settings));
      } else {
        pgSkipped = "PostgreSQL column SKIPPED: set ORI_BENCH_PG_URL (e.g. jdbc:postgresql://localhost:5432/ori_bench), "
            + "ORI_BENCH_PG_USER and ORI_BENCH_PG_PASSWORD (the database is emptied by the benchmark).";
        System.out.println(pgSkipped);
      }
    }

    CaseThroughput cases = new CaseThroughput(settings, tuning, table);
    boolean failed = false;
    for (int part : settings.parts()) {
      for (BenchDatabase db : databases) {
        Instant t0 = Instant.now();
        System.out.printf("%n== Part %d on %s%n", part, db.label());
        try {
          switch (part) {
            case 1 -> cases.run(db);
            case 2 -> new TimerStorm(settings, tuning, table).run(db);
            case 3 -> new TasklistQuery(settings, tuning, table).run(db);
            case 4 -> new StartupTime(settings, table).run(db);
            default -> throw new IllegalArgumentException("unknown part " + part + " (1-4)");
          }
        } catch (Exception | AssertionError e) {
          failed = true;
          System.out.printf("!! Part %d on %s FAILED: %s%n", part, db.label(), e);
          e.printStackTrace(System.out);
          table.put("Part " + part, "FAILED (see log)", "", db.label(), e.getClass().getSimpleName());
        }
        System.out.printf("== Part %d on %s took %d s%n", part, db.label(), Duration.between(t0, Instant.now()).toSeconds());
      }
    }

    table.put("Settings", "job executor threads / jobs per acquisition / pool", "",
        "H2", tuning.jobThreads() + "/" + tuning.jobsPerAcquisition() + "/" + tuning.poolSize());
    if (databases.stream().anyMatch(d -> d.kind() == BenchDatabase.Kind.POSTGRES)) {
      table.put("Settings", "job executor threads / jobs per acquisition / pool", "",
          "PostgreSQL", tuning.jobThreads() + "/" + tuning.jobsPerAcquisition() + "/" + tuning.poolSize());
    }
    table.note("Settings", "job executor threads / jobs per acquisition / pool", "", tuning.describe());

    System.out.println();
    System.out.println("Benchmark results (" + settings + "), " + Duration.between(started, Instant.now()).toSeconds()
        + " s in all");
    table.print(System.out);
    if (pgSkipped != null) {
      System.out.println(pgSkipped);
    }
    Path csv = settings.outDir().resolve("benchmark.csv");
    table.writeCsv(csv);
    cases.writeStepCsv(settings.outDir().resolve("benchmark-steps.csv"));
    System.out.println("CSV: " + csv + " (per-step latencies of part 1: benchmark-steps.csv)");
    System.exit(failed ? 1 : 0);
  }
}
