package dev.carnews.story;

import dev.carnews.entity.TaggedArticle;
import dev.carnews.ingest.Article;
import java.time.Instant;
import java.util.List;

/** Invented articles for story tests: a plant story with its versions and a weekly price report. */
public final class StoryFixtures {

  private StoryFixtures() {}

  /** The first filing of an invented plant story. */
  public static final String PLANT =
      "The carmaker Velora said on Tuesday it would build a battery plant near the river port of"
          + " Drenton, investing 1.2 billion euros and hiring 2,400 workers by 2028. The plant will"
          + " make cells for the small electric hatchback the company plans to launch next year,"
          + " the chief executive told reporters at the site. Local officials welcomed the"
          + " decision, which ends a two-year search for a location. Construction is due to start"
          + " in the spring once the regional council approves the permits, the company said.";

  /** The plant story with one figure corrected. */
  public static final String PLANT_CORRECTED = PLANT.replace("2,400 workers", "2,100 workers");

  /** The plant story with two paragraphs added later the same day. */
  public static final String PLANT_UPDATED =
      PLANT
          + "\n\nShares of Velora rose three percent in afternoon trading after the announcement."
          + " Analysts said the plant would cut the cost of the company's cells by about a fifth."
          + "\n\nA union representative said workers at the existing assembly line would be"
          + " offered places in the new plant first, and talks on wages would begin in June.";

  /** A weekly used-car price report with the week's figures. */
  public static String priceReport(int week, int index, int change, int listings) {
    return "The used-car price index compiled by the Autotrade dealers association stood at "
        + index
        + " points in week "
        + week
        + ", a change of "
        + change
        + " points from the previous week, the association said in its weekly report. The number"
        + " of cars listed for sale on its members' sites was "
        + listings
        + " thousand. Prices of compact models and small vans moved most, while prices of large"
        + " saloons were little changed over the week, according to the report.";
  }

  /** An article with no entities. */
  public static TaggedArticle article(String id, String title, String body, Instant published) {
    return new TaggedArticle(
        new Article(id, null, title, body, List.of(), published, null, List.of()),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }
}
