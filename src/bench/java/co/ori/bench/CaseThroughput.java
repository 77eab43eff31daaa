package co.ori.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Part 1: case throughput. On a fresh database, for each real process driven ({@link CaseDriver}),
 * N complete cases with {@code users} simulated users, then N cases of the no-op process of the
 * same shape ({@link ModelShape}); warm-up cases of both first (not measured). Reported: cases
 * per second, p50/p95 latency of each kind of step (start, user task, job, message, timer) and
 * of whole cases, engine steps per case, and the overhead ratio = time per real case ÷ time per
 * no-op case (both at the same concurrency), plus the same ratio per engine step.
 */
final class CaseThroughput {

  static final String OUTGOING = "student-outgoing-mobility";
  private static final String PART = "1 Case throughput";

  private final BenchSettings settings;
  private final Tuning tuning;
  private final ResultTable table;
  private final List<String[]> stepRows = new ArrayList<>();

  CaseThroughput(BenchSettings settings, Tuning tuning, ResultTable table) {
    this.settings = settings;
    this.tuning = tuning;
    this.table = table;
  }

  /** The real drivers of this run: {@code bench.processes}, default outgoing mobility if present. */
  static List<CaseDriver> realDrivers() {
    String chosen = System.getProperty("bench.processes", "");
    boolean outgoingPresent = CaseThroughput.class.getClassLoader()
        .getResource("processes/" + OUTGOING + ".bpmn") != null;
    List<CaseDriver> drivers = new ArrayList<>();
    if (chosen.isBlank()) {
      chosen = outgoingPresent ? OUTGOING : AgreementCases.KEY;
    }
    for (String key : chosen.split(",")) {
      switch (key.strip()) {
        case AgreementCases.KEY -> drivers.add(new AgreementCaseDriver());
        case OUTGOING -> drivers.add(new OutgoingCaseDriver());
        default -> throw new IllegalArgumentException("no case driver for " + key);
      }
    }
    return drivers;
  }

  void run(BenchDatabase db) throws Exception {
    db.reset();
    try (InProcessApp app = InProcessApp.start(db, tuning, settings.ports()[0])) {
      CaseRunner runner = new CaseRunner(app.engine(), settings.users());
      for (CaseDriver real : realDrivers()) {
        ModelShape shape = ModelShape.of(real.processKey());
        String tenant = firstTenant(app, real.processKey());
        CaseDriver noOp = new NoOpCaseDriver(shape, tenant);
        real.prepare(app);
        noOp.prepare(app);
        int n = settings.cases();
        int warm = settings.warmupCases();
        System.out.printf("  [%s] %s: warm-up %d + %d cases%n", db.label(), real.processKey(), warm, warm);
        CaseRunner.Run warmRun = runner.run(real, 0, warm);
        runner.run(noOp, 0, warm);
        System.out.printf("  [%s] %s: %d cases, %d simulated users ...%n", db.label(), real.processKey(), n, settings.users());
        CaseRunner.Run realRun = runner.run(real, warm, n);
        System.out.printf("  [%s] no-op shape: %d cases ...%n", db.label(), n);
        CaseRunner.Run noOpRun = runner.run(noOp, warm, n);
        report(db, real, shape, realRun, noOpRun);
        table.put(PART, p(real) + ": lock conflicts retried in warm-up", "steps", db.label(),
            warmRun.recorder().conflictCount() + (warmRun.recorder().conflicts.isEmpty() ? ""
                : " " + warmRun.recorder().conflicts));
      }
    }
  }

  private static String p(CaseDriver driver) {
    return driver.processKey();
  }

  private static String firstTenant(InProcessApp app, String processKey) {
    return app.engine().getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(processKey)
        .latestVersion().list().stream().map(d -> d.getTenantId()).sorted().findFirst()
        .orElseThrow(() -> new IllegalStateException(processKey + " is not deployed"));
  }

  private void report(BenchDatabase db, CaseDriver real, ModelShape shape, CaseRunner.Run realRun,
      CaseRunner.Run noOpRun) {
    String p = real.processKey();
    String d = db.label();
    double ratio = noOpRun.casesPerSecond() / realRun.casesPerSecond();
    double realStep = realRun.recorder().stepMillis() / realRun.recorder().steps();
    double noOpStep = noOpRun.recorder().stepMillis() / noOpRun.recorder().steps();
    System.out.printf("  [%s] %s: %.2f cases/s; no-op %.2f cases/s; overhead x%.2f per case, x%.2f per step%n",
        d, p, realRun.casesPerSecond(), noOpRun.casesPerSecond(), ratio, realStep / noOpStep);

    table.put(PART, p + ": cases per second", "cases/s", d, realRun.casesPerSecond());
    table.note(PART, p + ": cases per second", "cases/s", real.description() + "; N=" + realRun.cases()
        + ", " + settings.users() + " simulated users");
    table.put(PART, "no-op shape: cases per second", "cases/s", d, noOpRun.casesPerSecond());
    table.note(PART, "no-op shape: cases per second", "cases/s", shape.userTasks() + " user tasks, "
        + shape.gateways() + " gateways, " + shape.serviceTasks() + " service tasks, "
        + shape.asyncContinuations() + " async continuations (counted in " + p + ".bpmn)");
    table.put(PART, "overhead ratio per case (real ÷ no-op time)", "x", d, ratio);
    table.note(PART, "overhead ratio per case (real ÷ no-op time)", "x",
        "1.0 = our models cost no more than the bare engine; see README");
    table.put(PART, "overhead ratio per engine step", "x", d, realStep / noOpStep);
    table.put(PART, p + ": engine steps per case", "steps", d, realRun.stepsPerCase());
    table.put(PART, "no-op shape: engine steps per case", "steps", d, noOpRun.stepsPerCase());
    table.put(PART, p + ": lock conflicts retried (steps)", "steps", d,
        realRun.recorder().conflictCount() + (realRun.recorder().conflicts.isEmpty() ? ""
            : " " + realRun.recorder().conflicts));
    table.note(PART, p + ": lock conflicts retried (steps)", "steps",
        "engine calls rolled back by a lock conflict and repeated, by step");
    table.put(PART, p + ": case duration p50 / p95", "ms", d,
        ResultTable.format(realRun.recorder().perCase.percentileMillis(50)) + " / "
            + ResultTable.format(realRun.recorder().perCase.percentileMillis(95)));
    for (String kind : List.of("start", "user task", "job", "message", "timer")) {
      Stats real1 = realRun.recorder().byKind.get(kind);
      Stats noOp1 = noOpRun.recorder().byKind.get(kind);
      if (real1 != null) {
        table.put(PART, p + ": " + kind + " p50 / p95", "ms", d, ResultTable.format(real1.percentileMillis(50))
            + " / " + ResultTable.format(real1.percentileMillis(95)));
      }
      if (noOp1 != null) {
        table.put(PART, "no-op shape: " + kind + " p50 / p95", "ms", d, ResultTable.format(noOp1.percentileMillis(50))
            + " / " + ResultTable.format(noOp1.percentileMillis(95)));
      }
    }
    addSteps(d, p, realRun);
    addSteps(d, shape.noOpKey(), noOpRun);
  }

  private void addSteps(String database, String process, CaseRunner.Run run) {
    for (Map.Entry<String, Stats> e : run.recorder().sortedSteps().entrySet()) {
      Stats s = e.getValue();
      stepRows.add(new String[] {database, process, e.getKey(), Integer.toString(s.count()),
          ResultTable.format(s.percentileMillis(50)), ResultTable.format(s.percentileMillis(95)),
          ResultTable.format(s.meanMillis())});
    }
  }

  void writeStepCsv(Path file) throws IOException {
    if (stepRows.isEmpty()) {
      return;
    }
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder()
            .setHeader("database", "process", "step", "count", "p50_ms", "p95_ms", "mean_ms").get())) {
      for (String[] row : stepRows) {
        csv.printRecord((Object[]) row);
      }
    }
  }
}
