package co.ori.bench;

import co.ori.security.TasklistFilters;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Part 3: latency of Tasklist's "Tareas de mi grupo" filter (candidate groups of the user, first
 * page of 15, sorted by due date; {@link TasklistFilters}) run as Tasklist runs it —
 * {@code FilterService.listPage} and {@code count} with the user's authentication, so
 * authorization and tenant checks apply — with {@code openTasks} open tasks and
 * {@code historicActivities} historic activity instance rows in the database.
 *
 * <p>Data: real {@code agreement-formalization} cases are started through the engine (one per
 * tenant waiting at its first task, one ended), then their rows are copied in JDBC batches
 * ({@link RowCloner}): per open task one process-instance execution, the task, its
 * candidate-group identity link and authorization, the historic process and task instance and
 * the historic activity rows; the rest of the historic activity rows belong to copies of the
 * ended case. Copies spread over the 4 agreement tenants × 4 candidate groups, created up to
 * 180 days ago, due between 10 days ago and 45 days ahead (15 % without due date). Copying is
 * ~100× faster than starting cases through the API (minutes instead of hours on 2 cores) and
 * gives rows the engine reads as its own; the copies have no variables, which the measured
 * queries do not read. Statistics are refreshed ({@code ANALYZE}) before measuring.
 */
final class TasklistQuery {

  private static final String PART = "3 Tasklist query";
  private static final String[][] GROUP_TASKS = {
      {"cini-coordinator", "Task_ReviewRequest", "Revisar solicitud de convenio"},
      {"general-secretary", "Task_ReviewAgreement", "Revisar y aprobar el convenio"},
      {"rector-office", "Task_SignAgreement", "Firmar y legalizar el convenio"},
      {"faculty-requester", "Task_RegisterActionPlan", "Registrar plan de acción"}};
  /** The measured user: a CINI coordinator of one tenant, as in Tasklist. */
  private static final String USER = "cesmag.cini-coordinator";
  private static final int PAGE = 15;
  /** Measuring stops after this many seconds (at least {@link #MIN_RUNS} runs), so a slow query cannot stall the run. */
  private static final int QUERY_BUDGET_SECONDS = 90;
  private static final int MIN_RUNS = 10;

  private final BenchSettings settings;
  private final Tuning tuning;
  private final ResultTable table;

  TasklistQuery(BenchSettings settings, Tuning tuning, ResultTable table) {
    this.settings = settings;
    this.tuning = tuning;
    this.table = table;
  }

  void run(BenchDatabase db) throws Exception {
    db.reset();
    try (InProcessApp app = InProcessApp.start(db, tuning, settings.ports()[0])) {
      ProcessEngine engine = app.engine();
      Map<String, ProcessInstance> openTemplates = new HashMap<>();
      for (String tenant : AgreementCases.TENANTS) {
        openTemplates.put(tenant, engine.getRuntimeService().createProcessInstanceByKey(AgreementCases.KEY)
            .processDefinitionTenantId(tenant).setVariables(AgreementCases.request(tenant, 0)).execute());
      }
      ProcessInstance ended = endedTemplate(engine);

      Instant t0 = Instant.now();
      long[] rows = seed(db, openTemplates, ended);
      db.analyze();
      double seedSeconds = Duration.between(t0, Instant.now()).toMillis() / 1000.0;
      long openTasks = engine.getTaskService().createTaskQuery().count();
      long historic = engine.getHistoryService().createHistoricActivityInstanceQuery().count();
      System.out.printf("  [%s] seeded %d open tasks, %d historic activity rows (%d rows in all) in %.0f s%n",
          db.label(), openTasks, historic, rows[0] + rows[1], seedSeconds);
      table.put(PART, "open tasks / historic activity rows in the database", "rows", db.label(),
          openTasks + " / " + historic);
      table.put(PART, "seeding (JDBC batch copies of engine rows + ANALYZE)", "s", db.label(), seedSeconds);

      measure(engine, db);
    }
  }

  private ProcessInstance endedTemplate(ProcessEngine engine) {
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceByKey(AgreementCases.KEY)
        .processDefinitionTenantId("umc").setVariables(AgreementCases.request("umc", 1)).execute();
    Task review = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    engine.getTaskService().complete(review.getId(), Map.of("requestApproved", false,
        "reviewNotes", "La necesidad no corresponde a las prioridades del plan de internacionalización."));
    ManagementService management = engine.getManagementService();
    for (int i = 0; i < 10; i++) {
      List<Job> jobs = management.createJobQuery().processInstanceId(instance.getId()).list();
      if (jobs.isEmpty()) {
        break;
      }
      jobs.forEach(j -> management.executeJob(j.getId()));
    }
    if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count() != 0) {
      throw new IllegalStateException("the ended template case did not end");
    }
    return instance;
  }

  /** Copies the rows in two threads (open tasks; ended cases). Returns rows inserted by each. */
  private long[] seed(BenchDatabase db, Map<String, ProcessInstance> openTemplates, ProcessInstance ended)
      throws Exception {
    int open = settings.openTasks();
    int openRowsPerCase = (int) engineRows(db, "SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE PROC_INST_ID_ = '"
        + openTemplates.get("umc").getId() + "'");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Long> openRows = pool.submit(() -> seedOpenTasks(db, openTemplates, open));
      Future<Long> endedRows = pool.submit(() -> seedEndedCases(db, ended, open, openRowsPerCase));
      return new long[] {openRows.get(), endedRows.get()};
    } finally {
      pool.shutdown();  // no shutdownNow(): interrupting a thread inside H2 closes the database file
      pool.awaitTermination(10, java.util.concurrent.TimeUnit.MINUTES);
    }
  }

  /**
   * Id of the {@code n}-th copy of a row kind: ascending, so the copies append to the primary-key
   * indexes instead of splitting pages at random (H2 loads ~10× faster than with random UUIDs).
   */
  private static String id(String kind, long n) {
    return String.format("bench-%s-%010d", kind, n);
  }

  private static long engineRows(BenchDatabase db, String sql) throws Exception {
    try (Connection c = db.connectForBulk(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private long seedOpenTasks(BenchDatabase db, Map<String, ProcessInstance> templates, int count) throws Exception {
    Random random = new Random(42);
    long now = System.currentTimeMillis();
    try (Connection c = db.connectForBulk();
        RowCloner executions = new RowCloner(c, "ACT_RU_EXECUTION");
        RowCloner tasks = new RowCloner(c, "ACT_RU_TASK");
        RowCloner links = new RowCloner(c, "ACT_RU_IDENTITYLINK");
        RowCloner auths = new RowCloner(c, "ACT_RU_AUTHORIZATION");
        RowCloner hiProc = new RowCloner(c, "ACT_HI_PROCINST");
        RowCloner hiTask = new RowCloner(c, "ACT_HI_TASKINST");
        RowCloner hiAct = new RowCloner(c, "ACT_HI_ACTINST")) {
      Map<String, Template> byTenant = new HashMap<>();
      for (Map.Entry<String, ProcessInstance> e : templates.entrySet()) {
        String pid = e.getValue().getId();
        Map<String, Object> task = tasks.templates("PROC_INST_ID_ = ?", pid).get(0);
        String taskId = (String) task.get("ID_");
        byTenant.put(e.getKey(), new Template(
            executions.templates("ID_ = ?", pid).get(0), task,
            links.templates("TASK_ID_ = ?", taskId).get(0),
            auths.templates("RESOURCE_ID_ = ?", taskId),
            hiProc.templates("ID_ = ?", pid).get(0),
            hiTask.templates("ID_ = ?", taskId).get(0),
            hiAct.templates("PROC_INST_ID_ = ?", pid)));
      }
      for (int i = 0; i < count; i++) {
        String tenant = AgreementCases.TENANTS.get(i % AgreementCases.TENANTS.size());
        String[] groupTask = GROUP_TASKS[(i / AgreementCases.TENANTS.size()) % GROUP_TASKS.length];
        Template t = byTenant.get(tenant);
        String pid = id("p", i);
        String taskId = id("t", i);
        String actInst = id("a", i);
        Timestamp created = new Timestamp(now - (long) (random.nextDouble() * Duration.ofDays(180).toMillis()));
        Timestamp due = random.nextDouble() < 0.15 ? null
            : new Timestamp(now + (long) ((random.nextDouble() * 55 - 10) * Duration.ofDays(1).toMillis()));
        String businessKey = "AGR-BENCH-" + i;

        executions.add(t.execution, Map.of("ID_", pid, "PROC_INST_ID_", pid, "ROOT_PROC_INST_ID_", pid,
            "BUSINESS_KEY_", businessKey, "ACT_ID_", groupTask[1], "ACT_INST_ID_", actInst));
        Map<String, Object> task = new HashMap<>();
        task.put("ID_", taskId);
        task.put("EXECUTION_ID_", pid);
        task.put("PROC_INST_ID_", pid);
        task.put("NAME_", groupTask[2]);
        task.put("TASK_DEF_KEY_", groupTask[1]);
        task.put("CREATE_TIME_", created);
        task.put("DUE_DATE_", due);
        tasks.add(t.task, task);
        links.add(t.link, Map.of("ID_", id("l", i), "TASK_ID_", taskId, "GROUP_ID_", groupTask[0]));
        int authN = 0;
        for (Map<String, Object> auth : t.authorizations) {
          Map<String, Object> a = new HashMap<>();
          a.put("ID_", id("z" + authN++, i));
          a.put("RESOURCE_ID_", taskId);
          if (auth.get("GROUP_ID_") != null) {
            a.put("GROUP_ID_", groupTask[0]);
          }
          if (auth.containsKey("ROOT_PROC_INST_ID_")) {
            a.put("ROOT_PROC_INST_ID_", pid);
          }
          auths.add(auth, a);
        }
        Map<String, Object> proc = new HashMap<>();
        proc.put("ID_", pid);
        proc.put("PROC_INST_ID_", pid);
        proc.put("ROOT_PROC_INST_ID_", pid);
        proc.put("BUSINESS_KEY_", businessKey);
        proc.put("START_TIME_", created);
        hiProc.add(t.historicProcess, proc);
        Map<String, Object> hiT = new HashMap<>(task);
        hiT.remove("CREATE_TIME_");
        hiT.put("START_TIME_", created);
        hiT.put("ROOT_PROC_INST_ID_", pid);
        hiT.put("ACT_INST_ID_", actInst);
        hiTask.add(t.historicTask, hiT);
        int actN = 0;
        for (Map<String, Object> act : t.activities) {
          boolean isTask = act.get("TASK_ID_") != null;
          Map<String, Object> a = new HashMap<>();
          a.put("ID_", isTask ? actInst : id("a" + actN++, i));
          a.put("PROC_INST_ID_", pid);
          a.put("ROOT_PROC_INST_ID_", pid);
          a.put("EXECUTION_ID_", pid);
          a.put("PARENT_ACT_INST_ID_", pid);
          a.put("START_TIME_", created);
          a.put("END_TIME_", act.get("END_TIME_") == null ? null : created);
          if (isTask) {
            a.put("TASK_ID_", taskId);
            a.put("ACT_ID_", groupTask[1]);
            a.put("ACT_NAME_", groupTask[2]);
          }
          hiAct.add(act, a);
        }
      }
      executions.flush();
      tasks.flush();
      links.flush();
      auths.flush();
      hiProc.flush();
      hiTask.flush();
      hiAct.flush();
      return executions.inserted() + tasks.inserted() + links.inserted() + auths.inserted()
          + hiProc.inserted() + hiTask.inserted() + hiAct.inserted();
    }
  }

  /** Historic activity rows beyond those of the open cases: copies of the ended case. */
  private long seedEndedCases(BenchDatabase db, ProcessInstance ended, int openTasks, int openRowsPerCase)
      throws Exception {
    Random random = new Random(7);
    long now = System.currentTimeMillis();
    try (Connection c = db.connectForBulk();
        RowCloner hiProc = new RowCloner(c, "ACT_HI_PROCINST");
        RowCloner hiAct = new RowCloner(c, "ACT_HI_ACTINST")) {
      Map<String, Object> proc = hiProc.templates("ID_ = ?", ended.getId()).get(0);
      List<Map<String, Object>> activities = hiAct.templates("PROC_INST_ID_ = ?", ended.getId());
      long openRows = (long) openTasks * openRowsPerCase;
      long remaining = settings.historicActivities() - openRows;
      int n = 0;
      while (remaining > 0) {
        String pid = id("hp", n);
        Timestamp start = new Timestamp(now - (long) (random.nextDouble() * Duration.ofDays(730).toMillis()));
        Timestamp end = new Timestamp(start.getTime() + Duration.ofDays(3).toMillis());
        Map<String, Object> p = new HashMap<>();
        p.put("ID_", pid);
        p.put("PROC_INST_ID_", pid);
        p.put("ROOT_PROC_INST_ID_", pid);
        p.put("BUSINESS_KEY_", "AGR-BENCH-H" + n);
        p.put("START_TIME_", start);
        p.put("END_TIME_", end);
        p.put("REMOVAL_TIME_", null);
        hiProc.add(proc, p);
        int actN = 0;
        for (Map<String, Object> act : activities) {
          if (remaining-- <= 0) {
            break;
          }
          Map<String, Object> a = new HashMap<>();
          a.put("ID_", id("ha" + actN++, n));
          a.put("PROC_INST_ID_", pid);
          a.put("ROOT_PROC_INST_ID_", pid);
          a.put("EXECUTION_ID_", pid);
          a.put("PARENT_ACT_INST_ID_", pid);
          a.put("START_TIME_", start);
          a.put("END_TIME_", end);
          a.put("REMOVAL_TIME_", null);
          if (act.get("TASK_ID_") != null) {
            a.put("TASK_ID_", id("ht", n));
          }
          hiAct.add(act, a);
        }
        n++;
      }
      hiProc.flush();
      hiAct.flush();
      return hiProc.inserted() + hiAct.inserted();
    }
  }

  private void measure(ProcessEngine engine, BenchDatabase db) {
    IdentityService identity = engine.getIdentityService();
    FilterService filters = engine.getFilterService();
    String filterId = filters.createFilterQuery().filterName(TasklistFilters.MY_GROUP_TASKS).singleResult().getId();
    List<String> groups = identity.createGroupQuery().groupMember(USER).list().stream().map(Group::getId).toList();
    List<String> tenants = identity.createTenantQuery().userMember(USER).includingGroupsOfUser(true).list()
        .stream().map(Tenant::getId).toList();
    Stats list = new Stats();
    Stats count = new Stats();
    long visible = 0;
    int warmup = 3;
    long budget = System.nanoTime() + Duration.ofSeconds(QUERY_BUDGET_SECONDS).toNanos();
    int runs = 0;
    for (int run = 0; run < warmup + settings.queryRuns(); run++) {
      if (run >= warmup + MIN_RUNS && System.nanoTime() > budget) {
        break;  // a slow query: enough runs for p50/p95 within the time budget
      }
      runs = run + 1 - warmup;
      identity.setAuthentication(USER, groups, tenants);
      try {
        long t0 = System.nanoTime();
        List<Task> page = filters.listPage(filterId, 0, PAGE);
        long t1 = System.nanoTime();
        visible = filters.count(filterId);
        long t2 = System.nanoTime();
        if (page.size() != Math.min(PAGE, visible)) {
          throw new IllegalStateException("first page has " + page.size() + " tasks of " + visible);
        }
        if (run >= warmup) {
          list.add(t1 - t0);
          count.add(t2 - t1);
        }
      } finally {
        identity.clearAuthentication();
      }
    }
    System.out.printf("  [%s] %s sees %d tasks; first page p50 %.1f ms p95 %.1f ms; count p50 %.1f ms%n",
        db.label(), USER, visible, list.percentileMillis(50), list.percentileMillis(95), count.percentileMillis(50));
    table.put(PART, "tasks visible to " + USER + " (groups " + groups + ")", "tasks", db.label(), Long.toString(visible));
    table.put(PART, "first page (15, by due date) p50", "ms", db.label(), list.percentileMillis(50));
    table.put(PART, "first page (15, by due date) p95", "ms", db.label(), list.percentileMillis(95));
    table.put(PART, "count of the filter p50", "ms", db.label(), count.percentileMillis(50));
    table.put(PART, "count of the filter p95", "ms", db.label(), count.percentileMillis(95));
    table.note(PART, "first page (15, by due date) p50", "ms",
        "filter \"" + TasklistFilters.MY_GROUP_TASKS + "\" as Tasklist runs it (authorization + tenant checks), "
            + Math.max(0, runs) + " runs after " + warmup + " warm-up runs (at most " + QUERY_BUDGET_SECONDS + " s)");
  }

  private record Template(Map<String, Object> execution, Map<String, Object> task, Map<String, Object> link,
      List<Map<String, Object>> authorizations, Map<String, Object> historicProcess,
      Map<String, Object> historicTask, List<Map<String, Object>> activities) {
  }
}
