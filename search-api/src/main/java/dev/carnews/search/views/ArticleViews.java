package dev.carnews.search.views;

import dev.carnews.entity.Entity;
import dev.carnews.entity.TaggedArticle;
import dev.carnews.ingest.Article;
import dev.carnews.search.ArticleDetail;
import dev.carnews.search.ArticleEntities;
import dev.carnews.search.EntityView;
import dev.carnews.search.StoryRef;
import java.util.List;

/**
 * The views every backend answers with, built the one way: an article's detail from its stored
 * form, HTML escaping of text, the lead of a text as a snippet. Both backends use these so their
 * answers cannot drift apart.
 */
public final class ArticleViews {

  /** How long a snippet without matches is, at most, before the ellipsis. */
  public static final int FALLBACK_LENGTH = 200;

  /** What stands for text left out of a snippet. */
  public static final String ELLIPSIS = "…";

  private ArticleViews() {}

  /**
   * The detail of an article as stored (entities in salience order) from a backend that keeps no
   * stories: like an article of an index built before stories, a story of one.
   */
  public static ArticleDetail detail(TaggedArticle stored) {
    return detail(stored, new StoryRef(stored.article().id(), 1));
  }

  /** The detail of an article as stored, in its story. */
  public static ArticleDetail detail(TaggedArticle tagged, StoryRef story) {
    Article article = tagged.article();
    List<String> authors = tagged.authors();
    return new ArticleDetail(
        article.id(),
        article.url(),
        article.title(),
        article.body(),
        authors.isEmpty() ? null : authors.get(0),
        authors,
        article.published(),
        article.section(),
        article.tags(),
        tagged.brandNames(),
        tagged.personNames(),
        new ArticleEntities(views(tagged.persons()), views(tagged.brands())),
        story);
  }

  private static List<EntityView> views(List<Entity> entities) {
    return entities.stream()
        .map(e -> new EntityView(e.name(), e.mentions(), e.salience()))
        .toList();
  }

  /** The first words of a text, escaped, for hits without highlighted passages. */
  public static String lead(String text) {
    String plain = collapsed(text);
    if (plain.length() <= FALLBACK_LENGTH) {
      return escape(plain);
    }
    int cut = plain.lastIndexOf(' ', FALLBACK_LENGTH);
    if (cut < FALLBACK_LENGTH / 2) {
      cut = FALLBACK_LENGTH;
    }
    return escape(plain.substring(0, cut).strip()) + " " + ELLIPSIS;
  }

  /**
   * The text with every run of ASCII white space ({@code \\s}: space, tab, line breaks, form feed)
   * made one space, then {@link String#strip() stripped}: what {@code replaceAll("\\s+", " ")} then
   * {@code strip()} give, in one pass without a regular expression (a search formats ten snippets
   * with it).
   */
  public static String collapsed(String text) {
    int length = text.length();
    int i = 0;
    while (i < length) {
      char c = text.charAt(i);
      if (isAsciiSpace(c) && (c != ' ' || (i + 1 < length && isAsciiSpace(text.charAt(i + 1))))) {
        break;
      }
      i++;
    }
    if (i == length) {
      return text.strip();
    }
    char[] chars = text.toCharArray();
    int n = i;
    while (i < length) {
      char c = chars[i++];
      if (isAsciiSpace(c)) {
        chars[n++] = ' ';
        while (i < length && isAsciiSpace(chars[i])) {
          i++;
        }
      } else {
        chars[n++] = c;
      }
    }
    return new String(chars, 0, n).strip();
  }

  private static boolean isAsciiSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /** HTML-escapes text for element content and attribute values. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    escape(text, 0, text.length(), out);
    return out.toString();
  }

  /**
   * HTML-escapes the characters {@code from} (inclusive) to {@code to} of text onto {@code out}.
   */
  public static void escape(String text, int from, int to, StringBuilder out) {
    int end = Math.min(to, text.length());
    // Runs of characters that need no escape are copied whole.
    int run = from;
    for (int i = from; i < end; i++) {
      String entity =
          switch (text.charAt(i)) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> null;
          };
      if (entity != null) {
        out.append(text, run, i).append(entity);
        run = i + 1;
      }
    }
    if (run < end) {
      out.append(text, run, end);
    }
  }
}
