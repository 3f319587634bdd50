package dev.carnews.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.carnews.entity.TaggedArticle;
import dev.carnews.index.ArticleIndex;
import dev.carnews.index.GroupCommitter;
import dev.carnews.search.Fixtures;
import dev.carnews.search.TagsEntityTagger;
import dev.carnews.write.ArticleWriter;
import dev.carnews.write.CurationStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 24: the editors' page in headless Chromium (set up as {@link ReadersPageIT} does). A wrong
 * key does not unlock it; the right one, typed into the page, does without entering any URL; a bare
 * surname is merged into its full name in one click, a non-entity hidden in one, and the decision
 * log undoes the merge, each checked against the API's answers.
 */
class EditorsPageIT {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String KEY = "editors-page-key-0123456789abcdef";

  @TempDir Path profile;

  private RunningApp running;
  private GroupCommitter committer;
  private ChromeDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void start() throws IOException {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Browser test skipped: needs /usr/bin/chromium and /usr/bin/chromedriver");
    ArticleIndex index = Fixtures.index();
    TagsEntityTagger tagger = new TagsEntityTagger();
    index.write(
        tagger.tag(
            Fixtures.article(
                "a8",
                "Sato visits the Nissan plant",
                "Sato toured the line.",
                "Jane Doe",
                "2025-08-16T10:00:00Z",
                "brand:Nissan",
                "person:Sato")));
    TaggedArticle ampere =
        tagger.tag(
            Fixtures.article(
                "a9",
                "Ampere plans a hatchback",
                "Ampere will build it with Renault.",
                "Ana Lima",
                "2025-08-10T10:00:00Z",
                "brand:Renault",
                "person:Ampere"));
    // The name model was unsure of Ampere, as a real tagger would record it.
    index.write(
        new TaggedArticle(
            ampere.article(),
            ampere.authors(),
            ampere.persons(),
            ampere.brands(),
            ampere.mentions(),
            null,
            Map.of("Ampere", 0.31)));
    index.commit();
    running =
        new RunningApp(
            index,
            i -> {
              committer = new GroupCommitter(i, Duration.ZERO);
              return AppOptions.defaults()
                  .withWrites(
                      new ArticleWriter(i, committer, () -> tagger), ApiKeys.of(List.of(KEY)))
                  .withCuration(CurationStore.of(i));
            });
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
  void stop() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (running != null) {
      running.close();
      committer.close();
    }
  }

  private String status() {
    return browser.findElement(By.id("status")).getText();
  }

  private WebElement candidate(String name) {
    return wait.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector("#candidates tr[data-name='" + name + "']")));
  }

  private String personFacet() throws Exception {
    return running.get("/api/search?facetSize=50").json().path("facets").path("person").toString();
  }

  @Test
  void editorsMergeHideAndUndoFromThePage() throws Exception {
    browser.get("http://localhost:" + running.app.port() + "/editors.html");
    WebElement keyBox = wait.until(ExpectedConditions.elementToBeClickable(By.id("key")));
    keyBox.sendKeys("not-the-key-0123456789");
    browser.findElement(By.id("unlock-button")).click();
    wait.until(driver -> status().startsWith("This key cannot unlock"));
    assertFalse(browser.findElement(By.id("desk")).isDisplayed());

    browser.findElement(By.id("key")).sendKeys(KEY);
    browser.findElement(By.id("unlock-button")).click();
    WebElement sato = candidate("Sato");
    assertFalse(browser.getCurrentUrl().contains(KEY), browser.getCurrentUrl());
    assertEquals(
        KEY,
        ((JavascriptExecutor) browser)
            .executeScript("return sessionStorage.getItem('carnews.editorKey')"));
    assertEquals(
        "Kenji Sato", sato.findElement(By.cssSelector("input[type=text]")).getAttribute("value"));
    assertTrue(sato.getText().contains("surname"), sato.getText());

    sato.findElement(By.cssSelector("button[data-action=merge]")).click();
    wait.until(driver -> status().startsWith("Saved d1"));
    wait.until(
        ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#log tr[data-id=d1]")));
    assertTrue(personFacet().contains("{\"value\":\"Kenji Sato\",\"count\":3}"), personFacet());
    assertFalse(personFacet().contains("\"Sato\""), personFacet());

    WebElement ampere = candidate("Ampere");
    assertTrue(ampere.getText().contains("low confidence (1 article)"), ampere.getText());
    ampere.findElement(By.cssSelector("button[data-action=hide]")).click();
    wait.until(driver -> status().startsWith("Saved d2"));
    assertFalse(personFacet().contains("Ampere"), personFacet());
    String log = browser.findElement(By.id("log")).getText();
    assertTrue(
        log.contains("merge") && log.contains("hide") && log.contains(ApiKeys.nameOf(KEY)), log);

    browser.findElement(By.cssSelector("#log tr[data-id=d1] button[data-action=undo]")).click();
    wait.until(driver -> status().startsWith("Undone d1"));
    assertTrue(personFacet().contains("\"Sato\""), personFacet());
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("#log tr[data-id=d1]"), "undone"));
  }
}
