package co.ori.notification;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Engine plugin: a send task's job that fails with {@link MailDeliveryUncertainException} gets
 * 0 retries at once, so the incident shows in Cockpit immediately instead of after the
 * {@code R3/PT5M} retries (which could not change anything: an {@code UNCERTAIN} mail waits for
 * an administrator). Every other failure keeps the engine's retry behaviour.
 *
 * <p>It wraps the engine's {@link FailedJobCommandFactory}: the engine's command runs first
 * (records the exception message and stack trace on the job, as Cockpit shows them), then the
 * job's retries are set to 0, which raises the {@code failedJob} incident, and its due date to
 * now, so that the job runs as soon as an administrator retries the incident.
 */
@Component
public class UncertainMailIncidents extends AbstractProcessEnginePlugin {

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    FailedJobCommandFactory engineFactory = configuration.getFailedJobCommandFactory();
    configuration.setFailedJobCommandFactory((jobId, exception) -> {
      Command<Object> engineCommand = engineFactory.getCommand(jobId, exception);
      if (!isUncertainMail(exception)) {
        return engineCommand;
      }
      return commandContext -> {
        Object result = engineCommand.execute(commandContext);
        JobEntity job = commandContext.getJobManager().findJobById(jobId);
        if (job != null && job.getRetries() > 0) {
          job.setRetries(0);
          // due now: once an administrator retries the incident, it runs at once
          job.setDuedate(ClockUtil.getCurrentTime());
        }
        return result;
      };
    });
  }

  private static boolean isUncertainMail(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof MailDeliveryUncertainException) {
        return true;
      }
    }
    return false;
  }
}
