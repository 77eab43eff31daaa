package co.ori.bench;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** The service tasks of the no-op shape process: they do nothing. */
public class NoOpDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    // nothing: the no-op process measures the engine alone
  }
}
