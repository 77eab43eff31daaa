package co.ori.it;

import static org.assertj.core.api.Assertions.assertThat;

import co.ori.it.RestCalls.Answer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Camunda Tasklist in a real (headless) Chromium: the CINI coordinator of Cartagena logs in,
 * opens the filter "Tareas de mi grupo", opens the review task of a new agreement request
 * ({@code procedures.md} §2.a.2 A3 "Revisar solicitud de convenio"), claims it, cannot complete
 * the Camunda Form while a required field is empty, then approves it; the engine shows the case
 * moved on to A7 (send the relationship intention) with {@code requestApproved = true}.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver} ({@code /usr/bin/chromium},
 * {@code /usr/bin/chromedriver}); fails on CI when they are missing, is skipped elsewhere.
 * Screenshots of the key steps (and of any failure) go to {@code target/screenshots/}.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TasklistBrowserTest {

  private static final String REQUESTER = "umc.faculty-requester";
  private static final String COORDINATOR = "umc.cini-coordinator";
  private static final String PASSWORD = "demo";
  private static final String REVIEW_TASK_KEY = "Task_ReviewRequest";
  private static final String REVIEW_TASK_NAME = "Revisar solicitud de convenio";
  private static final String NEXT_TASK_KEY = "Task_SendIntention";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  /** An error notification of Tasklist (bottom right). */
  private static final By NOTIFICATION = By.cssSelector("div.alert-danger[ng-repeat^='notification']");

  @LocalServerPort
  int port;

  @Autowired
  TaskService taskService;

  @Autowired
  HistoryService historyService;

  @Autowired
  ManagementService managementService;

  /** The review task's form (forms/agreement-formalization), for the labels staff see. */
  private final CamundaFormFile form = CamundaFormFile.ofUserTask("agreement-formalization", REVIEW_TASK_KEY);

  private Browser browser;
  private WebDriver driver;
  private WebDriverWait wait;

  /** Saves a screenshot and the page's HTML when a test fails, before the browser closes. */
  @RegisterExtension
  final AfterTestExecutionCallback screenshotOnFailure = new AfterTestExecutionCallback() {
    @Override
    public void afterTestExecution(ExtensionContext context) {
      if (context.getExecutionException().isPresent() && browser != null) {
        browser.failureScreenshot(context.getRequiredTestMethod().getName());
      }
    }
  };

  @BeforeEach
  void openBrowser() {
    TestPrerequisites.require(Browser.available(),
        "Chromium or ChromeDriver is missing (" + Browser.CHROMIUM + ", " + Browser.CHROMEDRIVER + ")",
        "`apt-get install chromium chromium-driver` (Debian), or run `bash scripts/test` as root");
    browser = new Browser();
    driver = browser.driver;
    wait = new WebDriverWait(driver, TIMEOUT, Duration.ofMillis(100));
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void theCoordinatorReviewsAndApprovesARequestInTasklist() {
    String partner = "Universidad Tecnológica de Bolívar " + UUID.randomUUID().toString().substring(0, 8);
    Answer started = startCase(partner);
    String instanceId = started.json().path("id").asText();
    String businessKey = started.json().path("businessKey").asText();
    Task review = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
    assertThat(review).as("the case waits in the review task").isNotNull();
    assertThat(review.getTaskDefinitionKey()).isEqualTo(REVIEW_TASK_KEY);
    assertThat(review.getName()).isEqualTo(REVIEW_TASK_NAME);

    // 1. log in, open the filter, find this case's task among the group's tasks
    logIn(COORDINATOR, PASSWORD);
    openFilter("Tareas de mi grupo");
    By reviewLink = By.cssSelector(".tasks-list a[href*='task=" + review.getId() + "']");
    WebElement link = wait.until(ExpectedConditions.elementToBeClickable(reviewLink));
    assertThat(link.getText()).contains(REVIEW_TASK_NAME);
    browser.screenshot("01-tareas-de-mi-grupo");

    // 2. open it: the form shows the request (business key, partner)
    link.click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-form"), partner));
    assertThat(driver.findElement(By.cssSelector(".fjs-form")).getText()).contains(businessKey);
    browser.screenshot("02-tarea-abierta");

    // 3. claim it
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
    wait.until(d -> COORDINATOR.equals(taskService.createTaskQuery().taskId(review.getId()).singleResult().getAssignee()));
    browser.screenshot("03-tarea-reclamada");

    // 4. the required decision left empty: the form refuses to complete, the task stays open
    assertThat(form.required("requestApproved")).as("requestApproved is a required field of the form").isTrue();
    String notes = "Solicitud pertinente para la Facultad: se envía la intención de relacionamiento.";
    fieldByLabel(form.label("reviewNotes")).sendKeys(notes);
    clickComplete();
    WebElement fieldError = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form-field-error")));
    browser.screenshot("04-decision-obligatoria-vacia");
    // form-js writes "Field is required."; our Tasklist config.js shows it in Spanish
    wait.until(d -> fieldError.getText().contains("Este campo es obligatorio."));
    assertOpen(review.getId());
    dismissNotifications();

    // 5. approve and complete
    chooseOption(form.label("requestApproved"), form.optionLabel("requestApproved", "true"));
    browser.screenshot("05-formulario-diligenciado");
    clickComplete();
    wait.until(d -> taskService.createTaskQuery().taskId(review.getId()).count() == 0);
    wait.until(ExpectedConditions.invisibilityOfElementLocated(reviewLink));
    browser.screenshot("06-tarea-completada");

    // 6. the engine: decision recorded as Boolean, the case moved on to A6 → A7
    executeJobsOf(instanceId);
    assertThat(variable(instanceId, "requestApproved")).isEqualTo(Boolean.TRUE);
    assertThat(variable(instanceId, "reviewNotes")).isEqualTo(notes);
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instanceId)
        .activityId("SendTask_NotifyApproved").finished().count()).isEqualTo(1);
    List<Task> next = taskService.createTaskQuery().processInstanceId(instanceId).list();
    assertThat(next).extracting(Task::getTaskDefinitionKey).containsExactly(NEXT_TASK_KEY);

    // 7. and Tasklist offers the group the next step of this case
    driver.navigate().refresh();
    openFilter("Tareas de mi grupo");
    WebElement nextLink = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector(".tasks-list a[href*='task=" + next.get(0).getId() + "']")));
    assertThat(nextLink.getText()).isEqualTo(next.get(0).getName());
    browser.screenshot("07-siguiente-paso");
  }

  @Test
  void aRejectionWithoutNotesIsRefusedAndTheTaskStaysOpen() {
    String partner = "Fundación Universitaria Tecnológico Comfenalco " + UUID.randomUUID().toString().substring(0, 8);
    String instanceId = startCase(partner).json().path("id").asText();
    Task review = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
    assertThat(review.getTaskDefinitionKey()).isEqualTo(REVIEW_TASK_KEY);

    logIn(COORDINATOR, PASSWORD);
    openFilter("Tareas de mi grupo");
    wait.until(ExpectedConditions.elementToBeClickable(
        By.cssSelector(".tasks-list a[href*='task=" + review.getId() + "']"))).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-form"), partner));
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));

    // "No aprobar" with empty notes: the form lets it through, the completion rule
    // (reviewNotes required when not approved) refuses it and Tasklist shows the message
    chooseOption(form.label("requestApproved"), form.optionLabel("requestApproved", "false"));
    clickComplete();
    WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(NOTIFICATION));
    wait.until(d -> error.getText().contains("reviewNotes"));
    browser.screenshot("08-rechazo-sin-observaciones");
    assertThat(error.getText()).contains("es obligatorio cuando la solicitud no se aprueba")
        .as("the engine's English wrapper is not shown").doesNotContain("ENGINE-").doesNotContain("Cannot submit");
    assertOpen(review.getId());
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instanceId)
        .variableName("requestApproved").count()).as("nothing of the refused completion is saved").isZero();
  }

  /**
   * Tasklist speaks Spanish to staff even in a browser set to English (our config.js offers one
   * locale, Spanish unless {@code ?lang=en} was chosen; translations in locales/es.json), and
   * English stays available: {@code ?lang=en} switches this browser to English, {@code ?lang=es} back.
   */
  @Test
  void tasklistIsInSpanishInAnEnglishBrowserAndEnglishCanBeChosen() {
    browser.close();
    browser = new Browser("en-US");
    driver = browser.driver;
    wait = new WebDriverWait(driver, TIMEOUT, Duration.ofMillis(100));
    String instanceId = startCase("Universidad del Norte " + UUID.randomUUID().toString().substring(0, 8))
        .json().path("id").asText();
    Task review = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();

    // the browser really prefers English
    driver.get("http://localhost:" + port + "/camunda/app/tasklist/");
    assertThat((String) ((JavascriptExecutor) driver).executeScript("return navigator.languages[0];"))
        .startsWith("en");

    // login page in Spanish
    WebElement signIn = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("button[type='submit']")));
    wait.until(ExpectedConditions.textToBePresentInElement(signIn, "Iniciar sesión"));
    assertThat(driver.findElement(By.cssSelector("input[ng-model='username']")).getAttribute("placeholder"))
        .isEqualTo("Usuario");
    assertThat(driver.findElement(By.cssSelector("input[ng-model='password']")).getAttribute("placeholder"))
        .isEqualTo("Contraseña");
    browser.screenshot("20-login-en-espanol");

    // task view in Spanish: filter area, task actions, claim and complete buttons
    logIn(COORDINATOR, PASSWORD);
    openFilter("Tareas de mi grupo");
    wait.until(ExpectedConditions.elementToBeClickable(
        By.cssSelector(".tasks-list a[href*='task=" + review.getId() + "']"))).click();
    WebElement claim = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim")));
    assertThat(claim.getText()).isEqualTo("Reclamar");
    String page = driver.findElement(By.tagName("body")).getText();
    assertThat(page).contains("Iniciar proceso", "Crear tarea", "Formulario", "Historial", "Diagrama",
        "Descripción", "Fecha de vencimiento", "Fecha de seguimiento");
    assertThat(page).doesNotContain("Start process", "Due date", "Follow-up date", "Claim", "History");
    assertThat(driver.findElements(By.cssSelector("input[placeholder='Filtrar tareas']")))
        .as("the task search field of the filter area").isNotEmpty();
    browser.screenshot("21-tarea-en-espanol");
    claim.click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
    WebElement complete = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("button[ng-click='complete()']")));
    wait.until(ExpectedConditions.textToBePresentInElement(complete, "Completar"));
    assertThat(driver.findElement(By.tagName("body")).getText()).contains("Guardar").doesNotContain("Reclamar");
    browser.screenshot("22-tarea-reclamada-en-espanol");

    // English on request, remembered; and back to Spanish
    String taskUrl = "/camunda/app/tasklist/default/#/?task=" + review.getId();
    driver.get("http://localhost:" + port + "/camunda/app/tasklist/default/?lang=en#/?task=" + review.getId());
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("button[ng-click='complete()']"), "Complete"));
    driver.get("http://localhost:" + port + taskUrl);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("button[ng-click='complete()']"), "Complete"));
    assertThat(driver.findElement(By.tagName("body")).getText()).contains("Start process", "Set due date", "History")
        .doesNotContain("Iniciar proceso", "Completar");
    browser.screenshot("23-tarea-en-ingles");
    driver.get("http://localhost:" + port + "/camunda/app/tasklist/default/?lang=es#/?task=" + review.getId());
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("button[ng-click='complete()']"), "Completar"));
  }

  // ------------------------------------------------------------------------------------------

  /** Starts an agreement-formalization case in umc over REST, as the faculty requester. */
  private Answer startCase(String partner) {
    Answer started = new RestCalls("http://localhost:" + port).post(AgreementRequests.startPath("umc"),
        AgreementRequests.valid(partner).body(), REQUESTER, PASSWORD);
    assertThat(started.status()).as(started.toString()).isEqualTo(200);
    return started;
  }

  private void assertOpen(String taskId) {
    assertThat(taskService.createTaskQuery().taskId(taskId).count())
        .as("the task must still be open after a refused completion").isEqualTo(1);
  }

  private void logIn(String user, String password) {
    driver.get("http://localhost:" + port + "/camunda/app/tasklist/");
    // the login form is ready (translations loaded, fields focused) when its button has a label;
    // typing earlier may land in the wrong field when Tasklist moves the focus
    WebElement signIn = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("button[type='submit']")));
    wait.until(d -> !signIn.getText().isBlank());
    WebElement userField =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
    WebElement passwordField = driver.findElement(By.cssSelector("input[ng-model='password']"));
    wait.until(d -> {
      userField.clear();
      userField.sendKeys(user);
      passwordField.clear();
      passwordField.sendKeys(password);
      return user.equals(userField.getAttribute("value")) && password.equals(passwordField.getAttribute("value"));
    });
    signIn.click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-tasks], .tasks-list, .filters")));
  }

  /** Clicks a Tasklist filter by name and waits until it is the active one. */
  private void openFilter(String name) {
    By filter = By.xpath("//div[contains(@class,'task-filter')][.//h4//a[contains(normalize-space(.), "
        + xpathLiteral(name) + ")]]");
    wait.until(ExpectedConditions.elementToBeClickable(filter)).findElement(By.cssSelector("h4 a")).click();
    wait.until(ExpectedConditions.attributeContains(filter, "class", "active"));
  }

  /** The input of a Camunda Form field, found by the label staff see. */
  private WebElement fieldByLabel(String label) {
    WebElement labelElement = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
        "//form[contains(@class,'fjs-form')]//label[contains(@class,'fjs-form-field-label')]"
            + "[starts-with(normalize-space(.), " + xpathLiteral(label) + ")]")));
    return driver.findElement(By.id(labelElement.getAttribute("for")));
  }

  /** Clicks an option of a radio field, both found by their labels. */
  private void chooseOption(String fieldLabel, String optionLabel) {
    By radio = By.xpath("//form[contains(@class,'fjs-form')]//div[contains(@class,'fjs-form-field')]"
        + "[label[starts-with(normalize-space(.), " + xpathLiteral(fieldLabel) + ")]]"
        + "//label[normalize-space(.) = " + xpathLiteral(optionLabel) + "]/input");
    WebElement input = wait.until(ExpectedConditions.elementToBeClickable(radio));
    input.click();
    wait.until(d -> input.isSelected());
  }

  private static String xpathLiteral(String text) {
    if (!text.contains("'")) {
      return "'" + text + "'";
    }
    return "\"" + text + "\"";
  }

  /** Closes Tasklist's notifications (they cover the bottom of the form). */
  private void dismissNotifications() {
    for (WebElement close : driver.findElements(By.cssSelector("div[ng-repeat^='notification'] button.close.ng-scope"))) {
      if (close.isDisplayed()) {
        close.click();
      }
    }
    wait.until(ExpectedConditions.invisibilityOfElementLocated(NOTIFICATION));
  }

  private void clickComplete() {
    WebElement complete =
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='complete()']")));
    // Tasklist's fixed footer may cover the button at the bottom of a long form
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", complete);
    wait.until(ExpectedConditions.elementToBeClickable(complete)).click();
  }

  /** Runs the case's due jobs (the test profile has no job executor), e.g. async notifications. */
  private void executeJobsOf(String instanceId) {
    for (int round = 0; round < 10; round++) {
      List<Job> jobs = managementService.createJobQuery().processInstanceId(instanceId).executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
  }

  private Object variable(String instanceId, String name) {
    HistoricVariableInstance v = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(instanceId).variableName(name).singleResult();
    assertThat(v).as("variable %s", name).isNotNull();
    return v.getValue();
  }

}
