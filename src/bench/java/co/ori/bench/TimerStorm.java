package co.ori.bench;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Part 2: timer storm. {@code timers} active agreements ({@code agreement-formalization}, fixed
 * term, no automatic renewal) wait at their expiry timer {@code TimerEvent_ValidityEnds}
 * (T02, {@code validUntilTimer}); then all their expiry jobs fall due at once and the job
 * executor(s) run them: each case ends at {@code EndEvent_AgreementExpired} and marks its
 * registry row {@code EXPIRED}. Measured: seconds from the moment the jobs are due until no
 * expiry job is left, and jobs per second.
 *
 * <p>Seeding (not measured): a registry row per agreement (JDBC batch) and a case started
 * through the engine API directly in the timer ({@code startBeforeActivity}, custom listeners
 * skipped: the start validation and business-key listeners belong to a request, not to an agreement
 * already in force), with the variables activation sets; the engine creates the enclosing
 * subprocesses and their other timers (expiry alerts, periodic follow-up) as for a real case.
 * All timers are a year away; "falling due at once" is one {@code UPDATE} of the expiry jobs'
 * due date to now, as if the clock had reached {@code validUntil} of them all.
 *
 * <p>Nodes: on H2 the benchmark's own engine (the embedded H2 file cannot be shared by two JVMs);
 * on PostgreSQL one and then two JVMs of the packaged jar ({@code java -jar}, profile postgres)
 * on the same database — Camunda's cluster model: shared database, a job executor on each node —
 * after a fresh seed each. Each node records its name in the job log ({@code HOSTNAME_}), which
 * gives the share of jobs each node ran.
 */
final class TimerStorm {

  private static final String PART = "2 Timer storm";
  private static final String TIMER = "TimerEvent_ValidityEnds";
  private static final String ADMIN_PASSWORD = "bench-admin";
  private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");

  private final BenchSettings settings;
  private final Tuning tuning;
  private final ResultTable table;

  TimerStorm(BenchSettings settings, Tuning tuning, ResultTable table) {
    this.settings = settings;
    this.tuning = tuning;
    this.table = table;
  }

  void run(BenchDatabase db) throws Exception {
    if (db.kind() == BenchDatabase.Kind.H2) {
      storm(db, 0);
      table.put(PART, "2 nodes: seconds until every expiry job is done", "s", db.label(),
          "n/a");
    } else {
      storm(db, 1);
      storm(db, 2);
    }
    table.note(PART, "1 node: seconds until every expiry job is done", "s",
        "H2: in-process engine (file DB not shareable); PostgreSQL: packaged jar JVM(s)");
    table.note(PART, "2 nodes: seconds until every expiry job is done", "s",
        "two java -jar JVMs, same PostgreSQL database, job executor on both");
  }

  /** @param nodes 0 = the benchmark's own engine; 1 or 2 = packaged-jar JVMs */
  private void storm(BenchDatabase db, int nodes) throws Exception {
    int n = settings.timers();
    String label = nodes == 2 ? "2 nodes" : "1 node";
    db.reset();
    List<AppNode> started = new ArrayList<>();
    try (InProcessApp app = InProcessApp.start(db, tuning, settings.ports()[0])) {
      long t0 = System.nanoTime();
      seed(app, n);
      double seedSeconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf("  [%s] %d agreements waiting at their expiry timer (seeded in %.0f s, %.0f cases/s)%n",
          db.label(), n, seedSeconds, n / seedSeconds);
      table.put(PART, "seeding: cases started at the expiry timer via the API", "cases/s", db.label(), n / seedSeconds);

      if (nodes > 0) {
        for (int i = 1; i <= nodes; i++) {
          started.add(AppNode.launch(settings.jar(), settings.outDir().resolve("storm-node-" + i),
              settings.ports()[i], Map.of("ORI_DB_URL", db.url(), "ORI_DB_USER", db.user(),
                  "ORI_DB_PASSWORD", db.password(), "ORI_ADMIN_PASSWORD", ADMIN_PASSWORD),
              nodeArgs(i)));
        }
        for (AppNode node : started) {
          node.awaitReady("admin", ADMIN_PASSWORD, Duration.ofMinutes(5));
        }
      }

      JdbcTemplate jdbc = app.jdbc();
      String jobsOfTimer = "JOB_DEF_ID_ IN (SELECT ID_ FROM ACT_RU_JOBDEF WHERE ACT_ID_ = '" + TIMER + "')";
      int due = jdbc.update("UPDATE ACT_RU_JOB SET DUEDATE_ = ? WHERE " + jobsOfTimer,
          new Timestamp(System.currentTimeMillis() - 1000));
      long dueAt = System.nanoTime();
      if (due != n) {
        throw new IllegalStateException(due + " expiry jobs made due, expected " + n);
      }
      if (nodes == 0) {
        app.startJobExecutor();
      }
      long left = n;
      long lastProgress = System.nanoTime();
      while (left > 0) {
        Thread.sleep(100);
        long now = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_JOB WHERE " + jobsOfTimer, Long.class);
        if (now < left) {
          lastProgress = System.nanoTime();
        } else if (System.nanoTime() - lastProgress > Duration.ofSeconds(90).toNanos()) {
          throw new IllegalStateException("no progress for 90 s, " + now + " expiry jobs left; failed jobs: "
              + jdbc.queryForList("SELECT EXCEPTION_MSG_ FROM ACT_RU_JOB WHERE EXCEPTION_MSG_ IS NOT NULL", String.class)
                  .stream().limit(3).toList());
        }
        left = now;
      }
      double seconds = (System.nanoTime() - dueAt) / 1e9;
      app.stopJobExecutor();

      long expired = jdbc.queryForObject("SELECT COUNT(*) FROM agreement WHERE status = 'EXPIRED'", Long.class);
      long running = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_EXECUTION", Long.class);
      if (expired != n || running != 0) {
        throw new IllegalStateException("after the storm " + expired + " of " + n + " agreements EXPIRED, "
            + running + " executions left");
      }
      List<Map<String, Object>> share = jdbc.queryForList("SELECT HOSTNAME_ AS node, COUNT(*) AS jobs "
          + "FROM ACT_HI_JOB_LOG WHERE ACT_ID_ = ? AND JOB_STATE_ = 2 GROUP BY HOSTNAME_ ORDER BY HOSTNAME_",
          TIMER);
      long failures = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE ACT_ID_ = ? "
          + "AND JOB_STATE_ = 1", Long.class, TIMER);
      String shares = share.stream().map(r -> r.get("node") + "=" + r.get("jobs")).toList().toString();
      System.out.printf("  [%s] %s: %d expiry jobs done in %.1f s (%.0f jobs/s); jobs per node %s; %d failed attempts%n",
          db.label(), label, n, seconds, n / seconds, shares, failures);
      table.put(PART, label + ": seconds until every expiry job is done", "s", db.label(), seconds);
      table.put(PART, label + ": expiry jobs per second", "jobs/s", db.label(), n / seconds);
      if (nodes == 2) {
        table.put(PART, "2 nodes: jobs done by each node", "jobs", db.label(),
            share.stream().map(r -> String.valueOf(r.get("jobs"))).reduce((a, b) -> a + " + " + b).orElse("-"));
        table.put(PART, "2 nodes: failed job attempts (retried)", "jobs", db.label(), Long.toString(failures));
      }
    } finally {
      for (AppNode node : started) {
        node.close();
      }
    }
  }

  private List<String> nodeArgs(int i) {
    List<String> args = new ArrayList<>(List.of("--spring.profiles.active=postgres",
        "--camunda.bpm.generic-properties.properties.hostname=node-" + i));
    args.addAll(tuning.springArgs());
    return args;
  }

  /** Registry rows and cases waiting at the expiry timer, in {@code seedThreads} threads. */
  private void seed(InProcessApp app, int n) throws Exception {
    LocalDate today = LocalDate.now(BOGOTA);
    LocalDate validFrom = today.minusYears(1);
    LocalDate validUntil = today.plusDays(400);
    List<Object[]> rows = new ArrayList<>();
    OffsetDateTime now = OffsetDateTime.now();
    for (int i = 0; i < n; i++) {
      rows.add(new Object[] {tenant(i), id(i), "Universidad Aliada " + i, java.sql.Date.valueOf(validFrom),
          java.sql.Date.valueOf(validFrom), java.sql.Date.valueOf(validUntil), now, now});
    }
    app.jdbc().batchUpdate("INSERT INTO agreement (tenant_id, id, instrument_type, partner_name, partner_country, "
        + "scope, signed_date, valid_from, valid_until, indefinite, auto_renewal, status, network, created_at, updated_at) "
        + "VALUES (?, ?, 'CONVENIO_MARCO', ?, 'Colombia', 'NACIONAL', ?, ?, ?, FALSE, FALSE, 'ACTIVE', FALSE, ?, ?)", rows);

    RuntimeService runtime = app.engine().getRuntimeService();
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(settings.seedThreads());
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < settings.seedThreads(); t++) {
        work.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
            Map<String, Object> v = new HashMap<>(AgreementCases.request(tenant(i), i));
            v.put("agreementId", id(i));
            v.put("signedDate", date(validFrom));
            v.put("validFrom", date(validFrom));
            v.put("validUntil", date(validUntil));
            v.put("indefinite", false);
            v.put("autoRenewal", false);
            v.put("termPeriod", "P1Y1M5D");
            v.put("renewalDecision", "PENDING");
            v.put("extensionCount", 0);
            v.put("expiryAlertDate", date(validUntil.minusDays(90)));
            v.put("secondExpiryAlertDate", date(validUntil.minusDays(30)));
            v.put("validUntilTimer", date(validUntil.plusDays(1)));
            runtime.createProcessInstanceByKey(AgreementCases.KEY).processDefinitionTenantId(tenant(i))
                .businessKey(id(i)).setVariables(v).startBeforeActivity(TIMER).execute(true, true);
          }
          return null;
        }));
      }
      for (Future<?> f : work) {
        f.get();
      }
    } finally {
      pool.shutdown();  // no shutdownNow(): interrupting a thread inside H2 closes the database file
      pool.awaitTermination(10, java.util.concurrent.TimeUnit.MINUTES);
    }
  }

  private static String tenant(int i) {
    return AgreementCases.TENANTS.get(i % AgreementCases.TENANTS.size());
  }

  private static String id(int i) {
    return String.format("AGR-BENCH-%05d", i);
  }

  private static Date date(LocalDate day) {
    return Date.from(day.atStartOfDay(BOGOTA).toInstant());
  }
}
