package dev.carnews.search;

import dev.carnews.index.ArticleIndex;
import dev.carnews.ingest.Article;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The shared search fixture: seven invented car-news articles with different brands, people,
 * authors and dates (one without a date, one with a hostile title), indexed in memory.
 */
public final class Fixtures {

  /** The articles, in no particular order. */
  public static final List<Article> ARTICLES =
      List.of(
          article(
              "a1",
              "Renault opens battery plant in Douai",
              "The new battery plant will supply the electric hatchback line. Élodie Marchand said"
                  + " the plant starts with two shifts.",
              "Jane Doe",
              "2025-07-03T00:00:00Z",
              "brand:Renault",
              "person:Élodie Marchand"),
          article(
              "a2",
              "Nissan and Renault share an electric platform",
              "Both brands will build compact cars on the electric platform from 2027, said Élodie"
                  + " Marchand and Kenji Sato at the joint briefing.",
              "Paul Grey",
              "2025-07-20T23:30:00Z",
              "brand:Nissan",
              "brand:Renault",
              "person:Élodie Marchand",
              "person:Kenji Sato"),
          article(
              "a3",
              "Toyota updates the Corolla hybrid",
              "The updated hybrid gets a larger touch screen and a quieter cabin, according to"
                  + " product manager Hana Ito.",
              "Jane Doe",
              "2025-08-02T09:00:00Z",
              "brand:Toyota",
              "person:Hana Ito"),
          article(
              "a4",
              "Ford recalls pickups over a brake issue",
              "Dealers will replace a brake line fitting free of charge, said spokesman Marco Vela.",
              "Paul Grey",
              "2024-12-31T18:00:00Z",
              "brand:Ford",
              "person:Marco Vela"),
          article(
              "a5",
              "<img src=x onerror=alert(1)>",
              "The electric hatchback <script>alert(2)</script> arrives in showrooms in spring.",
              "Ana Lima",
              "2025-01-01T08:00:00Z",
              "brand:Kia"),
          article(
              "a6",
              "Renault electric van range grows",
              "The van now covers more ground on one charge, said engineer Tomas Berg.",
              "Ana Lima",
              null,
              "brand:Renault",
              "person:Tomas Berg"),
          article(
              "a7",
              "Nissan prices its electric crossover",
              "The crossover costs less than the outgoing model, said Kenji Sato.",
              "Jane Doe",
              "2025-08-15T12:00:00Z",
              "brand:Nissan",
              "person:Kenji Sato"));

  private Fixtures() {}

  /** A fresh in-memory index holding every fixture article, refreshed and committed. */
  public static ArticleIndex index() throws IOException {
    ArticleIndex index = ArticleIndex.open(new ByteBuffersDirectory());
    TagsEntityTagger tagger = new TagsEntityTagger();
    for (Article article : ARTICLES) {
      index.write(tagger.tag(article));
    }
    index.commit();
    return index;
  }

  /** An article with the given entity tags. */
  public static Article article(
      String id, String title, String body, String author, String published, String... tags) {
    return new Article(
        id,
        "https://news.example/" + id,
        title,
        body,
        List.of(author),
        published == null ? null : Instant.parse(published),
        "news",
        List.of(tags));
  }
}
