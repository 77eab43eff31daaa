package co.ori.bench;

import co.ori.OriWorkflowApplication;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ORI application started inside the benchmark's JVM on a
 * {@link BenchDatabase}, with the {@link Tuning} settings: the real Spring context, beans,
 * tenant deployments and identity bootstrap, so the procedures run exactly as in production. Its
 * web server (the REST starter needs one) listens on {@code port}, loopback only; the benchmark
 * itself calls the Java API.
 *
 * <p>The job executor is configured but stopped right after start-up; parts that measure it
 * start it themselves ({@link #startJobExecutor()}), the others execute jobs explicitly as the
 * simulated users' cases need them.
 */
final class InProcessApp implements AutoCloseable {

  private final ConfigurableApplicationContext context;

  private InProcessApp(ConfigurableApplicationContext context) {
    this.context = context;
  }

  static InProcessApp start(BenchDatabase db, Tuning tuning, int port, String... extraArgs) {
    List<String> args = new ArrayList<>(db.springArgs());
    args.add("--server.port=" + port);
    args.add("--server.address=127.0.0.1");
    args.addAll(tuning.springArgs());
    args.add("--spring.main.banner-mode=off");
    args.add("--logging.level.root=WARN");
    args.add("--logging.level.co.ori=WARN");
    args.addAll(List.of(extraArgs));
    ConfigurableApplicationContext context = new SpringApplicationBuilder(OriWorkflowApplication.class)
        .logStartupInfo(false)
        .run(args.toArray(String[]::new));
    InProcessApp app = new InProcessApp(context);
    app.stopJobExecutor();
    return app;
  }

  ProcessEngine engine() {
    return context.getBean(ProcessEngine.class);
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  DataSource dataSource() {
    return context.getBean(DataSource.class);
  }

  JdbcTemplate jdbc() {
    return new JdbcTemplate(dataSource());
  }

  JobExecutor jobExecutor() {
    return ((ProcessEngineConfigurationImpl) engine().getProcessEngineConfiguration()).getJobExecutor();
  }

  void startJobExecutor() {
    if (!jobExecutor().isActive()) {
      jobExecutor().start();
    }
  }

  void stopJobExecutor() {
    if (jobExecutor().isActive()) {
      jobExecutor().shutdown();
    }
  }

  @Override
  public void close() {
    context.close();
  }
}
