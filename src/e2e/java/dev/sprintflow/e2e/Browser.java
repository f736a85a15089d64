package dev.sprintflow.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium (Debian's package) driven by Debian's chromedriver, logged into Operate and
 * Tasklist like a person. Selenium Manager never runs: the driver binary is given explicitly, so
 * nothing is downloaded.
 */
final class Browser implements AutoCloseable {

  private static final Duration WAIT = Duration.ofSeconds(60);

  private final ChromeDriver driver;
  private final Path profile;
  private final Path out;

  Browser(E2eSettings settings) throws IOException {
    this.out = settings.out();
    this.profile = Files.createTempDirectory("sprintflow-e2e-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(settings.chromium().toFile());
    options.addArguments(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1600,1200"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(settings.chromedriver().toFile())
        .usingAnyFreePort()
        .withLogFile(settings.out().resolve("chromedriver.log").toFile())
        .build();
    this.driver = new ChromeDriver(service, options);
  }

  /** Logs into Operate or Tasklist ("operate", "tasklist") through its login page. */
  void login(String webUrl, String app, String user, String password) {
    driver.get(webUrl + "/" + app + "/login");
    WebElement name = waitFor(By.cssSelector("input[name=username]"));
    name.clear();
    name.sendKeys(user);
    driver.findElement(By.cssSelector("input[name=password]")).sendKeys(password);
    driver.findElement(By.cssSelector("button[type=submit]")).click();
    new WebDriverWait(driver, WAIT).until(d -> !d.getCurrentUrl().contains("/login"));
  }

  void open(String url) {
    driver.get(url);
  }

  WebElement waitFor(By locator) {
    return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  /** In the DOM, visible or not (diagram shapes can be too small for Selenium's visibility test). */
  WebElement waitForPresent(By locator) {
    return new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(locator));
  }

  WebElement waitForClickable(By locator) {
    return new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(locator));
  }

  /** Waits until the page's text contains this (e.g. a form heading rendered from variables). */
  void waitForText(String text) {
    new WebDriverWait(driver, WAIT).until(d -> d.findElement(By.tagName("body")).getText().contains(text));
  }

  /** An element whose visible text is exactly this (buttons and labels in Carbon have no stable ids). */
  static By text(String tag, String text) {
    return By.xpath("//" + tag + "[normalize-space(.)='" + text + "']");
  }

  List<WebElement> findAll(By locator) {
    return driver.findElements(locator);
  }

  void click(WebElement element) {
    // Carbon radio inputs are visually hidden behind their labels: click via script when needed.
    try {
      element.click();
    } catch (org.openqa.selenium.ElementNotInteractableException e) {
      driver.executeScript("arguments[0].click();", element);
    }
  }

  Path screenshot(String name) {
    awaitFonts();
    Path file = out.resolve(name);
    try {
      Files.createDirectories(out);
      Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.println("[e2e] screenshot " + file);
    return file;
  }

  /**
   * Operate and Tasklist render text in web fonts that hide it until loaded (font-display: block):
   * on a busy machine a screenshot taken right after the DOM is ready shows empty labels.
   */
  private void awaitFonts() {
    try {
      new WebDriverWait(driver, Duration.ofSeconds(15))
          .until(d -> "loaded".equals(driver.executeScript("return document.fonts.status")));
      Thread.sleep(300); // one more frame for the re-layout
    } catch (org.openqa.selenium.TimeoutException e) {
      System.out.println("[e2e] fonts still loading after 15 s; the screenshot may lack text");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Saves what the browser showed when a step failed. */
  void evidence(String name) {
    try {
      screenshot(name + ".png");
      Files.writeString(out.resolve(name + ".html"), driver.getPageSource());
    } catch (RuntimeException | IOException e) {
      System.out.println("[e2e] could not save " + name + ": " + e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException ignored) {
        // a leftover temporary profile is harmless
      }
    }
  }
}
