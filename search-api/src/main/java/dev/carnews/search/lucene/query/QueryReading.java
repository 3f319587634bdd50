package dev.carnews.search.lucene.query;

import dev.carnews.search.QueryInterpretation;
import dev.carnews.search.lucene.index.ReaderCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.index.IndexReader;

/**
 * Reads which brands and people a query names, from the reader's lexicon of entity names and how
 * many articles each word is in, and says in words how a query was finally searched.
 */
public final class QueryReading {

  private final ReaderCache<EntityLexicon> lexicons;
  private final Spelling spelling;

  public QueryReading(ReaderCache<EntityLexicon> lexicons, Spelling spelling) {
    this.lexicons = lexicons;
    this.spelling = spelling;
  }

  /** Nothing named: the reading of a browse without words. */
  public static EntityLexicon.Reading none() {
    return new EntityLexicon.Reading(List.of(), List.of());
  }

  /** The brands and people the query names, as the reader's lexicon and word counts say. */
  public EntityLexicon.Reading read(IndexReader reader, String q) throws IOException {
    EntityLexicon lexicon = lexicons.get(reader);
    try {
      return lexicon.read(
          q,
          word -> {
            try {
              return spelling.articlesWith(reader, word);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * How the query was searched ({@code match}: all, corrected, fuzzy or some) and what it named.
   */
  public static QueryInterpretation interpretation(
      String searched, String match, EntityLexicon.Reading reading) {
    StringBuilder description = new StringBuilder();
    switch (match) {
      case "corrected" ->
          description
              .append("No results for your spelling; showing results for “")
              .append(searched)
              .append("”.");
      case "fuzzy" -> description.append("No exact matches; showing close spellings.");
      case "some" ->
          description.append("No article has every word; showing articles with some of them.");
      case "most" ->
          description.append("Articles with any of the words; those with more of them first.");
      default -> {
        // every word matched as typed: only the names need saying
      }
    }
    String names = reading.readAs();
    if (!names.isEmpty()) {
      if (description.length() > 0) {
        description.append(' ');
      }
      description.append(names);
    }
    // A long query read as any of its words from the start is a "some" reading for clients.
    String said = match.equals("most") ? "some" : match;
    return new QueryInterpretation(
        searched, said, reading.brandLabels(), reading.personLabels(), description.toString());
  }
}
