package dev.carnews.index;

import static dev.carnews.story.StoryFixtures.PLANT;
import static dev.carnews.story.StoryFixtures.PLANT_CORRECTED;
import static dev.carnews.story.StoryFixtures.PLANT_UPDATED;
import static dev.carnews.story.StoryFixtures.article;
import static dev.carnews.story.StoryFixtures.priceReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.carnews.story.VersionRule;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class StoryKeeperTest {

  private static final Instant T = Instant.parse("2026-03-03T09:00:00Z");

  private static Instant hours(int h) {
    return T.plus(h, ChronoUnit.HOURS);
  }

  private static Map<String, String> stories(ArticleIndex index) throws IOException {
    index.refresh();
    return StoryCounts.read(index).stories();
  }

  private static void writeVersions(ArticleIndex index) throws IOException {
    index.write(article("plant-1", "Velora to build battery plant", PLANT, hours(0)));
    index.write(article("plant-2", "CORRECTED-Velora plant", PLANT_CORRECTED, hours(1)));
    index.write(article("plant-3", "Velora picks Drenton, shares rise", PLANT_UPDATED, hours(4)));
  }

  @Test
  void versionsShareTheStoryOfTheFirstArticleBeforeAndAfterARefresh() throws IOException {
    try (ArticleIndex index = ArticleIndex.open(new ByteBuffersDirectory())) {
      index.write(article("plant-1", "Velora to build battery plant", PLANT, hours(0)));
      index.refresh();
      index.write(article("plant-2", "CORRECTED-Velora plant", PLANT_CORRECTED, hours(1)));
      // Not refreshed: the third write must still see the second one.
      index.write(article("plant-3", "Velora picks Drenton, shares rise", PLANT_UPDATED, hours(4)));
      Map<String, String> stories = stories(index);
      assertEquals("plant-1", stories.get("plant-1"));
      assertEquals("plant-1", stories.get("plant-2"));
      assertEquals("plant-1", stories.get("plant-3"));
    }
  }

  @Test
  void aSecondVersionJoinsTheFirstArticlesStoryWithOrWithoutARefresh() throws IOException {
    for (boolean refresh : new boolean[] {false, true}) {
      try (ArticleIndex index = ArticleIndex.open(new ByteBuffersDirectory())) {
        index.write(article("plant-1", "Velora to build battery plant", PLANT, hours(0)));
        if (refresh) {
          index.refresh();
        }
        index.write(article("plant-2", "CORRECTED-Velora plant", PLANT_CORRECTED, hours(1)));
        Map<String, String> stories = stories(index);
        assertEquals("plant-1", stories.get("plant-1"), "refresh " + refresh);
        assertEquals("plant-1", stories.get("plant-2"), "refresh " + refresh);
      }
    }
  }

  @Test
  void weeklyReportsOnDifferentDaysAreSeparateStories() throws IOException {
    try (ArticleIndex index = ArticleIndex.open(new ByteBuffersDirectory())) {
      for (int week = 1; week <= 4; week++) {
        index.write(
            article(
                "prices-" + week,
                "Used-car price index",
                priceReport(week, 100 + week * 3, week, 40 + week),
                hours(week * 24 * 7)));
      }
      Map<String, String> stories = stories(index);
      for (int week = 1; week <= 4; week++) {
        assertEquals("prices-" + week, stories.get("prices-" + week));
      }
    }
  }

  @Test
  void anEarlierVersionArrivingLaterBecomesTheStoryId() throws IOException {
    try (ArticleIndex index = ArticleIndex.open(new ByteBuffersDirectory())) {
      index.write(article("plant-3", "Velora picks Drenton, shares rise", PLANT_UPDATED, hours(4)));
      index.write(article("plant-2", "CORRECTED-Velora plant", PLANT_CORRECTED, hours(1)));
      index.refresh();
      index.write(article("plant-1", "Velora to build battery plant", PLANT, hours(0)));
      Map<String, String> stories = stories(index);
      assertEquals(
          Map.of("plant-1", "plant-1", "plant-2", "plant-1", "plant-3", "plant-1"), stories);
    }
  }

  @Test
  void deletingTheFirstArticleRepointsTheOtherVersions() throws IOException {
    try (ArticleIndex index = ArticleIndex.open(new ByteBuffersDirectory())) {
      writeVersions(index);
      index.commit();
      index.delete("plant-1");
      Map<String, String> stories = stories(index);
      assertEquals(Map.of("plant-2", "plant-2", "plant-3", "plant-2"), stories);
    }
  }

  @Test
  void updatingTheFirstArticleOutOfItsStoryKeepsTheOthersTogether() throws IOException {
    try (ArticleIndex index = ArticleIndex.open(new ByteBuffersDirectory())) {
      writeVersions(index);
      index.write(article("plant-1", "Used-car price index", priceReport(9, 112, 3, 41), hours(0)));
      Map<String, String> stories = stories(index);
      assertEquals("plant-1", stories.get("plant-1"));
      assertEquals("plant-2", stories.get("plant-2"));
      assertEquals("plant-2", stories.get("plant-3"));
    }
  }

  @Test
  void restoryRecomputesStoriesOfAnIndexBuiltWithoutThem() throws IOException {
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    try (ArticleIndex plain = ArticleIndex.open(directory, (VersionRule) null)) {
      writeVersions(plain);
      plain.write(article("prices-1", "Used-car price index", priceReport(1, 100, 1, 40), T));
      plain.commit();
      assertEquals(4, StoryCounts.read(plain).storyCount());
      directory = copyOf(directory);
    }
    try (ArticleIndex index = ArticleIndex.open(directory)) {
      Restory.Result result = Restory.run(index);
      assertEquals(new Restory.Result(4, 2), result);
      Map<String, String> stories = stories(index);
      assertEquals("plant-1", stories.get("plant-3"));
      assertNotEquals(stories.get("plant-1"), stories.get("prices-1"));
    }
  }

  private static ByteBuffersDirectory copyOf(ByteBuffersDirectory source) throws IOException {
    ByteBuffersDirectory copy = new ByteBuffersDirectory();
    for (String file : source.listAll()) {
      copy.copyFrom(source, file, file, org.apache.lucene.store.IOContext.DEFAULT);
    }
    return copy;
  }
}
