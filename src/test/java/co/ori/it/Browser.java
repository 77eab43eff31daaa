package co.ori.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium for the browser tests, from Debian's packages ({@code chromium},
 * {@code chromium-driver}): the browser and driver paths are given explicitly, so Selenium
 * Manager never looks for or downloads anything, and Chromium runs with the flags that keep it
 * off the network (this machine's network is closed) in a fresh profile directory.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of(System.getProperty("ori.test.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER =
      Path.of(System.getProperty("ori.test.chromedriver", "/usr/bin/chromedriver"));
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final Path profile;
  private final ChromeDriverService service;
  final WebDriver driver;

  /** True when Debian's chromium and chromedriver are installed. */
  static boolean available() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  /** Starts chromedriver and a headless Chromium, 1366×1000, in Colombian Spanish (es-CO). */
  Browser() {
    this("es-CO");
  }

  /**
   * Starts chromedriver and a headless Chromium, 1366×1000, whose language (UI and
   * {@code Accept-Language}, hence {@code navigator.languages}) is {@code language}, e.g. "en-US".
   */
  Browser(String language) {
    try {
      profile = Files.createTempDirectory("ori-chromium-profile-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // An explicit driver path: Selenium Manager is not consulted.
    System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
    service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .withSilent(true)
        .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--no-default-browser-check",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-extensions", "--disable-features=Translate,MediaRouter,OptimizationHints",
        "--lang=" + language, "--window-size=1366,1000",
        "--user-data-dir=" + profile.toAbsolutePath());
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
  }

  /**
   * Saves a PNG of the current page as {@code target/screenshots/<name>.png}.
   *
   * @return the file written
   */
  Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
      Path target = SCREENSHOTS.resolve(name + ".png");
      Files.copy(png.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A screenshot named after a failing test, time-stamped; never throws (used on failure). */
  void failureScreenshot(String testName) {
    try {
      String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("HHmmss"));
      Path file = screenshot("FAILED-" + testName + "-" + stamp);
      Files.writeString(file.resolveSibling(file.getFileName().toString().replace(".png", ".html")),
          driver.getPageSource());
      System.err.println("Browser test failed at " + driver.getCurrentUrl() + "; screenshot " + file.toAbsolutePath());
    } catch (RuntimeException | IOException e) {
      System.err.println("Could not save the failure screenshot: " + e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
      deleteRecursively(profile);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("Could not delete the Chromium profile " + dir + ": " + e);
    }
  }
}
