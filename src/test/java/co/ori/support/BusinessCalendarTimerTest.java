package co.ori.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The {@code businessCalendar} bean is usable from BPMN timer expressions with Camunda
 * {@code Date} variables (test model {@code bpmn/business-calendar-test.bpmn}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BusinessCalendarTimerTest {

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;

  @BeforeEach
  void deploy() {
    repositoryService.createDeployment()
        .name("business-calendar-test")
        .enableDuplicateFiltering(false)
        .addClasspathResource("bpmn/business-calendar-test.bpmn")
        .deploy();
  }

  @Test
  void timerDueDatesComeFromTheBusinessCalendar() {
    Date startDate = at(2026, 3, 20, 10, 0, 0);  // Friday
    Date validUntil = at(2027, 6, 30, 0, 0, 0);
    ProcessInstance instance = runtimeService.startProcessInstanceByKey("business-calendar-test",
        Map.of("startDate", startDate, "validUntil", validUntil));

    // 10 business days after Friday 20 March 2026, skipping San José (Mon 23 March) and
    // Jueves/Viernes Santo (2-3 April): Wednesday 8 April, end of day in Bogota
    assertThat(timer(instance, "DeadlineTimer").getDuedate())
        .isEqualTo(at(2026, 4, 8, 23, 59, 59));
    // validUntil - 90 calendar days
    assertThat(timer(instance, "AlertTimer").getDuedate()).isEqualTo(at(2027, 4, 1, 0, 0, 0));

    managementService.executeJob(timer(instance, "DeadlineTimer").getId());
    managementService.executeJob(timer(instance, "AlertTimer").getId());
    assertThat(runtimeService.createProcessInstanceQuery()
        .processInstanceId(instance.getId()).count()).isZero();
  }

  private Job timer(ProcessInstance instance, String activityId) {
    return managementService.createJobQuery().processInstanceId(instance.getId())
        .timers().activityId(activityId).singleResult();
  }

  private static Date at(int y, int m, int d, int h, int min, int s) {
    return Date.from(ZonedDateTime.of(y, m, d, h, min, s, 0, BusinessCalendar.ZONE).toInstant());
  }
}
