package dev.carnews.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.carnews.entity.NewsEntityTagger;
import dev.carnews.entity.TaggedArticle;
import dev.carnews.index.ArticleIndex;
import dev.carnews.ingest.Article;
import dev.carnews.ingest.JsonLinesArticleReader;
import dev.carnews.search.lucene.LuceneNewsArchive;
import dev.carnews.server.SampleCorpus;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The readers' page in a real browser (issue 4): Debian's headless Chromium, driven through its
 * chromedriver, against the real app on a free port over the sample corpus. Skipped, with the
 * reason, where {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver} is missing ({@code
 * .ci/run} installs both).
 */
class ReadersPageIT {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Duration WAIT = Duration.ofSeconds(20);

  private static ArticleIndex index;
  private static SearchApp app;

  @TempDir Path profile;

  private ChromeDriver browser;
  private WebDriverWait wait;

  @BeforeAll
  static void startApp() throws IOException {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Browser test skipped: needs /usr/bin/chromium and /usr/bin/chromedriver"
            + " (Debian: apt-get install -y chromium chromium-driver; .ci/run installs them)");
    index = ArticleIndex.open(new ByteBuffersDirectory());
    new SampleCorpus(new JsonLinesArticleReader(), NewsEntityTagger.createDefault())
        .fillIfEmpty(index);
    // Two versions of one invented story (issue 15), dated before the sample so browsing is as it
    // was.
    index.write(
        version("velora-1", "Velora to build battery plant", VELORA, "2024-03-05T09:00:00Z"));
    index.write(
        version(
            "velora-2",
            "CORRECTED-Velora to build battery plant",
            VELORA.replace("2,400", "2,100"),
            "2024-03-05T11:00:00Z"));
    index.commit();
    app = SearchApp.create(new LuceneNewsArchive(index)).start("localhost", 0);
  }

  private static final String VELORA =
      "The carmaker Velora said on Tuesday it would build a battery plant near the river port of"
          + " Drenton, investing 1.2 billion euros and hiring 2,400 workers by 2028. The plant will"
          + " make cells for the small electric hatchback the company plans to launch next year,"
          + " the chief executive told reporters at the site. Local officials welcomed the"
          + " decision, which ends a two-year search for a location.";

  private static TaggedArticle version(String id, String title, String body, String published) {
    return new TaggedArticle(
        new Article(id, null, title, body, List.of(), Instant.parse(published), null, List.of()),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  @AfterAll
  static void stopApp() throws IOException {
    if (app != null) {
      app.stop();
    }
    if (index != null) {
      index.close();
    }
  }

  @BeforeEach
  void openBrowser() {
    // An explicit driver and browser binary: Selenium Manager is never asked to download either.
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,1600",
        "--user-data-dir=" + profile.toAbsolutePath());
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, WAIT);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void sharedLinkRendersResultsAndFacetCounts() throws IOException {
    browser.get(base() + "/?q=renault");
    waitForResults();
    assertTrue(titles().size() > 0, "results for renault");
    assertTrue(
        titles().stream().anyMatch(title -> title.contains("Renault")),
        "a Renault headline: " + titles());
    List<WebElement> brandCounts =
        browser.findElements(By.cssSelector("[data-testid=facet-brand] .facet__count"));
    assertFalse(brandCounts.isEmpty(), "brand facet counts are shown");
    String firstCount = brandCounts.get(0).getText();
    assertTrue(Character.isDigit(firstCount.charAt(0)), "a count: " + firstCount);
    Path shot = Path.of("target", "screenshots", "readers-page-renault.png");
    Files.createDirectories(shot.getParent());
    File taken = browser.getScreenshotAs(OutputType.FILE);
    Files.copy(taken.toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void typeFilterPageAndGoBack() {
    browser.get(base() + "/");
    WebElement box = wait.until(ExpectedConditions.elementToBeClickable(By.id("q")));
    box.sendKeys("electric", Keys.ENTER);
    wait.until(ExpectedConditions.urlContains("q=electric"));
    waitForResults();
    String allTotal = total();
    assertFalse(titles().isEmpty(), "results for electric");

    WebElement firstBrand =
        browser.findElement(By.cssSelector("[data-testid=facet-brand] input[type=checkbox]"));
    String brand = firstBrand.getAttribute("value");
    browser
        .findElement(By.cssSelector("label[for='" + firstBrand.getAttribute("id") + "']"))
        .click();
    wait.until(ExpectedConditions.urlContains("brand="));
    waitForResults();
    wait.until(driver -> !total().equals(allTotal));
    assertTrue(
        browser.getCurrentUrl().contains("brand=" + brand.replace(" ", "+"))
            || browser.getCurrentUrl().contains("brand=" + brand.replace(" ", "%20")),
        browser.getCurrentUrl());
    assertNotEquals(allTotal, total(), "the brand filter narrows the results");

    browser.get(base() + "/?q=electric");
    waitForResults();
    List<String> firstPage = titles();
    browser.findElement(By.id("next")).click();
    wait.until(ExpectedConditions.urlContains("page=2"));
    waitForResults();
    wait.until(driver -> !titles().equals(firstPage));
    assertNotEquals(firstPage, titles(), "page 2 shows other articles");

    browser.navigate().back();
    wait.until(driver -> !driver.getCurrentUrl().contains("page=2"));
    waitForResults();
    wait.until(driver -> titles().equals(firstPage));
    assertEquals(firstPage, titles(), "back shows page 1 again");
  }

  @Test
  void suggestionsAppearAsTheReaderTypesAndMisspellingsAreExplained() {
    browser.get(base() + "/");
    WebElement box = wait.until(ExpectedConditions.elementToBeClickable(By.id("q")));
    box.sendKeys("ren");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("suggestions")));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("suggestions"), "Renault"));

    browser.get(base() + "/?q=renualt");
    waitForResults();
    assertTrue(titles().get(0).contains("Renault"), "results for the correction: " + titles());
    String notice = browser.findElement(By.cssSelector("[data-testid=interpretation]")).getText();
    assertTrue(notice.contains("renault"), notice);
  }

  /** Issue 14: a result's person chip leads to the person's page, and back returns. */
  @Test
  void personChipOpensTheEntityPageAndBackReturns() {
    browser.get(base() + "/?q=renault");
    waitForResults();
    List<String> results = titles();
    WebElement link =
        browser.findElement(
            By.cssSelector("#results [data-testid=entity-link][data-entity-type=person]"));
    link.click();
    wait.until(ExpectedConditions.urlContains("/entity/person/"));
    wait.until(ExpectedConditions.attributeToBe(By.id("entity-view"), "data-state", "ready"));
    String name = browser.findElement(By.cssSelector("[data-testid=entity-name]")).getText();
    assertFalse(name.isBlank());
    assertTrue(browser.findElement(By.id("layout")).getAttribute("hidden") != null);
    assertFalse(
        browser.findElements(By.cssSelector("[data-testid=entity-chart] svg rect")).isEmpty(),
        "the month chart has bars");
    assertFalse(
        browser
            .findElements(By.cssSelector("[data-testid=entity-timeline-table] tbody tr"))
            .isEmpty(),
        "the chart's table");
    assertFalse(
        browser.findElements(By.cssSelector("[data-testid=entity-latest-list] li")).isEmpty(),
        "latest stories");
    assertFalse(
        browser.findElements(By.cssSelector("[data-testid=entity-brands] li a")).isEmpty(),
        "associated brands link to their pages");
    String feed =
        browser.findElement(By.cssSelector("[data-testid=follow-feed]")).getAttribute("href");
    assertTrue(feed.endsWith(".atom"), feed);
    String alternate =
        browser
            .findElement(By.cssSelector("link[rel=alternate][type='application/atom+xml']"))
            .getAttribute("href");
    assertTrue(alternate.contains("/api/entities/person/"), alternate);

    browser.navigate().back();
    wait.until(ExpectedConditions.urlContains("q=renault"));
    waitForResults();
    wait.until(driver -> titles().equals(results));
    assertEquals(results, titles(), "back shows the results again");
  }

  @Test
  void versionsOfOneStoryShowAsOneHitWithMoreVersionsToExpand() {
    browser.get(base() + "/?q=%2Bvelora+%2Bplant");
    waitForResults();
    assertEquals(1, titles().size(), "one hit for the story: " + titles());
    WebElement more = browser.findElement(By.cssSelector("[data-testid=more-versions]"));
    assertEquals("1 more version", more.getText());
    more.click();
    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".versions__list > li"), 1));
    String listed = browser.findElement(By.cssSelector(".versions__list > li")).getText();
    assertTrue(listed.contains("Velora to build battery plant"), listed);
    browser.get(base() + "/?q=%2Bvelora+%2Bplant&versions=all");
    waitForResults();
    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#results > li"), 2));
    assertTrue(browser.findElements(By.cssSelector("[data-testid=more-versions]")).isEmpty());
  }

  private void waitForResults() {
    wait.until(ExpectedConditions.attributeToBe(By.id("main"), "data-state", "ready"));
    wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#results > li"), 0));
  }

  private List<String> titles() {
    return browser.findElements(By.cssSelector("#results > li h3, #results > li h2")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private String total() {
    return browser.findElement(By.id("total")).getText();
  }

  private String base() {
    return "http://localhost:" + app.port();
  }
}
