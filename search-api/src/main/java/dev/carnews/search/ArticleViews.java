package dev.carnews.search;

import dev.carnews.entity.TaggedArticle;

/**
 * The views every backend answers with, built the one way: an article's detail from its stored
 * form, HTML escaping of text, the lead of a text as a snippet. Another backend (SolrCloud) uses
 * these so its answers cannot drift from the local index's.
 */
public final class ArticleViews {

  private ArticleViews() {}

  /** The detail of an article as stored (entities in salience order), a story of one. */
  public static ArticleDetail detail(TaggedArticle stored) {
    return ArticleDetails.detail(stored);
  }

  /** HTML-escapes text for element content and attribute values. */
  public static String escape(String text) {
    return Snippets.escape(text);
  }

  /** The first words of a text, escaped, for hits without highlighted passages. */
  public static String lead(String text) {
    return Snippets.lead(text);
  }
}
