package dev.carnews.embed;

import dev.carnews.ingest.Article;

/**
 * The text of an article the model reads: the headline and the lead, up to a length. News puts what
 * a story is about first (the inverted pyramid), small models read at most a few hundred tokens,
 * and the time to embed grows with the length read: the headline and lead carry the meaning at a
 * fraction of the cost of the whole body.
 */
public final class EmbeddingText {

  /**
   * Characters of the body read after the headline (about 80-100 tokens of English): on Reuters
   * topics a longer lead (1,000) scored no better and embedded 1.3-1.7 times slower.
   */
  public static final int DEFAULT_LEAD_CHARS = 400;

  private EmbeddingText() {}

  /** The headline and the first {@link #DEFAULT_LEAD_CHARS} characters of the body. */
  public static String of(Article article) {
    return of(article, DEFAULT_LEAD_CHARS);
  }

  /** The headline and the body's first {@code leadChars} characters, cut between words. */
  public static String of(Article article, int leadChars) {
    String body = article.body().strip();
    if (body.length() > leadChars) {
      int cut = body.lastIndexOf(' ', leadChars);
      body = body.substring(0, cut > leadChars / 2 ? cut : leadChars);
    }
    String title = article.title().strip();
    return body.isEmpty() ? title : title + "\n" + body;
  }
}
