package co.ori.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The benchmark's parameters, read from system properties ({@code -Dbench.cases=200} …; the
 * Maven profile {@code benchmark} forwards them) and, for PostgreSQL, from the environment.
 *
 * <p>Defaults are the sizes of issue 9: 10,000 due agreement expiries, 100,000 open tasks and
 * 1,000,000 historic activity rows; N = 100 cases. {@code -Dbench.size=quick} divides the sizes by
 * ten (N = 30) for a run of a few minutes.
 *
 * @param cases N, cases of each process driven in part 1 (per database)
 * @param warmupCases cases of each process run (not measured) before part 1 measures
 * @param users simulated users (threads) completing tasks in part 1
 * @param timers agreements whose expiry falls due at once in part 2
 * @param seedThreads threads creating the waiting agreements of part 2 (setup, not measured)
 * @param openTasks open tasks seeded for part 3
 * @param historicActivities historic activity instance rows seeded for part 3
 * @param queryRuns measured executions of each Tasklist query in part 3
 * @param parts parts to run (1 case throughput, 2 timer storm, 3 Tasklist query, 4 start-up)
 * @param databases {@code h2} and/or {@code postgres}
 * @param outDir folder of the CSV files and of the H2 databases and app logs
 * @param jar the packaged application ({@code target/ori-workflow.jar})
 * @param ports ports of the application JVMs started by parts 2 and 4
 * @param pgUrl JDBC URL of the PostgreSQL database ({@code ORI_BENCH_PG_URL}); null = no PostgreSQL
 * @param pgUser its user ({@code ORI_BENCH_PG_USER})
 * @param pgPassword its password ({@code ORI_BENCH_PG_PASSWORD})
 */
record BenchSettings(int cases, int warmupCases, int users, int timers, int seedThreads, int openTasks,
    int historicActivities, int queryRuns, Set<Integer> parts, Set<String> databases, Path outDir,
    Path jar, int[] ports, String pgUrl, String pgUser, String pgPassword) {

  static BenchSettings fromSystem() {
    boolean quick = "quick".equalsIgnoreCase(System.getProperty("bench.size", ""));
    int div = quick ? 10 : 1;
    Path buildDir = Path.of(System.getProperty("ori.build.dir", "target")).toAbsolutePath();
    Set<Integer> parts = Arrays.stream(prop("bench.parts", "1,2,3,4").split(","))
        .map(String::strip).filter(s -> !s.isEmpty()).map(Integer::valueOf)
        .collect(Collectors.toCollection(LinkedHashSet::new));
    Set<String> databases = Arrays.stream(prop("bench.databases", "h2,postgres").split(","))
        .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new));
    int[] ports = Arrays.stream(prop("bench.ports", "8106,8108,8109").split(","))
        .map(String::strip).mapToInt(Integer::parseInt).toArray();
    return new BenchSettings(
        intProp("bench.cases", quick ? 30 : 100),
        intProp("bench.warmup", quick ? 5 : 10),
        intProp("bench.users", 4),
        intProp("bench.timers", 10_000 / div),
        intProp("bench.seedThreads", 3),
        intProp("bench.openTasks", 100_000 / div),
        intProp("bench.historicActivities", 1_000_000 / div),
        intProp("bench.queryRuns", 100),
        parts, databases,
        Path.of(prop("bench.out", buildDir.resolve("benchmark").toString())).toAbsolutePath(),
        Path.of(prop("bench.jar", buildDir.resolve("ori-workflow.jar").toString())).toAbsolutePath(),
        ports,
        blankToNull(System.getenv("ORI_BENCH_PG_URL")),
        System.getenv().getOrDefault("ORI_BENCH_PG_USER", "ori"),
        System.getenv().getOrDefault("ORI_BENCH_PG_PASSWORD", ""));
  }

  boolean postgresAvailable() {
    return pgUrl != null;
  }

  private static String prop(String name, String fallback) {
    String value = System.getProperty(name);
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  private static int intProp(String name, int fallback) {
    return Integer.parseInt(prop(name, Integer.toString(fallback)).replace("_", ""));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  @Override
  public String toString() {
    return "cases=" + cases + " (+" + warmupCases + " warm-up), users=" + users + ", timers=" + timers
        + ", openTasks=" + openTasks + ", historicActivities=" + historicActivities
        + ", queryRuns=" + queryRuns + ", parts=" + parts + ", databases=" + databases;
  }
}
