package co.ori.it;

import static org.assertj.core.api.Assertions.assertThat;

import co.ori.it.RestCalls.Answer;
import co.ori.support.InvalidVariableExceptionMapper;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Two members of the same candidate group complete the same task at the same moment over REST
 * (issue 8, concurrency): exactly one completion counts, the other caller gets HTTP 409 with a
 * Spanish message ({@link InvalidVariableExceptionMapper#CONCURRENT_MESSAGE}) instead of
 * Camunda's 500, and the case moves on exactly once (one completed {@code Task_ReviewRequest},
 * one {@code Task_SendIntention} after the mail job).
 *
 * <p>Real application, engine and H2 (profile {@code test}); the race is repeated a few times, so
 * the ways of losing it (optimistic lock on commit: 409; task or its authorizations already
 * deleted by the winner: 404) get exercised.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ConcurrentTaskCompletionTest {

  private static final String PASSWORD = "demo";
  private static final String FIRST = "umc.cini-coordinator";
  private static final String SECOND = "umc.cini-coordinator-2";
  private static final int ROUNDS = 20;

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired HistoryService historyService;
  @Autowired org.camunda.bpm.engine.ManagementService managementService;

  RestCalls rest;

  @BeforeEach
  void secondCoordinator() {
    rest = new RestCalls("http://localhost:" + port);
    if (identityService.createUserQuery().userId(SECOND).count() == 0) {
      User user = identityService.newUser(SECOND);
      user.setFirstName("Segunda coordinadora");
      user.setLastName("(UMC)");
      user.setEmail(SECOND + "@demo.ori.local");
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
      identityService.createMembership(SECOND, "cini-coordinator");
      identityService.createTenantUserMembership("umc", SECOND);
    }
  }

  @Test
  void twoCoordinatorsCompleteTheSameTaskAtOnceAndOnlyOneWins() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        raceOnce(pool, round);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private void raceOnce(ExecutorService pool, int round) throws Exception {
    Answer started = rest.post(AgreementRequests.startPath("umc"),
        AgreementRequests.valid("Universidad concurrente " + UUID.randomUUID()).body(),
        "umc.faculty-requester", PASSWORD);
    assertThat(started.status()).as(started.toString()).isEqualTo(200);
    String instanceId = started.json().path("id").asText();

    Answer tasks = rest.get("/engine-rest/task?processInstanceId=" + instanceId
        + "&taskDefinitionKey=Task_ReviewRequest&maxResults=10", FIRST, PASSWORD);
    assertThat(tasks.json()).as(tasks.toString()).hasSize(1);
    String taskId = tasks.json().get(0).path("id").asText();
    // both users see the task (same candidate group), so both may try to complete it
    Answer seen = rest.get("/engine-rest/task?processInstanceId=" + instanceId + "&maxResults=10",
        SECOND, PASSWORD);
    assertThat(seen.json()).as(seen.toString()).hasSize(1);

    Map<String, Object> approve = Map.of("variables", Map.of(
        "requestApproved", Map.of("value", true, "type", "Boolean"),
        "reviewNotes", Map.of("value", "Aprobada (ronda " + round + ")", "type", "String")));
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Answer>> answers = new ArrayList<>();
    for (String user : List.of(FIRST, SECOND)) {
      answers.add(pool.submit(() -> {
        go.await();
        return rest.post("/engine-rest/task/" + taskId + "/complete", approve, user, PASSWORD);
      }));
    }
    go.countDown();
    List<Answer> results = new ArrayList<>();
    for (Future<Answer> answer : answers) {
      results.add(answer.get(60, TimeUnit.SECONDS));
    }

    assertThat(results).as("round %d: %s", round, results)
        .filteredOn(a -> a.status() == 204).hasSize(1);
    Answer loser = results.stream().filter(a -> a.status() != 204).findFirst().orElseThrow();
    JsonNode body = loser.json();
    // the loser either collides with the winner's commit (optimistic lock: 409) or arrives when the
    // task (or its authorizations) is already gone (404); never Camunda's raw 500 or a misleading 403
    if (loser.status() == 409) {
      assertThat(body.path("type").asText()).isEqualTo("ConcurrentModification");
      assertThat(body.path("message").asText()).isEqualTo(InvalidVariableExceptionMapper.CONCURRENT_MESSAGE);
    } else {
      assertThat(loser.status()).as("round %d loser: %s", round, loser).isEqualTo(404);
      assertThat(body.path("type").asText()).isEqualTo("TaskNotFound");
      assertThat(body.path("message").asText()).isEqualTo(InvalidVariableExceptionMapper.TASK_GONE_MESSAGE);
    }
    System.out.println("Round " + round + " loser: HTTP " + loser.status() + " " + body.path("detail").asText());

    // the mail job (asyncBefore + asyncAfter) runs once, then the case waits in Task_SendIntention
    for (int i = 0; i < 5; i++) {
      var jobs = managementService.createJobQuery().processInstanceId(instanceId).executable().list();
      if (jobs.isEmpty()) {
        break;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instanceId)
        .activityId("Task_ReviewRequest").finished().count()).isEqualTo(1);
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(instanceId)
        .taskDefinitionKey("Task_ReviewRequest").count()).isEqualTo(1);
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instanceId)
        .activityId("SendTask_NotifyApproved").count()).isEqualTo(1);
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instanceId)
        .activityId("Task_SendIntention").count()).isEqualTo(1);
  }

  @Test
  void completingATaskThatIsGoneAnswers404InSpanish() {
    Answer answer = rest.post("/engine-rest/task/" + UUID.randomUUID() + "/complete",
        Map.of("variables", Map.of()), FIRST, PASSWORD);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
    assertThat(answer.json().path("type").asText()).isEqualTo("TaskNotFound");
    assertThat(answer.json().path("message").asText())
        .isEqualTo(InvalidVariableExceptionMapper.TASK_GONE_MESSAGE);
  }

  @Test
  void aUserWithoutPermissionOnAnExistingTaskStillGetsCamundas403() {
    Answer started = rest.post(AgreementRequests.startPath("umc"),
        AgreementRequests.valid("Universidad permisos " + UUID.randomUUID()).body(),
        "umc.faculty-requester", PASSWORD);
    String instanceId = started.json().path("id").asText();
    String taskId = rest.get("/engine-rest/task?processInstanceId=" + instanceId + "&maxResults=10",
        FIRST, PASSWORD).json().get(0).path("id").asText();
    Answer answer = rest.post("/engine-rest/task/" + taskId + "/complete",
        Map.of("variables", Map.of("requestApproved", Map.of("value", true, "type", "Boolean"))),
        "umc.general-secretary", PASSWORD);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
    assertThat(answer.json().path("type").asText()).isEqualTo("AuthorizationException");
    assertThat(historyService.createHistoricTaskInstanceQuery().taskId(taskId).finished().count()).isZero();
  }

  @Test
  void otherRestErrorsKeepCamundasMapping() {
    Answer answer = rest.get("/engine-rest/process-definition/key/no-such-process", FIRST, PASSWORD);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
    assertThat(answer.json().path("type").asText()).isIn("RestException", "InvalidRequestException");
    assertThat(answer.json().path("message").asText()).contains("no-such-process");
  }
}
